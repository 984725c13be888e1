package org.b2bforum.notification;

import java.util.List;
import java.util.Locale;

import org.b2bforum.base.mail.BilingualMail;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.EmailConfirmationService;
import org.b2bforum.base.web.PublicUrl;
import org.b2bforum.registration.IdentityChangeDecided;
import org.b2bforum.registration.RegistrationDecided;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Tells a company of each decision on its registration, and on a new name, country or tax number it proposed: always in the app, in the decision's
 * transaction, and by e-mail (in Russian and English) when SMTP is configured, after commit and at
 * least once through the event publication registry.
 */
@Component
class RegistrationNotifier {

    private final NotificationService notifications;
    private final AccountService accounts;
    private final BilingualMail mail;
    private final I18NProvider i18n;
    private final PublicUrl publicUrl;
    private final EmailConfirmationService confirmations;

    RegistrationNotifier(NotificationService notifications, AccountService accounts, BilingualMail mail,
            I18NProvider i18n, PublicUrl publicUrl, EmailConfirmationService confirmations) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.mail = mail;
        this.i18n = i18n;
        this.publicUrl = publicUrl;
        this.confirmations = confirmations;
    }

    static String messageKey(RegistrationDecided decided) {
        return "notification.registration." + decided.decision().name();
    }

    @EventListener
    void storeInApp(RegistrationDecided decided) {
        notifications.notifyCompany(decided.companyId(), messageKey(decided), decided.comment());
    }

    /**
     * Outside a transaction: no database connection is held while the mail server answers. An address
     * the server refuses is logged, not retried (a retry would mail the company's other log-ins again); a mail server
     * that cannot be reached fails the delivery, which the registry tries again (README, "Events").
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void sendEmail(RegistrationDecided decided) {
        // a rejection of an application whose e-mail nobody confirmed is not mailed to that address (ux68)
        if (!mail.canSend() || confirmations.awaitingConfirmation(decided.companyId())) {
            return;
        }
        for (long userId : accounts.userIdsOfCompanies(List.of(decided.companyId()))) {
            accounts.emailOf(userId).ifPresent(to -> mail.sendOrThrowWhileServerAway(to, "mail.registration.subject",
                    locale -> body(decided, locale), "the registration decision to " + to));
        }
    }

    static String messageKey(IdentityChangeDecided decided) {
        return "notification.identity-change." + (decided.accepted() ? "accepted" : "declined");
    }

    @EventListener
    void storeInApp(IdentityChangeDecided decided) {
        notifications.notifyCompany(decided.companyId(), messageKey(decided), decided.comment());
    }

    /** As {@link #sendEmail(RegistrationDecided)}: the office's decision on the company's new name or number. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void sendEmail(IdentityChangeDecided decided) {
        if (!mail.canSend()) {
            return;
        }
        for (long userId : accounts.userIdsOfCompanies(List.of(decided.companyId()))) {
            accounts.emailOf(userId).ifPresent(to -> mail.sendOrThrowWhileServerAway(to, "mail.registration.subject",
                    locale -> i18n.getTranslation(messageKey(decided), locale) + "\n"
                            + i18n.getTranslation("notification.comment", locale) + ": " + decided.comment()
                            + "\n\n" + i18n.getTranslation("mail.identity-change.next", locale,
                                    publicUrl.of("my-profile")),
                    "the decision on a new name to " + to));
        }
    }

    /**
     * The decision, the organizers' comment, and what to do next with the link to the company's application page:
     * an e-mail that only said "the organizers ask you to change your application" left the company to find the site
     * and the page by itself.
     */
    private String body(RegistrationDecided decided, Locale locale) {
        return i18n.getTranslation(messageKey(decided), locale)
                + (decided.comment() == null ? ""
                        : "\n" + i18n.getTranslation("notification.comment", locale) + ": " + decided.comment())
                + "\n\n" + i18n.getTranslation("mail.registration.next." + decided.decision().name(), locale,
                        publicUrl.of("my-registration"));
    }
}
