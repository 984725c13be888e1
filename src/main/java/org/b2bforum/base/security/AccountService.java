package org.b2bforum.base.security;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Log-in accounts. Accounts are created by registration (a company's representative), by
 * configuration (the first organizer) and by the demo data; nothing here is reachable from a view.
 */
@Service
public class AccountService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final NamedParameterJdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final boolean demoMode;

    AccountService(UserAccountRepository accounts, NamedParameterJdbcTemplate jdbc, PasswordEncoder passwordEncoder,
            Clock clock, org.springframework.core.env.Environment environment) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.demoMode = environment.getProperty("b2bforum.demo.enabled", Boolean.class, false);
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
                account.getDisplayName(), account.getRole(), account.getCompanyId(), account.getDelegateId());
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

    /** Creates the log-in of one delegate; the caller has validated the password and the e-mail. */
    @Transactional
    public long createDelegateAccount(String email, String rawPassword, String displayName, long delegateId) {
        UserAccount account = new UserAccount(normalizeEmail(email), passwordEncoder.encode(rawPassword),
                displayName, Role.DELEGATE, null, false, clock.instant());
        account.setDelegateId(delegateId);
        return accounts.save(account).getId();
    }

    /** Creates the log-in of a venue staff member; the caller has validated the password and the e-mail. */
    @Transactional
    public long createStaffAccount(String email, String rawPassword, String displayName) {
        return accounts.save(new UserAccount(normalizeEmail(email), passwordEncoder.encode(rawPassword), displayName,
                Role.STAFF, null, false, clock.instant())).getId();
    }

    /** Creates an organizer account unless one with this e-mail exists. */
    @Transactional
    public void ensureOrganizer(String email, String rawPassword, String displayName, boolean demo) {
        if (!accounts.existsByEmail(normalizeEmail(email))) {
            accounts.save(new UserAccount(normalizeEmail(email), passwordEncoder.encode(rawPassword), displayName,
                    Role.ORGANIZER, null, demo, clock.instant()));
        }
    }

    /** Marks an account as a demo account: it works only while the demo mode is on. */
    @Transactional
    public void markDemo(String email) {
        accounts.findByEmail(normalizeEmail(email)).ifPresent(UserAccount::markDemo);
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

    @Transactional(readOnly = true)
    public Optional<String> emailOf(long userId) {
        return accounts.findById(userId).map(UserAccount::getEmail);
    }

    /** The venue staff log-ins, by name. */
    @Transactional(readOnly = true)
    public List<StaffAccount> staffAccounts() {
        return accounts.findByRoleOrderByDisplayNameAscEmailAsc(Role.STAFF).stream()
                .map(a -> new StaffAccount(a.getId(), a.getEmail(), a.getDisplayName(), a.isEnabled(), a.getCreatedAt()))
                .toList();
    }

    /** Lets a staff log-in in or out; refused for any other kind of account. */
    @Transactional
    public void setStaffEnabled(long accountId, boolean enabled) {
        UserAccount account = accounts.findById(accountId).filter(a -> a.getRole() == Role.STAFF)
                .orElseThrow(() -> new IllegalArgumentException("No staff account " + accountId));
        account.setEnabled(enabled);
    }

    @Transactional(readOnly = true)
    public long count() {
        return accounts.count();
    }
}
