package org.b2bforum.announcement;

import org.b2bforum.base.mail.BilingualMail;
import org.b2bforum.base.security.AccountService;
import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * E-mails an announcement to the log-ins of the companies it reached, after commit, when SMTP is
 * configured; delivered at least once (event publication registry), outside a transaction so that no
 * database connection is held while the mail server answers. An address the server refuses is
 * logged, not retried: the publication's retry would mail everybody else again. A mail server that
 * cannot be reached fails the delivery, which the registry tries again (README, "Events").
 */
@Component
class AnnouncementMailer {

    private final BilingualMail mail;
    private final AccountService accounts;
    private final I18NProvider i18n;

    AnnouncementMailer(BilingualMail mail, AccountService accounts, I18NProvider i18n) {
        this.mail = mail;
        this.accounts = accounts;
        this.i18n = i18n;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void send(AnnouncementPublished published) {
        if (!mail.canSend()) {
            return;
        }
        for (long userId : accounts.userIdsOfCompanies(published.companyIds())) {
            accounts.emailOf(userId).ifPresent(to -> mail.sendOrThrowWhileServerAway(to, "mail.announcement.subject",
                    // the organizer's text once, under the Russian introduction; the English part points to it
                    locale -> i18n.getTranslation("mail.announcement.body", locale)
                            + (locale.getLanguage().equals("ru") ? "\n\n" + published.text() : ""), "announcement " + published.id() + " to " + to));
        }
    }
}
