package org.b2bforum.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.b2bforum.base.clock.RehearsalClock;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.DemoLoading;
import org.b2bforum.company.BadgeRole;
import org.b2bforum.company.Country;
import org.b2bforum.company.Delegates;
import org.b2bforum.company.Sector;
import org.b2bforum.company.TaxNumbers;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with the demo forum: "Days of Minsk in Moscow", about 120 companies
 * from Moscow, Minsk, Kazan and Sochi, most approved, a few pending or sent back for changes.
 * Companies go through the same registration and approval as real ones; like every part of the
 * demo, it writes no table itself but asks each feature's services ({@code DemoRowsOwnersTest}).
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("b2bforum.demo.enabled")
class DemoDataLoader implements ApplicationRunner {

    static final String ORGANIZER_EMAIL = "organizer@forum.demo";
    static final String ORGANIZER_PASSWORD = "demo-organizer-2026";
    static final String COMPANY_PASSWORD = "demo-company-2026";
    static final String DELEGATE_PASSWORD = "demo-delegate-2026";
    /** Delegates with log-ins of their own: the first delegates of Мосдорсервис and Дорстроймаш. */
    static final List<String> DELEGATE_EMAILS = List.of("a.kuznetsov@mosdorservis.ru", "a.kovalevich@dorstroymash.by");

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final AccountService accounts;
    private final RegistrationService registrations;
    private final DemoProgram program;
    private final DemoVenue venue;
    private final DemoFair fair;
    private final Delegates delegates;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DemoLoading loading;

