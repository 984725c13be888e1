package org.b2bforum.base.security;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.b2bforum.base.clock.WallClock;
import org.b2bforum.base.cluster.ClusterLeases;
import org.b2bforum.base.i18n.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first organizer from configuration ({@code B2BFORUM_ORGANIZER_EMAIL},
 * {@code B2BFORUM_ORGANIZER_PASSWORD}, and its name {@code B2BFORUM_ORGANIZER_NAME}, by default {@value #DEFAULT_NAME}). Outside demo mode the application refuses to start without
 * an organizer, and never with a weak configured password.
 * <p>
 * Runs while the context starts, once its beans are made (the database migrated), before the web server starts:
 * a refused start does not first log "Tomcat started" and "Started Application" (until 2026-12-06 it was an
 * {@code ApplicationRunner}, run after both). The application's other runners find the organizer there.
 */
@Component
class OrganizerAccountInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OrganizerAccountInitializer.class);

    private final AccountService accounts;
    private final I18NProvider i18n;
    private final ClusterLeases leases;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final String email;
    private final String password;
    private final String name;
    private final boolean demoMode;
    /** The day (UTC) of {@code B2BFORUM_ORGANIZER_PASSWORD_RESET}; null without it. */
    private final LocalDate resetDay;

    /**
     * The first organizer's name without {@code B2BFORUM_ORGANIZER_NAME}: in Russian, as the header shows it to a
     * Russian office (until ops5 it was "Organizer", in English whatever the language). Here, not as the default in
     * application.properties, which Spring reads as ISO-8859-1.
     */
    static final String DEFAULT_NAME = "Дирекция форума";

    @Autowired
    OrganizerAccountInitializer(AccountService accounts, I18NProvider i18n, ClusterLeases leases, LoginThrottle throttle,
            @WallClock Clock clock,
            @Value("${b2bforum.organizer.email:}") String email,
            @Value("${b2bforum.organizer.password:}") String password,
            @Value("${b2bforum.organizer.name:}") String name,
            @Value("${b2bforum.demo.enabled:false}") boolean demoMode,
            @Value("${b2bforum.organizer.password-reset:}") String passwordReset) {
        this.accounts = accounts;
        this.i18n = i18n;
        this.leases = leases;
        this.throttle = throttle;
        this.clock = clock;
        this.email = email;
        this.password = password;
        this.name = StringUtils.hasText(name) ? name.strip() : DEFAULT_NAME;
        this.demoMode = demoMode;
        this.resetDay = resetDay(passwordReset);
    }

    /** Tests: without {@code B2BFORUM_ORGANIZER_PASSWORD_RESET}. */
    OrganizerAccountInitializer(AccountService accounts, I18NProvider i18n, String email, String password, String name,
            boolean demoMode) {
        this(accounts, i18n, null, null, Clock.systemUTC(), email, password, name, demoMode, "");
    }

    /** Tests: without a configured name, so the default one. */
    OrganizerAccountInitializer(AccountService accounts, I18NProvider i18n, String email, String password,
            boolean demoMode) {
        this(accounts, i18n, email, password, "", demoMode);
    }

    /** The length of {@code app_user.display_name} (V1). */
    static final int NAME_LIMIT = 200;

    @Override
    public void afterSingletonsInstantiated() {
        AccountService.ConfiguredOrganizer outcome = null;
        if (StringUtils.hasText(email) && StringUtils.hasText(password)) {
            Passwords.problem(password, email).ifPresent(problem -> {
                throw new IllegalStateException(weak(problem));
            });
            if (name.indexOf('\uFFFD') >= 0) {
                throw new IllegalStateException(unreadableName());
            }
            if (name.length() > NAME_LIMIT) {
                throw new IllegalStateException("B2BFORUM_ORGANIZER_NAME is " + name.length() + " characters long: "
                        + "at most " + NAME_LIMIT + " fit (the account's name).");
            }
            outcome = accounts.ensureOrganizer(email, password, name, false);
            if (resetDay == null) {
                report(outcome);
            } else {
                resetOnce(outcome);
            }
        } else if (resetDay != null) {
            log.warn("B2BFORUM_ORGANIZER_PASSWORD_RESET={} did nothing: it needs B2BFORUM_ORGANIZER_EMAIL and "
                    + "B2BFORUM_ORGANIZER_PASSWORD. Remove it from the settings", resetDay);
        }
        if (!demoMode && !accounts.hasRealOrganizer()) {
            throw new IllegalStateException(noOrganizer(outcome));
        }
    }

    /**
     * {@code B2BFORUM_ORGANIZER_PASSWORD_RESET}: the day (UTC) of the one start that gives the organizer the settings'
     * password. Until mend52a it was {@code true} and acted at every start while it stayed set (systemd restarts,
     * every node of a cluster), undoing a password changed since and ending the office's sessions mid-forum: an old
     * {@code true} is refused, so that nobody believes it still works as before.
     */
    static LocalDate resetDay(String setting) {
        if (!StringUtils.hasText(setting) || "false".equalsIgnoreCase(setting.strip())) {
            return null;
        }
        try {
            return LocalDate.parse(setting.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("B2BFORUM_ORGANIZER_PASSWORD_RESET is \"" + setting.strip() + "\": it takes "
                    + "the day (UTC) of the start that gives the organizer B2BFORUM_ORGANIZER_PASSWORD again, as "
                    + LocalDate.now(Clock.systemUTC()) + ", and acts at the first start of that day only (no longer "
                    + "\"true\", which acted at every start)");
        }
    }

    /**
     * On the setting's day (UTC, the wall clock), the first start of all nodes takes the day's mark (a row of
     * {@code cluster_lease} that stays) and gives an enabled organizer with another password the settings' one (its
     * sessions end, and a lock of its log-in after failed attempts ends too); every other start, that day or later,
     * changes nothing and says so at WARN.
     */
    private void resetOnce(AccountService.ConfiguredOrganizer outcome) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String setting = "B2BFORUM_ORGANIZER_PASSWORD_RESET=" + resetDay;
        boolean organizer = outcome == AccountService.ConfiguredOrganizer.OTHER_PASSWORD
                || outcome == AccountService.ConfiguredOrganizer.UNCHANGED;
        if (!resetDay.equals(today)) {
            report(outcome);
            log.warn("{} did nothing: it acts at the first start of that day (UTC) only, today is {}. Remove it from "
                    + "the settings", setting, today);
        } else if (!organizer) {
            report(outcome);
            log.warn("{} did nothing: {} is no organizer that can log in. Remove it from the settings", setting, email);
        } else if (!leases.takeOnce("organizer-password-reset " + resetDay,
                resetDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            report(outcome);
            log.warn("{} did nothing: an earlier start used it (it acts once). Remove it from the settings", setting);
        } else if (outcome == AccountService.ConfiguredOrganizer.OTHER_PASSWORD) {
            accounts.setOrganizerPassword(email, password);
            throttle.accountUnlocked(email);
            log.warn("Organizer account {} has B2BFORUM_ORGANIZER_PASSWORD as its password again ({}); its sessions "
                    + "ended, a lock of its log-in was lifted. Later starts leave it alone; remove the setting", email,
                    setting);
        } else {
            report(outcome);
            throttle.accountUnlocked(email);
            log.warn("{} did nothing but lift a lock of the log-in: the account has B2BFORUM_ORGANIZER_PASSWORD "
                    + "already. It is used up; remove it from the settings", setting);
        }
    }

    /**
     * Why the start is refused: with the variables set, the reason is what became of their address (until stop 46
     * the words said "Set B2BFORUM_ORGANIZER_EMAIL" to an operator who had set it).
     */
    private String noOrganizer(AccountService.ConfiguredOrganizer outcome) {
        String none = "No organizer account that can log in exists. ";
        if (outcome == AccountService.ConfiguredOrganizer.SWITCHED_OFF) {
            return none + "B2BFORUM_ORGANIZER_EMAIL " + email + " is an organizer account that is switched off: "
                    + "name another address in B2BFORUM_ORGANIZER_EMAIL to create a new organizer.";
        }
        if (outcome == AccountService.ConfiguredOrganizer.NOT_AN_ORGANIZER) {
            return none + "B2BFORUM_ORGANIZER_EMAIL " + email + " is the log-in of a company, a delegate or venue "
                    + "staff: name another address in B2BFORUM_ORGANIZER_EMAIL to create the first organizer.";
        }
        return none + "Set B2BFORUM_ORGANIZER_EMAIL and B2BFORUM_ORGANIZER_PASSWORD to create the first one (or run "
                + "in demo mode).";
    }

    /**
     * A name in Cyrillic reaches the JVM as bytes it decodes in its locale's character set ({@code sun.jnu.encoding}):
     * in a process without a locale (checked with {@code env -i}) that is ASCII, and every letter became U+FFFD.
     */
    private static String unreadableName() {
        return "B2BFORUM_ORGANIZER_NAME has characters this JVM could not read: it reads its environment as "
                + System.getProperty("sun.jnu.encoding") + ". Start it with a UTF-8 locale (LANG=C.UTF-8, "
                + "docs/b2b-forum.service) or leave the setting out for the default name.";
    }

    /**
     * Says in the log what the setting did: the variables create the first organizer and change nothing afterwards,
     * so an operator who edits the password in the settings, or names an address that is no organizer's, reads why
     * the log-in still wants the account's own (until stop 46 nothing said so, and the log-in simply failed).
     */
    private void report(AccountService.ConfiguredOrganizer outcome) {
        switch (outcome) {
            case CREATED -> log.info("Organizer account {} created with B2BFORUM_ORGANIZER_PASSWORD. Later starts leave "
                    + "it as it is: its password is changed on its \"Change password\" page or by a reset link, not "
                    + "by the setting", email);
            case UNCHANGED -> log.info("Organizer account {} exists (B2BFORUM_ORGANIZER_EMAIL)", email);
            case OTHER_PASSWORD -> log.warn("Organizer account {} exists with a password of its own, not "
                    + "B2BFORUM_ORGANIZER_PASSWORD, and keeps it: the setting gives the first password only. Log in "
                    + "with the account's password, or have a reset link sent (\"Forgot password?\", with SMTP) or "
                    + "issued by another organizer (\"Accounts\"), or start with B2BFORUM_ORGANIZER_PASSWORD_RESET set to "
                    + "today's date (UTC) to give it B2BFORUM_ORGANIZER_PASSWORD once", email);
            case SWITCHED_OFF -> log.warn("Organizer account {} (B2BFORUM_ORGANIZER_EMAIL) is switched off and stays "
                    + "so: another organizer switches it on again on \"Accounts\"", email);
            case NOT_AN_ORGANIZER -> log.warn("B2BFORUM_ORGANIZER_EMAIL {} is the log-in of a company, a delegate or "
                    + "venue staff, not an organizer's: no organizer was created. Name another address", email);
        }
    }

    /**
     * Why the configured password is refused, in the words a user would read (English) and with the rule's key:
     * the log is all an operator sees. A password "containing the e-mail" contains its part before the @, which
     * is named, since a password such as "Office-Forum-2026" for office@... is not the address itself.
     */
    private String weak(String problem) {
        String words = i18n.getTranslation(problem, Languages.ENGLISH, Passwords.messageArguments(problem));
        if ("validation.password.contains-email".equals(problem)) {
            words += " (its part before the @, \"" + email.toLowerCase(Locale.ROOT).split("@")[0] + "\")";
        }
        return "B2BFORUM_ORGANIZER_PASSWORD is too weak: " + words + " (" + problem + "). It needs at least "
                + Passwords.MIN_LENGTH + " characters with letters and digits, must not be a common password, "
                + "and must not contain the e-mail address's part before the @.";
    }
}
