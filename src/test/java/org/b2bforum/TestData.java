package org.b2bforum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.Country;
import org.b2bforum.company.Sector;
import org.b2bforum.company.TaxNumbers;
import org.b2bforum.program.InvalidProgramException;
import org.b2bforum.program.ProgramService;
import org.b2bforum.registration.RegistrationForm;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Test data shared by service and view tests. All tests of a run share one database, so every
 * tax number and e-mail made here is unique within the JVM and never clashes with the demo data.
 */
public final class TestData {

    /**
     * The organizer configured in {@code src/test/resources/config/application.properties}. The
     * password must pass {@code Passwords} (not contain "organizer"), or the application refuses to start.
     */
    public static final String ORGANIZER_EMAIL = "organizer@test.forum";
    public static final String ORGANIZER_PASSWORD = "Forum-Chief-Test-2026";

    /** The password of every company registered with {@link #registrationForm()}. */
    public static final String COMPANY_PASSWORD = "Forum-Company-2026";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Nine-digit numbers start here; random so that data of earlier runs never clashes. */
    private static final int NINE_DIGIT_BASE = ThreadLocalRandom.current().nextInt(100_000_000, 800_000_000);
    private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24), 36);

    private TestData() {
    }

    /** A token unique within the test run, e.g. for names and cities: "k3xq7-12". */
    public static String unique() {
        return RUN + "-" + COUNTER.incrementAndGet();
    }

    /** A unique, valid ten-digit Russian INN. */
    public static String uniqueInn() {
        return TaxNumbers.innFromNineDigits(nextNineDigits());
    }

    /**
     * A unique, valid Belarusian UNP (nine digits, the last a check digit): eight unique digits
     * completed, skipping those that have no check digit so that no completion repeats another.
     */
    public static String uniqueUnp() {
        while (true) {
            String eight = nextNineDigits().substring(1);
            String unp = TaxNumbers.unpFromEightDigits(eight);
            if (unp.startsWith(eight)) {
                return unp;
            }
        }
    }

    /** A unique e-mail address, e.g. "company-k3xq7-12@test.forum". */
    public static String uniqueEmail(String prefix) {
        return prefix + "-" + unique() + "@test.forum";
    }

    /** A valid registration of a Moscow company with two delegates; log in with {@link #COMPANY_PASSWORD}. */
    public static RegistrationForm registrationForm() {
        return registrationForm(Country.RU);
    }

    /** A valid registration from the given country (Moscow or Minsk), with a unique tax number and e-mails. */
    public static RegistrationForm registrationForm(Country country) {
        String token = unique();
        RegistrationForm form = new RegistrationForm();
        form.setFullName("Общество с ограниченной ответственностью «Тест " + token + "»");
        form.setShortName("Тест " + token);
        form.setCity(country == Country.BY ? "Минск" : "Москва");
        form.setCountry(country);
        form.setSectors(EnumSet.of(Sector.IT_DIGITAL, Sector.MANUFACTURING));
        form.setDescription("Разрабатываем и внедряем программное обеспечение для производства.");
        form.setOffers("Внедрение MES-систем и обучение персонала.");
        form.setSeeks("Дистрибьюторов и промышленных заказчиков.");
        form.setWebsite("test-" + token + ".example.com");
        form.setTaxNumber(country == Country.BY ? uniqueUnp() : uniqueInn());
        form.setContactPerson("Иван Петров");
        form.setEmail("info-" + token + "@test.forum");
        form.setPhone("+7 (495) 123-45-67");
        List<RegistrationForm.DelegateForm> delegates = new ArrayList<>();
        delegates.add(new RegistrationForm.DelegateForm("Иван Петров", "Директор", "ivan-" + token + "@test.forum",
                "+7 495 123 45 67"));
        delegates.add(new RegistrationForm.DelegateForm("Anna Smirnova", "Sales manager",
                "anna-" + token + "@test.forum", "+375 29 123-45-67"));
        form.setDelegates(delegates);
        form.setLoginEmail("company-" + token + "@test.forum");
        form.setPassword(COMPANY_PASSWORD);
        form.setPasswordConfirmation(COMPANY_PASSWORD);
        form.setConsent(true);
        return form;
    }

    /**
     * Logs the current thread in as the account with this e-mail, with its real principal and
     * roles, as the login form would. Undo with {@link #logOut()}.
     */
    public static ForumUser logInAs(AccountService accounts, String email) {
        ForumUser user = accounts.loadUserByUsername(email);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }

    /** Logs in as the organizer configured for tests. */
    public static ForumUser logInAsOrganizer(AccountService accounts) {
        return logInAs(accounts, ORGANIZER_EMAIL);
    }

    public static void logOut() {
        SecurityContextHolder.clearContext();
    }

    private static String nextNineDigits() {
        return Integer.toString(NINE_DIGIT_BASE + COUNTER.incrementAndGet());
    }

    /**
     * Adds a forum day of its own some years ahead (as the caller, an organizer). Days are unique and
     * the test database lives through the whole run, so a day already taken is skipped.
     */
    public static LocalDate addFreeDay(ProgramService program, LongConsumer dayId) {
        for (int attempt = 0; ; attempt++) {
            LocalDate day = LocalDate.now().plusYears(3).plusDays(ThreadLocalRandom.current().nextInt(0, 20_001));
            try {
                dayId.accept(program.addDay(day));
                return day;
            } catch (InvalidProgramException e) {
                if (attempt > 50) {
                    throw e;
                }
            }
        }
    }
}
