package org.b2bforum.base.security;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The tests' one fixture for the e-mail confirmation (ux68): every registration that gets a confirmation link (only
 * while a test has put a mail server into the context: {@link PasswordResetTest}, {@link EmailConfirmationTest},
 * {@code RegistrationJourneyIT}, whose browser journeys run beside the others) is confirmed at once, in the
 * registration's transaction, as if its owner had opened the link: the fixtures that register and approve companies
 * (TestCompanies, BookingFixture, ...) stay as they are. Only a log-in e-mail made with {@link #BY_LINK} waits for its
 * link, for the tests of the link itself. Found by the application's component scan, as the other fixtures.
 */
@Component
public class ConfirmedAtOnce {

    /** The start of a log-in e-mail whose registration waits for its link to be opened. */
    public static final String BY_LINK = "by-link";

    private final EmailConfirmationService confirmations;

    ConfirmedAtOnce(EmailConfirmationService confirmations) {
        this.confirmations = confirmations;
    }

    @EventListener
    void openTheLink(EmailConfirmationRequested requested) {
        if (!requested.email().startsWith(BY_LINK)) {
            confirmations.confirm(requested.link().substring(requested.link().lastIndexOf('/') + 1));
        }
    }
}