    DemoDataLoader(AccountService accounts, RegistrationService registrations, DemoProgram program, DemoVenue venue,
            DemoFair fair, Delegates delegates, JdbcTemplate jdbc, Clock clock, DemoLoading loading) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.program = program;
        this.venue = venue;
        this.fair = fair;
        this.delegates = delegates;
        this.jdbc = jdbc;
        this.clock = clock;
        this.loading = loading;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            if (accounts.count() == 0 || onlyConfiguredOrganizer()) {
                loading.started();
                // on a rehearsal clock too, the demo forum is made as before the forum, then rehearsed
                RehearsalClock.onTheRealTime(this::load);
            }
        } finally {
            loading.finished();
        }
    }

    private void load() {
        long started = System.currentTimeMillis();
        accounts.ensureOrganizer(ORGANIZER_EMAIL, ORGANIZER_PASSWORD, "Организатор форума", true);
        List<Long> ids = new ArrayList<>();
        List<RegistrationForm> forms = companies();
        for (RegistrationForm form : forms) {
            ids.add(registrations.register(form));
            accounts.markDemo(form.getLoginEmail());
        }
        try {
            logInAsOrganizer();
            spreadSubmissionTimes(ids);
            decide(ids);
            program.createProgram();
            program.createMeetings(forms.stream().map(RegistrationForm::getLoginEmail).toList());
            delegates();
            fair.create();
            venue.create();
        } finally {
            SecurityContextHolder.clearContext();
        }
        loading.loaded();
        log.info("Demo forum loaded: {} companies in {} ms", ids.size(), System.currentTimeMillis() - started);
    }

    /**
     * Two delegates get log-ins of their own (as if they had accepted their company's invitation),
     * and a few badges other roles than "participant".
     */
    private void delegates() {
        for (String email : DELEGATE_EMAILS) {
            Map<String, Object> delegate = jdbc.queryForMap("select id, full_name from delegate where email = ?", email);
            accounts.createDelegateAccount(email, DELEGATE_PASSWORD, (String) delegate.get("full_name"),
                    ((Number) delegate.get("id")).longValue());
            accounts.markDemo(email);
        }
        List<Long> speakers = new ArrayList<>(jdbc.queryForList("select id from delegate where email = ?", Long.class,
                DELEGATE_EMAILS.get(1)));
        // the plenary's other speakers: the first delegates of three more Minsk companies
        speakers.addAll(jdbc.queryForList("""
                select min(d.id) from delegate d join company c on c.id = d.company_id
                where c.city = 'Минск' and c.status = 'APPROVED' and d.email <> ?
                group by c.id order by c.id limit 3""", Long.class, DELEGATE_EMAILS.get(1)));
        speakers.forEach(id -> delegates.setBadgeRole(id, BadgeRole.SPEAKER));
        jdbc.queryForList("""
                select max(d.id) from delegate d join company c on c.id = d.company_id
                where c.status = 'APPROVED' and c.city = 'Москва'
                group by c.id order by c.id desc limit 2""", Long.class)
                .forEach(id -> delegates.setBadgeRole(id, BadgeRole.PRESS));
    }

    private boolean onlyConfiguredOrganizer() {
        return accounts.count() == 1 && accounts.hasRealOrganizer();
    }

    /** Applications arrived over the past weeks, not all in the same second. */
    private void spreadSubmissionTimes(List<Long> ids) {
        Instant now = clock.instant();
        for (int i = 0; i < ids.size(); i++) {
            registrations.backdateSubmission(ids.get(i), now.minus(Duration.ofMinutes((ids.size() - i) * 257L)));
        }
    }

    /**
     * As the organizer: most companies approved; some from every city pending, a few sent back for
     * changes, one rejected.
     */
    private void decide(List<Long> ids) {
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            if (i % 15 == 14) {
                continue; // pending
            } else if (i % 40 == 20) {
                registrations.requestChanges(id, "Уточните, пожалуйста, раздел «Что мы ищем»: какие именно "
                        + "поставщики или покупатели вас интересуют.");
            } else if (i == 47) {
                registrations.reject(id, "Компания не относится к тематике форума.");
            } else {
                registrations.approve(id);
            }
        }
    }

    /** The organizer stays logged in for the program that follows. */
    private void logInAsOrganizer() {
        DemoLogIn.as(accounts.loadUserByUsername(ORGANIZER_EMAIL));
    }

    static List<RegistrationForm> companies() {
        List<RegistrationForm> forms = new ArrayList<>();
        int index = 0;
        int delegatesBefore = 0;
        for (Map<String, String> block : blocks()) {
            RegistrationForm form = form(block, index++, delegatesBefore);
            delegatesBefore += form.getDelegates().size();
            forms.add(form);
        }
        return forms;
    }

    /**
     * A company's application as its form. Most delegates agree to be scanned at the fair; every fifth
     * delegate of the whole demo, counted in registration order from 1, does not.
     */
    private static RegistrationForm form(Map<String, String> block, int index, int delegatesBefore) {
        RegistrationForm form = new RegistrationForm();
        form.setFullName(block.get("fullName"));
        form.setShortName(block.get("shortName"));
        form.setCity(block.get("city"));
        Country country = Country.valueOf(block.get("country"));
        form.setCountry(country);
        EnumSet<Sector> sectors = EnumSet.noneOf(Sector.class);
        for (String sector : block.get("sectors").split(",")) {
            sectors.add(Sector.valueOf(sector.trim()));
        }
        form.setSectors(sectors);
        form.setDescription(block.get("description"));
        form.setOffers(block.get("offers"));
        form.setSeeks(block.get("seeks"));
        form.setWebsite(block.get("website"));
        String domain = block.get("website").replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        form.setTaxNumber(country == Country.BY
                ? TaxNumbers.unpFromEightDigits(String.format(Locale.ROOT, "19%06d", 100_000 + index * 7919 % 900_000))
                : TaxNumbers.innFromNineDigits(String.format(Locale.ROOT, "77%07d", 1_000_000 + index * 7919 % 9_000_000)));
        form.setContactPerson(block.get("contactPerson"));
        form.setEmail("info@" + domain);
        form.setPhone(block.get("phone"));
        List<RegistrationForm.DelegateForm> delegates = new ArrayList<>();
        for (String delegate : block.get("delegates").split(";")) {
            String[] parts = delegate.split("\\|");
            String name = parts[0].trim();
            int number = delegatesBefore + delegates.size() + 1;
            delegates.add(new RegistrationForm.DelegateForm(name, parts[1].trim(),
                    DemoEmailNames.emailName(name) + "@" + domain, block.get("phone")).withLeadConsent(number % 5 != 0));
        }
        form.setDelegates(delegates);
        form.setLoginEmail("info@" + domain);
        form.setPassword(COMPANY_PASSWORD);
        form.setPasswordConfirmation(COMPANY_PASSWORD);
        form.setConsent(true);
        return form;
    }

    private static List<Map<String, String>> blocks() {
        String text;
        try (InputStream in = new ClassPathResource("demo/companies.txt").getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, String>> blocks = new ArrayList<>();
        for (String chunk : text.split("\\R\\s*\\R")) {
            if (chunk.isBlank()) {
                continue;
            }
            Map<String, String> block = new LinkedHashMap<>();
            for (String line : chunk.strip().split("\\R")) {
                int colon = line.indexOf(':');
                block.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
            blocks.add(block);
        }
        return blocks;
    }
}
