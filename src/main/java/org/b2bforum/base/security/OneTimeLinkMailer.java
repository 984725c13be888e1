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
 * E-mails the one-time links of {@link OneTimeLinks} once they are committed, when SMTP is configured
 * ({@code spring.mail.host}): a reset link (in Russian and English), sent in the background so that the answer takes as
 * long whether the account exists or not, and a registration's confirmation link (in the language of the page it was
 * asked for on first). Plain {@code @Async} listeners: the links must not be stored in the event registry's table.
 */
@Component
class OneTimeLinkMailer {

    private static final Logger log = LoggerFactory.getLogger(OneTimeLinkMailer.class);

    private final BilingualMail mail;
    private final I18NProvider i18n;
    private final ForumTime forumTime;

    OneTimeLinkMailer(BilingualMail mail, I18NProvider i18n, ForumTime forumTime) {
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

    @Async
    @TransactionalEventListener
    void send(EmailConfirmationRequested requested) {
        mail.sendFirstIn(requested.language(), requested.email(), "mail.confirm-email.subject",
                locale -> i18n.getTranslation("mail.confirm-email.body", locale, requested.email(), requested.link(),
                        forumTime.format(requested.expiresAt(), locale),
                        EmailConfirmationService.VALID_FOR.toHours()),
                "an e-mail confirmation link");
    }
}
