package org.b2bforum.base.security;

import java.util.List;
import java.util.Locale;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.i18n.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
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

    private final ObjectProvider<JavaMailSender> mailSender;
    private final I18NProvider i18n;
    private final ForumTime forumTime;
    private final String from;

    PasswordResetMailer(ObjectProvider<JavaMailSender> mailSender, I18NProvider i18n, ForumTime forumTime,
            @Value("${b2bforum.mail.from:forum@localhost}") String from) {
        this.mailSender = mailSender;
        this.i18n = i18n;
        this.forumTime = forumTime;
        this.from = from;
    }

    @Async
    @TransactionalEventListener
    void send(PasswordResetRequested requested) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("A password reset was asked for, but no SMTP server is configured: nothing is sent");
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(requested.email());
        message.setSubject(i18n.getTranslation("mail.reset.subject", Languages.RUSSIAN) + " / "
                + i18n.getTranslation("mail.reset.subject", Languages.ENGLISH));
        StringBuilder body = new StringBuilder();
        for (Locale locale : List.of(Languages.RUSSIAN, Languages.ENGLISH)) {
            body.append(i18n.getTranslation("mail.reset.body", locale, requested.email(), requested.link(),
                    forumTime.format(requested.expiresAt(), locale))).append("\n\n");
        }
        message.setText(body.toString());
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Could not e-mail a password reset link: {}", e.getMessage());
        }
    }
}
