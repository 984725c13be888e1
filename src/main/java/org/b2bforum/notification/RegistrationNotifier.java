package org.b2bforum.notification;

import java.util.List;
import java.util.Locale;

import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.registration.RegistrationDecided;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Tells a company of each decision on its registration: always in the app, in the decision's
 * transaction, and by e-mail (in Russian and English) when SMTP is configured, after commit and at
 * least once through the event publication registry.
 */
@Component
class RegistrationNotifier {

    private static final Logger log = LoggerFactory.getLogger(RegistrationNotifier.class);

    private final NotificationService notifications;
    private final AccountService accounts;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final I18NProvider i18n;
    private final String from;

    RegistrationNotifier(NotificationService notifications, AccountService accounts,
            ObjectProvider<JavaMailSender> mailSender, I18NProvider i18n,
            @Value("${b2bforum.mail.from:forum@localhost}") String from) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.mailSender = mailSender;
        this.i18n = i18n;
        this.from = from;
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
     * the server refuses is logged, not retried (a retry would mail the company's other log-ins again).
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void sendEmail(RegistrationDecided decided) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        for (long userId : accounts.userIdsOfCompanies(List.of(decided.companyId()))) {
            accounts.emailOf(userId).ifPresent(to -> send(sender, to, decided));
        }
    }

    private void send(JavaMailSender sender, String to, RegistrationDecided decided) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(i18n.getTranslation("mail.registration.subject", Languages.RUSSIAN) + " / "
                + i18n.getTranslation("mail.registration.subject", Languages.ENGLISH));
        StringBuilder body = new StringBuilder();
        for (Locale locale : List.of(Languages.RUSSIAN, Languages.ENGLISH)) {
            body.append(i18n.getTranslation(messageKey(decided), locale)).append('\n');
            if (decided.comment() != null) {
                body.append(i18n.getTranslation("notification.comment", locale)).append(": ")
                        .append(decided.comment()).append('\n');
            }
            body.append('\n');
        }
        message.setText(body.toString());
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Could not e-mail {} about the registration decision: {}", to, e.getMessage());
        }
    }
}
