package org.b2bforum.base.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first organizer from configuration ({@code B2BFORUM_ORGANIZER_EMAIL},
 * {@code B2BFORUM_ORGANIZER_PASSWORD}). Outside demo mode the application refuses to start without
 * an organizer, and never with a weak configured password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrganizerAccountInitializer implements ApplicationRunner {

    private final AccountService accounts;
    private final String email;
    private final String password;
    private final boolean demoMode;

    OrganizerAccountInitializer(AccountService accounts, @Value("${b2bforum.organizer.email:}") String email,
            @Value("${b2bforum.organizer.password:}") String password,
            @Value("${b2bforum.demo.enabled:false}") boolean demoMode) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
        this.demoMode = demoMode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (StringUtils.hasText(email) && StringUtils.hasText(password)) {
            Passwords.problem(password, email).ifPresent(problem -> {
                throw new IllegalStateException("B2BFORUM_ORGANIZER_PASSWORD is too weak (" + problem
                        + "): use at least " + Passwords.MIN_LENGTH + " characters with letters and digits, "
                        + "not a common password and not the e-mail address.");
            });
            accounts.ensureOrganizer(email, password, "Organizer", false);
        } else if (!demoMode && !accounts.hasRealOrganizer()) {
            throw new IllegalStateException("No organizer account exists. Set B2BFORUM_ORGANIZER_EMAIL and "
                    + "B2BFORUM_ORGANIZER_PASSWORD to create the first one (or run in demo mode).");
        }
    }
}
