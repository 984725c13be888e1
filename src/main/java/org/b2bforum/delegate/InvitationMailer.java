package org.b2bforum.delegate;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.mail.BilingualMail;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * E-mails a delegate their invitation link (in Russian and English) once the invitation is
 * committed, when SMTP is configured ({@code spring.mail.host}); without it nothing is sent and
 * the representative passes the link on.
 */
@Component
class InvitationMailer {

    private final BilingualMail mail;
    private final I18NProvider i18n;
    private final ForumTime forumTime;

    InvitationMailer(BilingualMail mail, I18NProvider i18n, ForumTime forumTime) {
        this.mail = mail;
        this.i18n = i18n;
        this.forumTime = forumTime;
    }

    boolean canSend() {
        return mail.canSend();
    }

    @Async
    @TransactionalEventListener
    void send(DelegateInvited invited) {
        mail.send(invited.email(), "mail.invitation.subject", locale -> {
            String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).withZone(forumTime.zone()).format(invited.expiresAt());
            return i18n.getTranslation("mail.invitation.body", locale, invited.delegateName(), invited.companyName(),
                    invited.link(), expires);
        }, "the invitation to " + invited.email());
    }
}
