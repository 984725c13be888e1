package org.b2bforum.venue;

import java.util.List;
import java.util.regex.Pattern;

import org.b2bforum.base.security.AccountRefusedException;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.Passwords;
import org.b2bforum.base.security.StaffAccount;
import org.b2bforum.base.text.Texts;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Organizers give venue staff log-ins of their own (role STAFF): they check people in and mark
 * meetings held, and see nothing else. The password follows the usual rules (Passwords).
 */
@Service
public class StaffService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final int MAX_NAME = 200;

    private final AccountService accounts;

    StaffService(AccountService accounts) {
        this.accounts = accounts;
    }

    @PreAuthorize("hasRole('ORGANIZER')")
    public List<StaffAccount> staff() {
        return accounts.staffAccounts();
    }

    /**
     * Creates a staff log-in.
     *
     * @throws AccountRefusedException naming the field and the reason
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    public long create(String email, String displayName, String password) {
        String address = AccountService.normalizeEmail(email);
        if (address.isEmpty()) {
            throw new AccountRefusedException("email", "validation.required");
        }
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new AccountRefusedException("email", "validation.email");
        }
        String name = displayName == null ? "" : Texts.singleLine(displayName);
        if (name.isEmpty()) {
            throw new AccountRefusedException("name", "validation.required");
        }
        if (name.length() > MAX_NAME) {
            throw new AccountRefusedException("name", "validation.too-long");
        }
        Passwords.problem(password, address).ifPresent(problem -> {
            throw new AccountRefusedException("password", problem);
        });
        if (accounts.isEmailRegistered(address)) {
            throw new AccountRefusedException("email", "staff.error.email-taken");
        }
        try {
            return accounts.createStaffAccount(address, password, name);
        } catch (DataIntegrityViolationException e) {
            if (!AccountService.isEmailTaken(e)) {
                throw e;
            }
            throw new AccountRefusedException("email", "staff.error.email-taken");
        }
    }

    /** Lets a staff member log in again, or no longer (after the forum, or a lost phone). */
    @PreAuthorize("hasRole('ORGANIZER')")
    public void setEnabled(long accountId, boolean enabled) {
        accounts.setStaffEnabled(accountId, enabled);
    }
}
