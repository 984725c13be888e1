package org.b2bforum.base.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password": a one-time link {@code /reset-password/<token>} with 256 random bits, stored
 * only as its SHA-256, working once and for {@link #VALID_FOR}. Its owner asks for it by e-mail (the
 * answer is the same whether the account exists or not), or an organizer issues it to pass on when
 * no SMTP server is configured. Setting the new password ends every session of the account. A reset by a link that was
 * e-mailed confirms the address too, if its log-in awaited that ({@link EmailConfirmationService}).
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
    private static final OneTimeLinks.Kind RESET = OneTimeLinks.Kind.PASSWORD_RESET;

    private final AccountService accounts;
    private final OneTimeLinks links;
    private final LoginThrottle throttle;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final EmailConfirmationService confirmations;

    PasswordResetService(AccountService accounts, OneTimeLinks links, LoginThrottle throttle, CurrentUser currentUser,
            ApplicationEventPublisher publisher, PlatformTransactionManager transactionManager,
            EmailConfirmationService confirmations) {
        this.confirmations = confirmations;
        this.accounts = accounts;
        this.links = links;
        this.throttle = throttle;
        this.currentUser = currentUser;
        this.publisher = publisher;
        this.transactions = new TransactionTemplate(transactionManager);
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
                    OneTimeLinks.Issued issued = issue(accountId, null);
                    publisher.publishEvent(new PasswordResetRequested(AccountService.normalizeEmail(email),
                            issued.link(), issued.expiresAt()));
                }));
        return Optional.empty();
    }

    private boolean mayMail(long accountId) {
        return links.mailedWithin(RESET, accountId, VALID_FOR) < MAX_MAILED;
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
        boolean usable = links.usableAccount(RESET, token).isPresent();
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
        // locked until the end: a second use of the link at the same time waits here, then finds it used
        long accountId = links.findLocked(RESET, token).filter(OneTimeLinks.Found::usable)
                .map(OneTimeLinks.Found::accountId)
                .orElseThrow(() -> new AccountRefusedException("token", "reset.invalid"));
        accounts.resetPassword(accountId, newPassword, confirmation);
        links.useAll(RESET, accountId);
        // a link mailed to the address proves it as a confirmation link does (review72); one an organizer passed on
        // by phone proves nothing of the address
        if (!links.issuedByOrganizer(token)) {
            confirmations.provedByResetLink(accountId);
        }
    }

    private OneTimeLinks.Issued issue(long accountId, Long issuedBy) {
        return links.issue(RESET, accountId, VALID_FOR, issuedBy);
    }
}
