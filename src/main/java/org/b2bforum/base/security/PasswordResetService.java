package org.b2bforum.base.security;

import java.sql.Timestamp;
import java.time.Clock;

import org.b2bforum.base.clock.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.b2bforum.base.web.PublicUrl;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password": a one-time link {@code /reset-password/<token>} with 256 random bits, stored
 * only as its SHA-256, working once and for {@link #VALID_FOR}. Its owner asks for it by e-mail (the
 * answer is the same whether the account exists or not), or an organizer issues it to pass on when
 * no SMTP server is configured. Setting the new password ends every session of the account.
 */
@Service
public class PasswordResetService {

    /** The key of the refusal of an address that submits too often; the link itself still works. */
    public static final String TOO_MANY = "form.too-many-later";


    public static final Duration VALID_FOR = Duration.ofHours(1);
    /**
     * Links e-mailed to one account on its owner's requests within {@link #VALID_FOR}, at most: the throttle counts
     * requests per address, and requests for one e-mail from many addresses must not flood its owner's inbox.
     */
    static final int MAX_MAILED = 3;
    static final String PATH = "reset-password/";

    private final AccountService accounts;
    private final NamedParameterJdbcTemplate jdbc;
    private final LoginThrottle throttle;
    private final CurrentUser currentUser;
    private final PublicUrl publicUrl;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PasswordResetService(AccountService accounts, NamedParameterJdbcTemplate jdbc, LoginThrottle throttle,
            CurrentUser currentUser, PublicUrl publicUrl, ApplicationEventPublisher publisher,
            PlatformTransactionManager transactionManager, @WallClock Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.currentUser = currentUser;
        this.publicUrl = publicUrl;
        this.publisher = publisher;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Sends a reset link to this e-mail if it is the log-in of an enabled, non-demo account that has not been sent
     * {@link #MAX_MAILED} links within the hour; says nothing either way. Counts as an anonymous form submission from
     * the client's address (before the transaction, in statements of their own, as for {@link #reset}).
     *
     * @return how long the client must wait when it has asked too often; empty when the request was taken
     */
    public Optional<Duration> requestByEmail(String email) {
        Optional<Duration> wait = throttle.formSubmittedByCurrentClient();
        if (wait.isPresent()) {
            return wait;
        }
        transactions.executeWithoutResult(status -> accounts.resettableAccount(email).filter(this::mayMail)
                .ifPresent(accountId -> {
                    Issued issued = issue(accountId, null);
                    publisher.publishEvent(new PasswordResetRequested(AccountService.normalizeEmail(email),
                            issued.link(), issued.expiresAt()));
                }));
        return Optional.empty();
    }

    private boolean mayMail(long accountId) {
        Integer mailed = jdbc.queryForObject("""
                select count(*) from password_reset
                where user_id = :user and issued_by is null and created_at > :since""",
                new MapSqlParameterSource("user", accountId)
                        .addValue("since", Timestamp.from(clock.instant().minus(VALID_FOR))), Integer.class);
        return mailed == null || mailed < MAX_MAILED;
    }

    /** A reset link for any enabled account, for an organizer to pass on to its owner. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public String issueLink(long accountId) {
        accounts.emailOfEnabled(accountId)
                .orElseThrow(() -> new AccountRefusedException("account", "accounts.error.switched-off"));
        return issue(accountId, currentUser.require().id()).link();
    }

    /**
     * Whether this link still works, to show its form or say at once that it does not. A secret link asked for
     * without a log-in: one that does not work counts against the client's address ({@link LoginThrottle#linkMissed});
     * its one read needs no transaction, and the count is written at once.
     *
     * @throws AccountRefusedException {@link #TOO_MANY} for the field "token", its token not looked up, while the
     *                                 address is locked out of links
     */
    public boolean isUsable(String token) {
        String address = ClientAddress.current();
        if (throttle.linksLocked(address).isPresent()) {
            throw new AccountRefusedException("token", TOO_MANY);
        }
        boolean usable = usableAccount(token).isPresent();
        if (!usable) {
            throttle.linkMissed(address);
        }
        return usable;
    }

    /**
     * Sets the new password of the link's account and uses the link up (with every other link of the
     * account). Refused, with nothing changed, when the link does not work or the password breaks the rules.
     *
     * @throws AccountRefusedException for the field "token" (the link) or the password fields
     */
    public void reset(String token, String newPassword, String confirmation) {
        // Counted before the transaction, in statements of their own: a refused form rolls its transaction back, the
        // count must stay.
        throttle.formSubmittedByCurrentClient().ifPresent(wait -> {
            throw new AccountRefusedException("token", TOO_MANY);
        });
        transactions.executeWithoutResult(status -> resetCounted(token, newPassword, confirmation));
    }

    private void resetCounted(String token, String newPassword, String confirmation) {
        long accountId = usableAccount(token).orElseThrow(() -> new AccountRefusedException("token", "reset.invalid"));
        Timestamp now = Timestamp.from(clock.instant());
        // Claimed first, under the row's lock: of two submissions of one link only one changes the row
        // (the other waits and then finds it used); a password the rules refuse rolls the claim back.
        int claimed = jdbc.update("""
                update password_reset set used_at = :now
                where token_hash = :hash and used_at is null and expires_at > :now""",
                new MapSqlParameterSource("now", now).addValue("hash", Tokens.hash(token)));
        if (claimed != 1) {
            throw new AccountRefusedException("token", "reset.invalid");
        }
        accounts.resetPassword(accountId, newPassword, confirmation);
        jdbc.update("update password_reset set used_at = :now where user_id = :user and used_at is null",
                new MapSqlParameterSource("now", now).addValue("user", accountId));
    }

    private Optional<Long> usableAccount(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        List<Long> ids = jdbc.queryForList("""
                select r.user_id from password_reset r join app_user u on u.id = r.user_id
                where r.token_hash = :hash and r.used_at is null and r.expires_at > :now and u.enabled""",
                new MapSqlParameterSource("hash", Tokens.hash(token)).addValue("now", Timestamp.from(clock.instant())),
                Long.class);
        return ids.stream().findFirst();
    }

    private Issued issue(long accountId, Long issuedBy) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(VALID_FOR);
        jdbc.update("insert into password_reset (user_id, token_hash, created_at, expires_at, issued_by) "
                + "values (:user, :hash, :now, :expires, :by)", new MapSqlParameterSource("user", accountId)
                        .addValue("hash", Tokens.hash(token)).addValue("now", Timestamp.from(now))
                        .addValue("expires", Timestamp.from(expires)).addValue("by", issuedBy));
        return new Issued(publicUrl.of(PATH + token), expires);
    }

    private record Issued(String link, Instant expiresAt) {
    }
}
