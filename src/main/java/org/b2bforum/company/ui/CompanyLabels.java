package org.b2bforum.company.ui;

import java.util.Collection;
import java.util.stream.Collectors;

import org.b2bforum.company.Cities;
import org.b2bforum.company.Country;
import org.b2bforum.company.Sector;

import com.vaadin.flow.component.Component;

/** Names of cities, countries and sectors in the reader's language. */
final class CompanyLabels {

    private CompanyLabels() {
    }

    static String place(Component component, String city, Country country) {
        return city(component, city) + ", " + component.getTranslation(country.translationKey());
    }

    static String city(Component component, String city) {
        return Cities.inLanguage(city, component::getTranslation);
    }

    static String sectors(Component component, Collection<Sector> sectors) {
        return sectors.stream().map(s -> component.getTranslation(s.translationKey())).sorted()
                .collect(Collectors.joining(", "));
    }
}
