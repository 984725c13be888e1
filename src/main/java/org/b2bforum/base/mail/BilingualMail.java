package org.b2bforum.base.mail;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.b2bforum.base.i18n.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * E-mails in Russian and English in one message (the subject as "ru / en", the body in Russian,
 * then in English), through the configured SMTP server ({@code spring.mail.host}); without one
 * nothing is sent.
 */
@Component
public class BilingualMail {

    private static final Logger log = LoggerFactory.getLogger(BilingualMail.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final I18NProvider i18n;
    private final String from;

    public BilingualMail(ObjectProvider<JavaMailSender> mailSender, I18NProvider i18n,
            @Value("${b2bforum.mail.from:forum@localhost}") String from) {
        this.mailSender = mailSender;
        this.i18n = i18n;
        this.from = from;
    }

    /** Whether an SMTP server is configured. */
    public boolean canSend() {
        return mailSender.getIfAvailable() != null;
    }

    /**
     * Sends the message; a failure of the SMTP server is logged (as {@code what}, never with the body,
     * which may hold a secret link), not thrown.
     *
     * @param body the text in one language, given that language
     * @return whether the message was handed to the SMTP server
     */
    public boolean send(String to, String subjectKey, Function<Locale, String> body, String what) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(i18n.getTranslation(subjectKey, Languages.RUSSIAN) + " / "
                + i18n.getTranslation(subjectKey, Languages.ENGLISH));
        StringBuilder text = new StringBuilder();
        for (Locale locale : List.of(Languages.RUSSIAN, Languages.ENGLISH)) {
            text.append(body.apply(locale)).append("\n\n");
        }
        message.setText(text.toString());
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Could not e-mail {}: {}", what, e.getMessage());
            return false;
        }
    }
}
