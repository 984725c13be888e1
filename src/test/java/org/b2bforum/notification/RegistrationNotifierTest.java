package org.b2bforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;

import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.registration.RegistrationDecided;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import com.vaadin.flow.i18n.DefaultI18NProvider;

class RegistrationNotifierTest {

    private final AccountService accounts = mock(AccountService.class);
    private final JavaMailSender mailSender = mock(JavaMailSender.class);
    private final RegistrationDecided rejected = new RegistrationDecided(7, "Дорстроймаш", RegistrationStatus.REJECTED,
            "Компания не относится к тематике форума.");

    @SuppressWarnings("unchecked")
    private RegistrationNotifier notifier(JavaMailSender sender) {
        ObjectProvider<JavaMailSender> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(sender);
        when(accounts.userIdsOfCompanies(List.of(7L))).thenReturn(List.of(70L));
        when(accounts.emailOf(70)).thenReturn(Optional.of("info@dorstroymash.by"));
        return new RegistrationNotifier(mock(NotificationService.class), accounts, provider,
                new DefaultI18NProvider(Languages.ALL), "forum@minsk-moscow.example");
    }

    @Test
    void with_smtp_configured_the_company_gets_the_decision_by_email_in_russian_and_english() {
        notifier(mailSender).sendEmail(rejected);

        ArgumentCaptor<SimpleMailMessage> message = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mailSender).send(message.capture());
        assertThat(message.getValue().getTo()).containsExactly("info@dorstroymash.by");
        assertThat(message.getValue().getFrom()).isEqualTo("forum@minsk-moscow.example");
        assertThat(message.getValue().getText())
                .contains("Ваша заявка на участие в форуме отклонена.")
                .contains("Your application to take part in the forum has been rejected.")
                .contains("Компания не относится к тематике форума.");
    }

    @Test
    void without_smtp_nothing_is_sent_and_nothing_fails() {
        notifier(null).sendEmail(rejected);

        verify(mailSender, never()).send(any(SimpleMailMessage.class));
    }

    @Test
    void a_failing_mail_server_does_not_undo_the_decision() {
        doThrow(new MailSendException("connection refused")).when(mailSender).send(any(SimpleMailMessage.class));

        notifier(mailSender).sendEmail(rejected);

        verify(mailSender).send(any(SimpleMailMessage.class));
    }
}
