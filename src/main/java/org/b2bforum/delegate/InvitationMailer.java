package org.b2bforum.delegate;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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
 * E-mails a delegate their invitation link (in Russian and English) once the invitation is
 * committed, when SMTP is configured ({@code spring.mail.host}); without it nothing is sent and
 * the representative passes the link on.
 */
@Component
class InvitationMailer {

    private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final I18NProvider i18n;
    private final ForumTime forumTime;
    private final String from;

    InvitationMailer(ObjectProvider<JavaMailSender> mailSender, I18NProvider i18n, ForumTime forumTime,
            @Value("${b2bforum.mail.from:forum@localhost}") String from) {
        this.mailSender = mailSender;
        this.i18n = i18n;
        this.forumTime = forumTime;
        this.from = from;
    }

    boolean canSend() {
        return mailSender.getIfAvailable() != null;
    }

    @Async
    @TransactionalEventListener
    void send(DelegateInvited invited) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(invited.email());
        message.setSubject(i18n.getTranslation("mail.invitation.subject", Languages.RUSSIAN) + " / "
                + i18n.getTranslation("mail.invitation.subject", Languages.ENGLISH));
        StringBuilder body = new StringBuilder();
        for (Locale locale : List.of(Languages.RUSSIAN, Languages.ENGLISH)) {
            String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).withZone(forumTime.zone()).format(invited.expiresAt());
            body.append(i18n.getTranslation("mail.invitation.body", locale, invited.delegateName(),
                    invited.companyName(), invited.link(), expires)).append("\n\n");
        }
        message.setText(body.toString());
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Could not e-mail the invitation to {}: {}", invited.email(), e.getMessage());
        }
    }
}
