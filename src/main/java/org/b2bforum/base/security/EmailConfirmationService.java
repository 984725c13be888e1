package org.b2bforum.base.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.b2bforum.base.clock.WallClock;
import org.b2bforum.base.mail.BilingualMail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A company's log-in e-mail proved by its owner before the forum writes to it: at registration a one-time link
 * {@code /confirm-email/<token>} is e-mailed to it (the links of {@link OneTimeLinks}: 256 random bits, stored as their
 * SHA-256, once, for {@link #VALID_FOR}), and opening it confirms the address. Where no link can be sent (no SMTP
 * server, or the demo forum being written) there is nothing to confirm and the log-in is as before; so are all log-ins
 * made before this existed (V39). Anonymous paths are throttled as the password reset's are.
 */
@Service
public class EmailConfirmationService {

    /** How long a confirmation link works; an application still unconfirmed then is removed (registration). */
    public static final Duration VALID_FOR = Duration.ofHours(48);
    /** Links mailed to one account within {@link #VALID_FOR}, at most (the first and two more on request). */
    static final int MAX_MAILED = 3;

    /** What opening a link did. */
    public enum Outcome {
        /** The address is confirmed now. */
        CONFIRMED,
        /** The link worked before: the address is confirmed already. */
        USED,
        /** The link is too old; the address was not confirmed. */
        EXPIRED,
        /** No such link. */
        INVALID,
        /** The client's address asked for too many links that lead nowhere; the token was not looked up. */
        LOCKED
    }

    private static final OneTimeLinks.Kind CONFIRMATION = OneTimeLinks.Kind.EMAIL_CONFIRMATION;

    private final OneTimeLinks links;
    private final NamedParameterJdbcTemplate jdbc;
    private final LoginThrottle throttle;
    private final BilingualMail mail;
    private final DemoLoading demoLoading;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    EmailConfirmationService(OneTimeLinks links, NamedParameterJdbcTemplate jdbc, LoginThrottle throttle,
            BilingualMail mail, DemoLoading demoLoading, ApplicationEventPublisher publisher,
            PlatformTransactionManager transactionManager, PasswordEncoder passwordEncoder,
            @WallClock Clock clock) {
        this.links = links;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.mail = mail;
        this.demoLoading = demoLoading;
        this.publisher = publisher;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Asks the owner of a log-in just made to confirm its e-mail: the log-in awaits confirmation, and a link is e-mailed
     * (after the caller's commit) in {@code language} first. Nothing when no link can be sent (no SMTP server, or the
     * demo forum being loaded): the log-in is then as all were before.
     *
     * @return whether a link was sent, so that the page says so
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean askToConfirm(long accountId, String email, Locale language) {
        if (!mail.canSend() || demoLoading.isLoading()) {
            return false;
        }
        jdbc.update("update app_user set awaiting_email_confirmation = true where id = :id",
                new MapSqlParameterSource("id", accountId));
        mailLink(accountId, email, language);
        return true;
    }

    /**
     * Sends a new link to this e-mail if its log-in awaits confirmation and has not been sent {@link #MAX_MAILED}
     * links within {@link #VALID_FOR}; says nothing either way. An anonymous form: counted against the client's
     * address before the transaction, in statements of their own.
     *
     * @return how long the client must wait when it has asked too often; empty when the request was taken
     */
    public Optional<Duration> resend(String email, Locale language) {
        Optional<Duration> wait = throttle.formSubmittedByCurrentClient();
        if (wait.isPresent()) {
            return wait;
        }
        String normalized = AccountService.normalizeEmail(email);
        transactions.executeWithoutResult(status -> jdbc.queryForList("""
                select id from app_user where email = :email and awaiting_email_confirmation and enabled
                for update""", new MapSqlParameterSource("email", normalized), Long.class).stream()
                .filter(accountId -> links.mailedWithin(CONFIRMATION, accountId, VALID_FOR) < MAX_MAILED)
                .forEach(accountId -> mailLink(accountId, normalized, language)));
        return Optional.empty();
    }

    private void mailLink(long accountId, String email, Locale language) {
        OneTimeLinks.Issued issued = links.issue(CONFIRMATION, accountId, VALID_FOR, null);
        publisher.publishEvent(new EmailConfirmationRequested(email, issued.link(), issued.expiresAt(), language));
    }

    /**
     * Confirms the e-mail of the link's log-in, once: the link and every other link of the log-in are used up. Open to
     * anyone with the link; a link that leads nowhere counts against the client's address
     * ({@link LoginThrottle#linkMissed}), and an address locked out of links gets {@link Outcome#LOCKED}.
     */
    public Outcome confirm(String token) {
        String address = ClientAddress.current();
        if (throttle.linksLocked(address).isPresent()) {
            return Outcome.LOCKED;
        }
        Outcome outcome = transactions.execute(status -> {
            // locked: a second click at the same moment waits here and then reads the link used
            Optional<OneTimeLinks.Found> found = links.findLocked(CONFIRMATION, token);
            if (found.isEmpty()) {
                return Outcome.INVALID;
            }
            if (found.get().used()) {
                return Outcome.USED;
            }
            if (found.get().expired()) {
                return Outcome.EXPIRED;
            }
            long accountId = found.get().accountId();
            links.useAll(CONFIRMATION, accountId); // this link among them
            jdbc.update("update app_user set awaiting_email_confirmation = false where id = :id",
                    new MapSqlParameterSource("id", accountId));
            return Outcome.CONFIRMED;
        });
        if (outcome == Outcome.INVALID) {
            throttle.linkMissed(address);
        }
        return outcome;
    }

    /**
     * The log-in's e-mail is proved by a password reset link that was e-mailed to it and has just set a new password:
     * confirmed as by its own link, whose links are used up (review72). Without this a company that lost the
     * confirmation e-mail, or whose address another had registered, reset its password and still waited for approval
     * that could not come. Part of the reset's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void provedByResetLink(long accountId) {
        if (jdbc.update("update app_user set awaiting_email_confirmation = false "
                + "where id = :id and awaiting_email_confirmation", new MapSqlParameterSource("id", accountId)) > 0) {
            links.useAll(CONFIRMATION, accountId);
        }
    }

    /**
     * The company's log-in e-mail confirmed by the forum office (a phone call): as if its link had been opened, its links
     * used up. The caller checks who asks and keeps who, when and why (registration's audit trail).
     *
     * @return whether a log-in awaited confirmation
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean confirmedByOffice(long companyId) {
        List<Long> awaiting = jdbc.queryForList("""
                select id from app_user where company_id = :company and awaiting_email_confirmation for update""",
                new MapSqlParameterSource("company", companyId), Long.class);
        for (long accountId : awaiting) {
            links.useAll(CONFIRMATION, accountId);
        }
        jdbc.update("update app_user set awaiting_email_confirmation = false where company_id = :company",
                new MapSqlParameterSource("company", companyId));
        return !awaiting.isEmpty();
    }

    /** Which of these companies' log-ins await the confirmation of their e-mail (for the organizers' queue). */
    @Transactional(readOnly = true)
    public Set<Long> companiesAwaitingConfirmation(Collection<Long> companyIds) {
        return companyIds.isEmpty() ? Set.of() : Set.copyOf(jdbc.queryForList("""
                select distinct company_id from app_user
                where company_id in (:companies) and awaiting_email_confirmation""",
                new MapSqlParameterSource("companies", companyIds), Long.class));
    }

    /**
     * Whether a log-in of the company still awaits the confirmation of its e-mail: the one question the approval (an
     * address nobody proved gets no approval), the clean-up of never confirmed applications and the decision's e-mail
     * (not mailed to an address nobody proved) ask. In the caller's transaction, if any.
     */
    @Transactional(readOnly = true)
    public boolean awaitingConfirmation(long companyId) {
        return !companiesAwaitingConfirmation(List.of(companyId)).isEmpty();
    }

    /** The company whose log-in has this e-mail and awaits its confirmation, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> companyAwaitingConfirmation(String email) {
        return jdbc.queryForList("""
                select company_id from app_user
                where email = :email and awaiting_email_confirmation and company_id is not null""",
                new MapSqlParameterSource("email", AccountService.normalizeEmail(email)), Long.class).stream()
                .findFirst();
    }

    /**
     * Whether the company's log-in that awaits confirmation was made with this password: a new registration with the
     * same tax number or e-mail replaces an unconfirmed application only when it comes from whoever made it (a typo's
     * owner registering again with the password just chosen). A tax number is public and an e-mail easily guessed:
     * without this anyone could remove another's application in its first 48 hours and take its tax number with an
     * address of their own (review70). False when no log-in of the company awaits confirmation.
     * <p>
     * A password guessed here is a password guessed at the log-in (review72): the registration's own throttle counts
     * per client address only, so from many addresses this comparison was an unlimited oracle for one log-in's
     * password, and a bcrypt each. So it counts as a log-in of that e-mail ({@link LoginThrottle}): while the e-mail
     * or the client's address is locked out of log-ins nothing is compared (false), and a wrong password is a failed
     * log-in, recorded and counted. Called outside a transaction, so that the count stays when the registration is
     * refused and rolled back.
     */
    public boolean madeWith(long companyId, String rawPassword) {
        if (rawPassword == null) {
            return false;
        }
        String address = ClientAddress.current();
        for (Map<String, Object> login : jdbc.queryForList("""
                select email, password_hash from app_user where company_id = :company and awaiting_email_confirmation""",
                new MapSqlParameterSource("company", companyId))) {
            String email = (String) login.get("email");
            if (throttle.loginLocked(email, address).isPresent()) {
                continue;
            }
            if (passwordEncoder.matches(rawPassword, (String) login.get("password_hash"))) {
                return true;
            }
            throttle.loginFailed(email, address);
        }
        return false;
    }

    /**
     * The companies whose log-in still awaits confirmation and whose every link has expired, the oldest first, at
     * most {@code limit}: applications nobody will confirm now.
     */
    @Transactional(readOnly = true)
    public List<Long> companiesNeverConfirmed(int limit) {
        return jdbc.queryForList("""
                select u.company_id from app_user u join email_confirmation e on e.user_id = u.id
                where u.awaiting_email_confirmation and u.company_id is not null
                group by u.company_id having max(e.expires_at) <= :now
                order by min(e.created_at) limit :limit""",
                new MapSqlParameterSource("now", Timestamp.from(clock.instant())).addValue("limit", limit),
                Long.class);
    }

    /**
     * Deletes the company's log-ins that never confirmed their e-mail, with their links; the caller deletes the
     * company next, in the same transaction, having deleted the rows of its own that refer to them.
     *
     * @return how many log-ins were deleted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int deleteNeverConfirmed(long companyId) {
        MapSqlParameterSource company = new MapSqlParameterSource("company", companyId);
        String ofThem = "(select id from app_user where company_id = :company and awaiting_email_confirmation)";
        jdbc.update("delete from email_confirmation where user_id in " + ofThem, company);
        jdbc.update("delete from password_reset where user_id in " + ofThem, company);
        return jdbc.update("delete from app_user where company_id = :company and awaiting_email_confirmation",
                company);
    }
}
