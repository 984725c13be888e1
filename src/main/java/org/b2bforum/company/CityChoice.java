package org.b2bforum.company;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import com.vaadin.flow.component.combobox.ComboBox;

/**
 * A city field's value from a name typed or read from an address, in either language ({@link Cities#typed}): the
 * stored name, added to the field's items when the list lacks it; blank is no city. One for the registration form, the
 * directory's and the approval queue's filters (the queue kept "Moscow" from its address as typed, mend52b).
 */
public final class CityChoice {

    private CityChoice() {
    }

    /** Sets {@code field} (whose items are {@code items}) to the city {@code typed} names, or to none when blank. */
    public static void set(ComboBox<String> field, List<String> items, String typed,
            BiFunction<Locale, String, String> translation) {
        String name = Cities.typed(typed, translation);
        if (!name.isEmpty() && !items.contains(name)) {
            items.add(name);
            field.getListDataView().refreshAll();
        }
        field.setValue(name.isEmpty() ? null : name);
    }
}
