package org.b2bforum.delegate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.b2bforum.base.clock.WallClock;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveFeed;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ClientAddress;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.LoginThrottle;
import org.b2bforum.base.security.Passwords;
import org.b2bforum.base.security.Tokens;
import org.b2bforum.base.web.PublicUrl;
import org.b2bforum.company.BadgeRole;
import org.b2bforum.company.ForumAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delegate accounts: a company's representative invites each delegate with a one-time link
 * (e-mailed when SMTP is configured, otherwise shown to the representative to pass on); the
 * delegate opens it, sets a password and gets a log-in of their own (role DELEGATE, the delegate's
 * e-mail as the log-in name). The link's token is random (256 bits) and stored only as its hash;
 * it works once, for {@link #VALIDITY}, and inviting again replaces it.
 */
@Service
public class DelegateInvitationService {

    public static final Duration VALIDITY = Duration.ofDays(14);
    /** The key of the refusal of an address that submits too often; the link itself still works. */
    public static final String TOO_MANY = "form.too-many-later";

    private final NamedParameterJdbcTemplate jdbc;
    private final ForumAccess access;
    private final CurrentUser currentUser;
    private final AccountService accounts;
    private final PublicUrl publicUrl;
    private final InvitationMailer mailer;
    private final ApplicationEventPublisher events;
    private final LoginThrottle throttle;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final LiveFeed liveFeed;

    DelegateInvitationService(NamedParameterJdbcTemplate jdbc, ForumAccess access, CurrentUser currentUser,
            AccountService accounts, PublicUrl publicUrl, InvitationMailer mailer, ApplicationEventPublisher events,
            LoginThrottle throttle, PlatformTransactionManager transactionManager, @WallClock Clock clock, LiveFeed liveFeed) {
        this.jdbc = jdbc;
        this.access = access;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.publicUrl = publicUrl;
        this.mailer = mailer;
        this.events = events;
        this.throttle = throttle;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.liveFeed = liveFeed;
    }

    /** The logged-in (approved) company's delegates, with whether each has a log-in or an invitation. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<DelegateAccess> myDelegates() {
        long company = access.requireApprovedCompany();
        Instant now = clock.instant();
        return jdbc.query("""
                select d.id, d.full_name, d.position, d.email, d.badge_role,
                       exists (select 1 from app_user u where u.delegate_id = d.id) has_account,
                       i.expires_at, i.accepted_at
                from delegate d left join delegate_invitation i on i.delegate_id = d.id
                where d.company_id = :c order by d.sort_order, d.id""", new MapSqlParameterSource("c", company),
                (rs, n) -> {
                    Timestamp expires = rs.getTimestamp("expires_at");
                    DelegateAccess.Status status;
                    if (rs.getBoolean("has_account")) {
                        status = DelegateAccess.Status.ACTIVE;
                    } else if (expires == null || rs.getTimestamp("accepted_at") != null) {
                        status = DelegateAccess.Status.NOT_INVITED;
                    } else {
                        status = expires.toInstant().isAfter(now) ? DelegateAccess.Status.INVITED
                                : DelegateAccess.Status.EXPIRED;
                    }
                    return new DelegateAccess(rs.getLong("id"), rs.getString("full_name"), rs.getString("position"),
                            rs.getString("email"), BadgeRole.valueOf(rs.getString("badge_role")), status,
                            status == DelegateAccess.Status.NOT_INVITED || status == DelegateAccess.Status.ACTIVE
                                    ? null : expires.toInstant());
                });
    }

    /**
     * Invites one of the logged-in company's delegates: a new one-time link, valid for
     * {@link #VALIDITY}; an earlier link of the same delegate stops working. The link is e-mailed to
     * the delegate when SMTP is configured; it is returned either way, to be shown once.
     *
     * @throws InvitationRefusedException when the delegate has a log-in already, or another account
     *                                    uses their e-mail
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional
    public InvitationSent invite(long delegateId) {
        long company = access.requireApprovedCompany();
        DelegateRow delegate = jdbc.query("""
                select d.id, d.company_id, d.full_name, d.email, c.short_name
                from delegate d join company c on c.id = d.company_id where d.id = :id for update""",
                new MapSqlParameterSource("id", delegateId),
                (rs, n) -> new DelegateRow(rs.getLong("id"), rs.getLong("company_id"), rs.getString("full_name"),
                        rs.getString("email"), rs.getString("short_name")))
                .stream().findFirst().orElseThrow(() -> new AccessDeniedException("No such delegate"));
        if (delegate.companyId() != company) {
            throw new AccessDeniedException("Not a delegate of your company");
        }
        if (hasAccount(delegateId)) {
            throw new InvitationRefusedException("invitation.error.has-account");
        }
        String email = AccountService.normalizeEmail(delegate.email());
        if (email.isEmpty()) {
            throw new InvitationRefusedException("invitation.error.no-email");
        }
        if (accounts.isEmailRegistered(email)) {
            throw new InvitationRefusedException("invitation.error.email-taken");
        }
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        jdbc.update("""
                insert into delegate_invitation (delegate_id, token_hash, email, invited_by, created_at, expires_at)
                values (:d, :hash, :email, :by, :now, :expires)
                on duplicate key update token_hash = values(token_hash), email = values(email),
                    invited_by = values(invited_by), created_at = values(created_at),
                    expires_at = values(expires_at), accepted_at = null""",
                new MapSqlParameterSource("d", delegateId).addValue("hash", Tokens.hash(token)).addValue("email", email)
                        .addValue("by", currentUser.require().id()).addValue("now", Timestamp.from(now))
                        .addValue("expires", Timestamp.from(expires)));
        String link = publicUrl.of("invitation/" + token);
        boolean emailed = mailer.canSend();
        if (emailed) {
            events.publishEvent(new DelegateInvited(email, delegate.fullName(), delegate.companyName(), link, expires));
        }
        return new InvitationSent(delegateId, email, link, emailed, expires);
    }

    /**
     * Whose invitation a token is, or why it does not work (INVALID too once the company is no
     * longer approved); open to anyone who has the link. A secret link asked for without a log-in: an INVALID one
     * counts against the client's address ({@link LoginThrottle#linkMissed}), and an address locked out of links gets
     * LOCKED, its token not looked up. Its one read needs no transaction, and the count is written at once.
     */
    public Invitation invitation(String token) {
        String address = ClientAddress.current();
        if (throttle.linksLocked(address).isPresent()) {
            return Invitation.of(Invitation.State.LOCKED);
        }
        InvitationRow row = find(token, false);
        Invitation.State state = state(row);
        if (state == Invitation.State.INVALID) {
            throttle.linkMissed(address);
        }
        if (state != Invitation.State.VALID) {
            return Invitation.of(state);
        }
        return new Invitation(state, row.delegateName(), row.email(), row.companyName(), row.expiresAt());
    }

    /**
     * The delegate accepts the invitation with a new password (the rules of {@link Passwords}):
     * their DELEGATE account is created, with their e-mail as the log-in name, and the link is used up.
     *
     * @return the new account's id
     * @throws InvitationRefusedException when the link is used, expired or unknown, the e-mail has an
     *                                    account already, or the password is refused (with its field)
     */
    public long accept(String token, String password, String confirmation) {
        // An anonymous form: too many submissions from one address are refused for a while. Counted before the
        // transaction, in statements of their own: a refused form rolls its transaction back, the count must stay.
        throttle.formSubmittedByCurrentClient().ifPresent(wait -> {
            throw new InvitationRefusedException(TOO_MANY);
        });
        return transactions.execute(status -> acceptCounted(token, password, confirmation));
    }

    private long acceptCounted(String token, String password, String confirmation) {
        InvitationRow row = find(token, true);
        Invitation.State state = state(row);
        if (state != Invitation.State.VALID) {
            throw new InvitationRefusedException("invitation.state." + state.name());
        }
        if (accounts.isEmailRegistered(row.email())) {
            throw new InvitationRefusedException("invitation.error.email-taken");
        }
        Passwords.problem(password, row.email()).ifPresent(key -> {
            throw new InvitationRefusedException(key, "password");
        });
        if (!password.equals(confirmation)) {
            throw new InvitationRefusedException("validation.password.mismatch", "confirmation");
        }
        long accountId;
        try {
            accountId = accounts.createDelegateAccount(row.email(), password, row.delegateName(), row.delegateId());
        } catch (DataIntegrityViolationException e) {
            if (!AccountService.isEmailTaken(e)) {
                // not the e-mail: nothing the delegate can change, and not to be passed off as "the e-mail is taken"
                throw e;
            }
            // the same e-mail registered a moment ago
            throw new InvitationRefusedException("invitation.error.email-taken");
        }
        jdbc.update("update delegate_invitation set accepted_at = :now where id = :id",
                new MapSqlParameterSource("now", Timestamp.from(clock.instant())).addValue("id", row.id()));
        // the company's open delegates page said "Invited" until reloaded (ux47)
        liveFeed.companiesChanged(List.of(row.companyId()), LiveChange.Kind.DELEGATE);
        return accountId;
    }

    private boolean hasAccount(long delegateId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from app_user where delegate_id = :d)",
                new MapSqlParameterSource("d", delegateId), Boolean.class));
    }

    private InvitationRow find(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return null;
        }
        return jdbc.query("""
                select i.id, i.delegate_id, i.email, i.expires_at, i.accepted_at, d.email current_email, d.full_name,
                       c.id company_id, c.short_name, c.status = 'APPROVED' approved,
                       exists (select 1 from app_user u where u.delegate_id = d.id) has_account
                from delegate_invitation i join delegate d on d.id = i.delegate_id join company c on c.id = d.company_id
                where i.token_hash = :hash""" + (lock ? " for update" : ""),
                new MapSqlParameterSource("hash", Tokens.hash(token)),
                (rs, n) -> new InvitationRow(rs.getLong("id"), rs.getLong("delegate_id"), rs.getString("email"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("accepted_at") != null,
                        rs.getString("current_email"), rs.getString("full_name"), rs.getLong("company_id"),
                        rs.getString("short_name"),
                        rs.getBoolean("approved"), rs.getBoolean("has_account")))
                .stream().findFirst().orElse(null);
    }

    private Invitation.State state(InvitationRow row) {
        if (row == null || !row.approved()
                || !Objects.equals(row.email(), AccountService.normalizeEmail(row.currentEmail()))) {
            // unknown, the company is no longer approved, or it has since changed this delegate's e-mail
            return Invitation.State.INVALID;
        }
        if (row.accepted() || row.hasAccount()) {
            return Invitation.State.USED;
        }
        if (!row.expiresAt().isAfter(clock.instant())) {
            return Invitation.State.EXPIRED;
        }
        return Invitation.State.VALID;
    }

    private record DelegateRow(long id, long companyId, String fullName, String email, String companyName) {
    }

    private record InvitationRow(long id, long delegateId, String email, Instant expiresAt, boolean accepted,
            String currentEmail, String delegateName, long companyId, String companyName, boolean approved,
            boolean hasAccount) {
    }
}
