package org.b2bforum.base.security;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.mail.BilingualMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * E-mails a reset link (in Russian and English) once it is committed, when SMTP is configured
 * ({@code spring.mail.host}). Sent in the background, so that the answer takes as long whether the
 * account exists or not.
 */
@Component
class PasswordResetMailer {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetMailer.class);

    private final BilingualMail mail;
    private final I18NProvider i18n;
    private final ForumTime forumTime;

    PasswordResetMailer(BilingualMail mail, I18NProvider i18n, ForumTime forumTime) {
        this.mail = mail;
        this.i18n = i18n;
        this.forumTime = forumTime;
    }

    @Async
    @TransactionalEventListener
    void send(PasswordResetRequested requested) {
        if (!mail.canSend()) {
            log.info("A password reset was asked for, but no SMTP server is configured: nothing is sent");
            return;
        }
        mail.send(requested.email(), "mail.reset.subject", locale -> i18n.getTranslation("mail.reset.body", locale,
                requested.email(), requested.link(), forumTime.format(requested.expiresAt(), locale)),
                "a password reset link");
    }
}
