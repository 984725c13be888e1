package org.b2bforum.base.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.b2bforum.base.i18n.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

import jakarta.mail.SendFailedException;

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
        return send(to, subjectKey, body, what, false);
    }

    /**
     * As {@link #send}, for a listener whose event is delivered again when it fails (Spring Modulith's event
     * publication registry): a mail server that cannot be reached, or that fails as a whole (log-in, time-out), is
     * thrown as {@link MailServerAwayException}, so that the event is tried again later and the e-mail is not lost;
     * an address the server refuses, or one that is no address, is logged as by {@link #send}, since trying the
     * event again would only mail its other addresses twice.
     */
    public boolean sendOrThrowWhileServerAway(String to, String subjectKey, Function<Locale, String> body,
            String what) {
        return send(to, subjectKey, body, what, true);
    }

    /**
     * As {@link #send}, with {@code first}'s language first, in the subject and the body: for an e-mail that answers
     * what someone just did on a page in that language (a registration in English gets an English e-mail, its Russian
     * below).
     */
    public boolean sendFirstIn(Locale first, String to, String subjectKey, Function<Locale, String> body,
            String what) {
        return send(to, subjectKey, body, what, false, ENGLISH_FIRST.getFirst().getLanguage()
                .equals(first == null ? "" : first.getLanguage()) ? ENGLISH_FIRST : Languages.ALL);
    }

    private static final List<Locale> ENGLISH_FIRST = List.of(Languages.ENGLISH, Languages.RUSSIAN);

    private boolean send(String to, String subjectKey, Function<Locale, String> body, String what,
            boolean throwWhileServerAway) {
        return send(to, subjectKey, body, what, throwWhileServerAway, Languages.ALL);
    }

    private boolean send(String to, String subjectKey, Function<Locale, String> body, String what,
            boolean throwWhileServerAway, List<Locale> languages) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(i18n.getTranslation(subjectKey, languages.get(0)) + " / "
                + i18n.getTranslation(subjectKey, languages.get(1)));
        StringBuilder text = new StringBuilder();
        for (Locale locale : languages) {
            text.append(body.apply(locale)).append("\n\n");
        }
        message.setText(text.toString());
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            if (throwWhileServerAway && !isAddressRefused(e)) {
                throw new MailServerAwayException("Could not e-mail " + what + ": " + e.getMessage(), e);
            }
            log.warn("Could not e-mail {}: {}", what, e.getMessage());
            return false;
        }
    }

    /**
     * Whether the failure is the message's own (an address the server refused, or text that is no address) rather
     * than the server's: JavaMail reports a recipient the server refused for good (5xx) as an invalid address of a
     * {@link SendFailedException}; one refused for now (4xx) is a valid address not sent to, tried again later.
     */
    static boolean isAddressRefused(MailException e) {
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return true;
        }
        List<Throwable> causes = new ArrayList<>();
        if (e instanceof MailSendException send) {
            causes.addAll(send.getFailedMessages().values());
        }
        causes.add(e.getCause());
        for (Throwable cause : causes) {
            for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                        && failed.getInvalidAddresses().length > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The mail server cannot be reached or fails as a whole: the e-mail is to be tried again later. */
    public static final class MailServerAwayException extends RuntimeException {
        MailServerAwayException(String message, MailException cause) {
            super(message, cause);
        }
    }
}
