package org.b2bforum.demo;

import java.util.List;

import org.b2bforum.registration.RegistrationForm;

/** The demo companies of demo/companies.txt as the loader registers them, for tests on real profiles. */
public final class DemoCompanies {

    private DemoCompanies() {
    }

    public static List<RegistrationForm> all() {
        return DemoDataLoader.companies();
    }

    public static RegistrationForm named(String shortName) {
        return all().stream().filter(f -> f.getShortName().equals(shortName)).findFirst().orElseThrow();
    }
}
