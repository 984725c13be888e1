package org.b2bforum.company;

import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Companies for directory, shortlist, logo and recommendation tests: registered through
 * {@link RegistrationService} and decided by the organizer, as in real life. The database is
 * shared by the whole test run, so tests find their own companies by a {@link #uniqueWord()} or a
 * {@link #uniqueCity()}.
 */
public final class TestCompanies {

    /** A company made for a test, with the form it registered with. */
    public record TestCompany(long id, RegistrationForm form) {

        public String loginEmail() {
            return form.getLoginEmail();
        }

        public String shortName() {
            return form.getShortName();
        }
    }

    private static final String CONSONANTS = "bcdfghjklmnpqrstvwxz";

    private final RegistrationService registrations;
    private final AccountService accounts;

    public TestCompanies(RegistrationService registrations, AccountService accounts) {
        this.registrations = registrations;
        this.accounts = accounts;
    }

    /**
     * A made-up Latin word no other company uses, e.g. "qzvkrtwplx": a distinctive search term
     * (only consonants, so that no stemmer cuts it and no real word starts with it).
     */
    public static String uniqueWord() {
        StringBuilder word = new StringBuilder("qz");
        for (int i = 0; i < 10; i++) {
            word.append(CONSONANTS.charAt(ThreadLocalRandom.current().nextInt(CONSONANTS.length())));
        }
        return word.toString();
    }

    /** A made-up city no other test uses, e.g. "Тестоград-k3xq7-12". */
    public static String uniqueCity() {
        return "Тестоград-" + TestData.unique();
    }

    /** A valid registration form of the country, changed by {@code details}. */
    public static RegistrationForm form(Country country, Consumer<RegistrationForm> details) {
        RegistrationForm form = TestData.registrationForm(country);
        details.accept(form);
        return form;
    }

    public TestCompany approved(Country country, Consumer<RegistrationForm> details) {
        TestCompany company = pending(country, details);
        asOrganizer(() -> registrations.approve(company.id()));
        return company;
    }

    public TestCompany approved(Country country) {
        return approved(country, form -> {
        });
    }

    public TestCompany pending(Country country) {
        return pending(country, form -> {
        });
    }

    public TestCompany rejected(Country country) {
        return rejected(country, form -> {
        });
    }

    public TestCompany changesRequested(Country country) {
        return changesRequested(country, form -> {
        });
    }

    public TestCompany pending(Country country, Consumer<RegistrationForm> details) {
        RegistrationForm form = form(country, details);
        return new TestCompany(registrations.register(form), form);
    }

    public TestCompany rejected(Country country, Consumer<RegistrationForm> details) {
        TestCompany company = pending(country, details);
        asOrganizer(() -> registrations.reject(company.id(), "Не по тематике форума"));
        return company;
    }

    public TestCompany changesRequested(Country country, Consumer<RegistrationForm> details) {
        TestCompany company = pending(country, details);
        asOrganizer(() -> registrations.requestChanges(company.id(), "Уточните, что вы ищете"));
        return company;
    }

    public ForumUser logInAs(TestCompany company) {
        return TestData.logInAs(accounts, company.loginEmail());
    }

    public ForumUser logInAsOrganizer() {
        return TestData.logInAsOrganizer(accounts);
    }

    /** Runs an organizer's action, then restores whoever was logged in before. */
    public void asOrganizer(Runnable action) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        try {
            TestData.logInAsOrganizer(accounts);
            action.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    /**
     * Four approved companies whose offers all contain {@code word}: a Moscow builder in
     * {@code cityA}, a Minsk power plant and a Moscow power builder in {@code cityB}, and a Minsk
     * builder (also in logistics) in {@code cityA} - for filters by country, city and sector.
     */
    public FourCompanies fourSharing(String word, String cityA, String cityB) {
        return new FourCompanies(
                approved(Country.RU, f -> {
                    f.setCity(cityA);
                    f.setSectors(sectors(Sector.CONSTRUCTION));
                    f.setOffers("Строим склады, " + word + ".");
                }),
                approved(Country.BY, f -> {
                    f.setCity(cityB);
                    f.setSectors(sectors(Sector.ENERGY));
                    f.setOffers("Котельные под ключ, " + word + ".");
                }),
                approved(Country.RU, f -> {
                    f.setCity(cityB);
                    f.setSectors(sectors(Sector.ENERGY, Sector.CONSTRUCTION));
                    f.setOffers("Строим подстанции, " + word + ".");
                }),
                approved(Country.BY, f -> {
                    f.setCity(cityA);
                    f.setSectors(sectors(Sector.CONSTRUCTION, Sector.TRANSPORT_LOGISTICS));
                    f.setOffers("Строим дороги, " + word + ".");
                }));
    }

    /** See {@link #fourSharing}. */
    public record FourCompanies(TestCompany moscowBuilder, TestCompany minskPowerPlant,
            TestCompany moscowPowerBuilder, TestCompany minskBuilder) {
    }

    /** Sectors as a one-liner: {@code sectors(Sector.ENERGY)}. */
    public static EnumSet<Sector> sectors(Sector first, Sector... rest) {
        return EnumSet.of(first, rest);
    }
}
