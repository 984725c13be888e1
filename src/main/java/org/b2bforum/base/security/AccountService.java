package org.b2bforum.base.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.b2bforum.base.clock.WallClock;
import org.b2bforum.base.database.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Log-in accounts. Accounts are created by registration (a company's representative), by
 * configuration (the first organizer) and by the demo data; nothing here is reachable from a view.
 */
@Service
public class AccountService implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final UserAccountRepository accounts;
    private final NamedParameterJdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final boolean demoMode;
    private final ApplicationEventPublisher events;
    /** Told of every change of what a session check reads: this node keeps none of the checks read before it. */
    private final RecentSessionChecks recentChecks;

    AccountService(UserAccountRepository accounts, NamedParameterJdbcTemplate jdbc, PasswordEncoder passwordEncoder,
            @WallClock Clock clock, CurrentUser currentUser, org.springframework.core.env.Environment environment,
            ApplicationEventPublisher events, RecentSessionChecks recentChecks) {
        this.accounts = accounts;
        this.recentChecks = recentChecks;
        this.events = events;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.currentUser = currentUser;
        this.demoMode = environment.getProperty(DemoMode.ENABLED, Boolean.class, false);
    }

    /**
     * Whether a log-in was refused because another log-in has its e-mail (the e-mail's unique key): a form may then say
     * "this e-mail is taken". Any other integrity failure is something else and must not be read so.
     */
    public static boolean isEmailTaken(Throwable failure) {
        return DatabaseFailures.isDuplicateOf(failure, "uk_app_user_email");
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    @Transactional(readOnly = true)
    public ForumUser loadUserByUsername(String username) {
        UserAccount account = accounts.findByEmail(normalizeEmail(username))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        // Demo accounts have published passwords: they only work while the demo mode is on.
        boolean enabled = account.isEnabled() && (demoMode || !account.isDemo());
        return new ForumUser(account.getId(), account.getEmail(), account.getPasswordHash(), enabled,
                account.getDisplayName(), account.getRole(), account.getCompanyId(), account.getDelegateId(),
                account.getSessionEpoch());
    }

    /**
     * Whether a session of this user may go on: the account still exists and may log in, and neither
     * its password changed nor was it disabled since the user logged in. Asked on every request, so it
     * is one plain statement without a transaction: a read-only transaction around it added a
     * {@code set autocommit} pair and a commit to every HTTP request (bench/README.md, issue 17).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean sessionStillValid(ForumUser user) {
        return checkSession(user).valid();
    }

    /**
     * What a request's session check reads: whether the session may go on ({@link #sessionStillValid}), and in the
     * same statement the registration status of the account's company (null for an account without one) and whether
     * the forum collects wishes now (null without the settings' row), which the request's approval checks and its
     * pages then need not read again ({@link CompanyStatusOfThisRequest}, {@link WishesPhaseOfThisRequest}). A read
     * that joins the company feature's table and the program feature's booking settings, named as such.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public SessionCheck checkSession(ForumUser user) {
        List<SessionCheck> checked = jdbc.query("""
                select u.enabled, u.demo, u.session_epoch, c.status company_status,
                       (select w.wishes_phase from booking_settings w where w.id = 1) wishes_phase
                from app_user u left join company c on c.id = u.company_id where u.id = :id""",
                new MapSqlParameterSource("id", user.id()),
                (rs, row) -> new SessionCheck(rs.getBoolean("enabled") && (demoMode || !rs.getBoolean("demo"))
                        && rs.getInt("session_epoch") == user.sessionEpoch(), rs.getString("company_status"),
                        rs.getObject("wishes_phase", Boolean.class)));
        return checked.isEmpty() ? new SessionCheck(false, null, null) : checked.getFirst();
    }

    /**
     * A session check's answer: may the session go on, its company's registration status (or null), and whether the
     * forum collects wishes (or null: no settings' row).
     */
    public record SessionCheck(boolean valid, String companyStatus, Boolean wishesPhase) {
    }

    /**
     * Changes the logged-in user's own password: the current one is required, the new one follows
     * the same rules as at registration. Every other session of the account ends; this one goes on.
     *
     * @throws AccountRefusedException naming the field that is wrong
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changePassword(String currentPassword, String newPassword, String confirmation) {
        ForumUser user = currentUser.require();
        // removed meanwhile (a delegate struck off the company's list while on this page): words, not a trace
        UserAccount account = accounts.lockById(user.id())
                .orElseThrow(() -> new AccountRefusedException("currentPassword", "password.change.account-removed"));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new AccountRefusedException("currentPassword", "password.change.wrong-current");
        }
        checkNewPassword(newPassword, confirmation, account.getEmail());
        account.changePassword(passwordEncoder.encode(newPassword));
        recentChecks.changed();
        accounts.flush();
        currentUser.replace(user.withSessionEpoch(account.getSessionEpoch()));
    }

    /** Sets a new password on an account whose owner proved it otherwise (a reset link); ends all its sessions. */
    void resetPassword(long accountId, String newPassword, String confirmation) {
        UserAccount account = accounts.findById(accountId).orElseThrow();
        checkNewPassword(newPassword, confirmation, account.getEmail());
        account.changePassword(passwordEncoder.encode(newPassword));
        recentChecks.changed();
    }

    private static void checkNewPassword(String password, String confirmation, String email) {
        Passwords.problem(password, email).ifPresent(problem -> {
            throw new AccountRefusedException("newPassword", problem);
        });
        if (!password.equals(confirmation)) {
            throw new AccountRefusedException("confirmation", "validation.password.mismatch");
        }
    }

    /** The account that may reset its password by e-mail: it exists, is enabled and is no demo account. */
    Optional<Long> resettableAccount(String email) {
        return accounts.findByEmail(normalizeEmail(email)).filter(UserAccount::isEnabled)
                .filter(a -> !a.isDemo()).map(UserAccount::getId);
    }

    Optional<String> emailOfEnabled(long accountId) {
        return accounts.findById(accountId).filter(UserAccount::isEnabled).map(UserAccount::getEmail);
    }

    @Transactional(readOnly = true)
    public boolean isEmailRegistered(String email) {
        return accounts.existsByEmail(normalizeEmail(email));
    }

    /** Creates the log-in of a company's representative; the caller has validated the password. */
    @Transactional
    public long createCompanyAccount(String email, String rawPassword, String displayName, long companyId,
            boolean demo) {
        UserAccount account = new UserAccount(normalizeEmail(email), passwordEncoder.encode(rawPassword),
                displayName, Role.COMPANY, companyId, demo, clock.instant());
        return accounts.save(account).getId();
    }

    /**
     * Creates the log-in of one delegate; the caller has validated the password and the e-mail. Publishes
     * {@link DelegateAccountCreated} in the transaction.
     */
    @Transactional
    public long createDelegateAccount(String email, String rawPassword, String displayName, long delegateId) {
        UserAccount account = new UserAccount(normalizeEmail(email), passwordEncoder.encode(rawPassword),
                displayName, Role.DELEGATE, null, false, clock.instant());
        account.setDelegateId(delegateId);
        long id = accounts.save(account).getId();
        events.publishEvent(new DelegateAccountCreated(id, delegateId));
        return id;
    }

    /**
     * Deletes the log-ins of delegates who leave their company's list; the caller (the delegate module,
     * which creates them) has had the rows that refer to them deleted first.
     */
    @Transactional
    public void deleteDelegateAccounts(Collection<Long> delegateIds) {
        if (!delegateIds.isEmpty()) {
            MapSqlParameterSource ids = new MapSqlParameterSource("ids", delegateIds);
            // a reset link the delegate asked for goes with the log-in (its foreign key refused the delete before, and
            // the company's form that removed the delegate failed)
            jdbc.update("""
                    delete from password_reset
                    where user_id in (select id from app_user where delegate_id in (:ids))""", ids);
            jdbc.update("delete from app_user where delegate_id in (:ids)", ids);
            recentChecks.changed();
        }
    }

    /** Creates the log-in of a venue staff member; the caller has validated the password and the e-mail. */
    @Transactional
    public long createStaffAccount(String email, String rawPassword, String displayName) {
        return accounts.save(new UserAccount(normalizeEmail(email), passwordEncoder.encode(rawPassword), displayName,
                Role.STAFF, null, false, clock.instant())).getId();
    }

    /**
     * The name the first organizer was created with until stop 50, in English whatever the language; nobody could
     * choose it (an organizer has no page to rename itself), so an organizer named so is the one the settings made.
     */
    static final String FORMER_FIRST_ORGANIZER_NAME = "Organizer";

    /**
     * Creates an organizer account unless one with this e-mail exists; an existing one is left as it is (its password
     * too), and the answer says how it compares with what was asked, for the operator's log. One exception: an
     * installation older than the name setting has its first organizer named {@value #FORMER_FIRST_ORGANIZER_NAME}, in
     * English in the Russian header; it takes {@code displayName} once, as a new installation's gets it, and the log says
     * so (INFO).
     */
    @Transactional
    public ConfiguredOrganizer ensureOrganizer(String email, String rawPassword, String displayName, boolean demo) {
        Optional<UserAccount> existing = accounts.findByEmail(normalizeEmail(email));
        if (existing.isEmpty()) {
            accounts.save(new UserAccount(normalizeEmail(email), passwordEncoder.encode(rawPassword), displayName,
                    Role.ORGANIZER, null, demo, clock.instant()));
            return ConfiguredOrganizer.CREATED;
        }
        UserAccount account = existing.get();
        if (account.getRole() != Role.ORGANIZER) {
            return ConfiguredOrganizer.NOT_AN_ORGANIZER;
        }
        if (FORMER_FIRST_ORGANIZER_NAME.equals(account.getDisplayName())) {
            account.setDisplayName(displayName);
            log.info("Organizer account {} renamed from \"{}\" to \"{}\" (B2BFORUM_ORGANIZER_NAME or its default)",
                    account.getEmail(), FORMER_FIRST_ORGANIZER_NAME, displayName);
        }
        if (!account.isEnabled()) {
            return ConfiguredOrganizer.SWITCHED_OFF;
        }
        return passwordEncoder.matches(rawPassword, account.getPasswordHash()) ? ConfiguredOrganizer.UNCHANGED
                : ConfiguredOrganizer.OTHER_PASSWORD;
    }

    /**
     * Gives the configured organizer the configured password again ({@code B2BFORUM_ORGANIZER_PASSWORD_RESET}): the way
     * back in for an office whose only organizer forgot its password on an installation without a mail server, where
     * no "Forgot password?" link can arrive and no other organizer can issue one. Its sessions end (on every node).
     * Only the start calls it (the settings are the operator's), for an organizer {@link #ensureOrganizer} found with
     * another password: package-private, no user asks.
     */
    @Transactional
    void setOrganizerPassword(String email, String rawPassword) {
        accounts.findByEmail(normalizeEmail(email)).filter(a -> a.getRole() == Role.ORGANIZER && a.isEnabled())
                .ifPresent(a -> {
                    a.changePassword(passwordEncoder.encode(rawPassword));
                    recentChecks.changed();
                });
    }

    /** What {@link #ensureOrganizer} found for the configured organizer. */
    public enum ConfiguredOrganizer {
        /** No account had the e-mail: the organizer was created with the configured password. */
        CREATED,
        /** The organizer exists with the configured password. */
        UNCHANGED,
        /** The organizer exists with a password of its own (changed or reset since): the configured one is not it. */
        OTHER_PASSWORD,
        /** The organizer exists but is switched off ("Accounts"). */
        SWITCHED_OFF,
        /** The e-mail is another role's log-in (a company's, a delegate's, venue staff's). */
        NOT_AN_ORGANIZER
    }

    /** Marks an account as a demo account: it works only while the demo mode is on. */
    @Transactional
    public void markDemo(String email) {
        accounts.findByEmail(normalizeEmail(email)).ifPresent(UserAccount::markDemo);
        recentChecks.changed();
    }

    /** Whether accounts with published passwords can log in: the demo mode is on and demo accounts exist. */
    @Transactional(readOnly = true)
    public boolean demoAccountsActive() {
        return demoMode && accounts.existsByDemoTrue();
    }

    @Transactional(readOnly = true)
    public boolean hasRealOrganizer() {
        return accounts.existsByRoleAndEnabledTrueAndDemoFalse(Role.ORGANIZER);
    }

    /** The log-in e-mail of a company's (first) representative. */
    @Transactional(readOnly = true)
    public Optional<String> emailOfCompany(long companyId) {
        return accounts.findByCompanyId(companyId).stream().map(UserAccount::getEmail).findFirst();
    }

    /**
     * The accounts of all these companies, without loading them: one plain query, as every
     * booking notifies two companies in the booking's transaction.
     */
    public List<Long> userIdsOfCompanies(Collection<Long> companyIds) {
        return companyIds.isEmpty() ? List.of() : jdbc.queryForList(
                "select id from app_user where company_id in (:companies) order by id",
                new MapSqlParameterSource("companies", companyIds), Long.class);
    }

    /**
     * SQL: the log-ins of the companies {@code companies} (an SQL list: ids or named parameters) as one text column,
     * for a caller's own query to read along ({@link #userIdsByCompany(String)} reads the column); null when none.
     */
    public static String userIdsByCompanyColumn(String companies) {
        return "(select group_concat(concat(u.company_id, ':', u.id) order by u.id separator ',') from app_user u"
                + " where u.company_id in (" + companies + "))";
    }

    /** The log-ins of each company (a company without one is left out), in id order, from a {@link #userIdsByCompanyColumn}. */
    public static Map<Long, List<Long>> userIdsByCompany(String column) {
        Map<Long, List<Long>> users = new HashMap<>();
        if (column != null && !column.isEmpty()) {
            for (String pair : column.split(",")) {
                int colon = pair.indexOf(':');
                users.computeIfAbsent(Long.parseLong(pair.substring(0, colon)), c -> new ArrayList<>())
                        .add(Long.parseLong(pair.substring(colon + 1)));
            }
        }
        return users;
    }

    @Transactional(readOnly = true)
    public Optional<String> emailOf(long userId) {
        return accounts.findById(userId).map(UserAccount::getEmail);
    }

    /** The venue staff log-ins, by name (organizers only). */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<StaffAccount> staffAccounts() {
        return accounts.findByRoleOrderByDisplayNameAscEmailAsc(Role.STAFF).stream()
                .map(a -> new StaffAccount(a.getId(), a.getEmail(), a.getDisplayName(), a.isEnabled(), a.getCreatedAt()))
                .toList();
    }

    /**
     * Every log-in with the name of its company (if any), filtered by e-mail, name or company (part of any) and role,
     * for the organizers' list: the office is asked for a log-in by whoever calls, who names the company more often
     * than the exact e-mail. A read that joins the company feature's tables, named as such.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<AccountSummary> accounts(String text, Role role, int offset, int limit) {
        MapSqlParameterSource params = accountFilter(text, role).addValue("offset", offset).addValue("limit", limit);
        return jdbc.query("select u.id, u.email, u.display_name, u.role, u.enabled, u.demo, u.created_at, "
                + "c.short_name company " + ACCOUNT_FILTER + " order by u.role, u.email limit :limit offset :offset",
                params, (rs, row) -> new AccountSummary(rs.getLong("id"), rs.getString("email"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                        rs.getBoolean("demo"), rs.getTimestamp("created_at").toInstant(), rs.getString("company")));
    }

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public int countAccounts(String text, Role role) {
        return jdbc.queryForObject("select count(*) " + ACCOUNT_FILTER, accountFilter(text, role), Integer.class);
    }

    // a representative's log-in names its company, a delegate's the company of its delegate
    private static final String ACCOUNT_FILTER = "from app_user u left join delegate d on d.id = u.delegate_id "
            + "left join company c on c.id = coalesce(u.company_id, d.company_id) "
            + "where (:role is null or u.role = :role) and (:text is null or u.email like :text "
            + "or lower(u.display_name) like :text or lower(c.short_name) like :text)";

    private static MapSqlParameterSource accountFilter(String text, Role role) {
        return new MapSqlParameterSource("text", LoginRecords.containsPattern(text)).addValue("role", role == null ? null : role.name());
    }

    /**
     * Lets any log-in in or out (organizers only). Disabling ends the account's sessions at their next
     * request. The last enabled organizer cannot be disabled: nobody could let anyone in again.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void setEnabled(long accountId, boolean enabled) {
        // Locks the organizers' rows, so that two organizers disabling each other at once cannot both succeed.
        List<UserAccount> organizers = accounts.lockEnabledOrganizers();
        UserAccount account = accounts.findById(accountId)
                .orElseThrow(() -> new AccountRefusedException("account", "accounts.error.not-found"));
        if (!enabled && account.getRole() == Role.ORGANIZER && account.isEnabled()
                && organizers.stream().allMatch(o -> o.getId().equals(accountId))) {
            throw new AccountRefusedException("account", "accounts.error.last-organizer");
        }
        account.setEnabled(enabled);
        recentChecks.changed();
    }

    /**
     * The role and name of these accounts, for an application's history (who did what) without showing log-in
     * e-mails. Only for those who read histories: organizers any account's; a company's representative only its
     * own company's accounts and the organizers' (who decide on its application), the others are left out.
     */
    @PreAuthorize("hasAnyRole('ORGANIZER', 'COMPANY')")
    @Transactional(readOnly = true)
    public java.util.Map<Long, AccountName> names(Collection<Long> accountIds) {
        java.util.Map<Long, AccountName> names = new java.util.HashMap<>();
        if (!accountIds.isEmpty()) {
            ForumUser asking = currentUser.require();
            String mine = asking.isOrganizer() ? "" : " and (role = 'ORGANIZER' or company_id = :company)";
            jdbc.query("select id, role, display_name from app_user where id in (:ids)" + mine,
                    new MapSqlParameterSource("ids", accountIds).addValue("company", asking.companyId()), rs -> {
                        names.put(rs.getLong("id"), new AccountName(Role.valueOf(rs.getString("role")),
                                rs.getString("display_name")));
                    });
        }
        return names;
    }

    /** Lets a staff log-in in or out (organizers only); refused for any other kind of account. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void setStaffEnabled(long accountId, boolean enabled) {
        UserAccount account = accounts.findById(accountId).filter(a -> a.getRole() == Role.STAFF)
                .orElseThrow(() -> new IllegalArgumentException("No staff account " + accountId));
        account.setEnabled(enabled);
        recentChecks.changed();
    }

    @Transactional(readOnly = true)
    public long count() {
        return accounts.count();
    }
}
