package org.b2bforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.b2bforum.UnreachableMailServer;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.mail.BilingualMail;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.web.PublicUrl;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.registration.IdentityChangeDecided;
import org.b2bforum.registration.RegistrationDecided;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.vaadin.flow.i18n.DefaultI18NProvider;

class RegistrationNotifierTest {

    private final AccountService accounts = mock(AccountService.class);
    private final JavaMailSender mailSender = mock(JavaMailSender.class);
    private final org.b2bforum.base.security.EmailConfirmationService confirmations = mock(
            org.b2bforum.base.security.EmailConfirmationService.class);
    private final RegistrationDecided rejected = new RegistrationDecided(7, "Дорстроймаш", RegistrationStatus.REJECTED,
            "Компания не относится к тематике форума.");

    @SuppressWarnings("unchecked")
    private RegistrationNotifier notifier(JavaMailSender sender) {
        ObjectProvider<JavaMailSender> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(sender);
        when(accounts.userIdsOfCompanies(List.of(7L))).thenReturn(List.of(70L));
        when(accounts.emailOf(70)).thenReturn(Optional.of("info@dorstroymash.by"));
        DefaultI18NProvider i18n = new DefaultI18NProvider(Languages.ALL);
        PublicUrl publicUrl = mock(PublicUrl.class);
        when(publicUrl.of("my-registration")).thenReturn("https://forum.minsk-moscow.example/my-registration");
        when(publicUrl.of("my-profile")).thenReturn("https://forum.minsk-moscow.example/my-profile");
        return new RegistrationNotifier(mock(NotificationService.class), accounts,
                new BilingualMail(provider, i18n, "forum@minsk-moscow.example"), i18n,
                publicUrl, confirmations);
    }

    /** mend53a: the office's decision on a new name reaches the company in both languages, with the reason. */
    @Test
    void a_declined_new_name_is_mailed_with_the_reason_and_the_profile_s_link() {
        notifier(mailSender).sendEmail(new IdentityChangeDecided(7, "Дорстроймаш", false,
                "Название не совпадает с выпиской"));

        ArgumentCaptor<SimpleMailMessage> message = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mailSender).send(message.capture());
        assertThat(message.getValue().getTo()).containsExactly("info@dorstroymash.by");
        assertThat(message.getValue().getText())
                .contains("Дирекция форума отклонила новое наименование или реквизиты вашей компании")
                .contains("The forum office declined your company’s new name or details")
                .contains("Название не совпадает с выпиской", "https://forum.minsk-moscow.example/my-profile");
    }

    /** ux68: the forum writes to no address nobody confirmed, a rejection of its application included. */
    @Test
    void a_company_whose_e_mail_is_not_confirmed_gets_no_e_mail() {
        when(confirmations.awaitingConfirmation(7L)).thenReturn(true);

        notifier(mailSender).sendEmail(rejected);

        verify(mailSender, never()).send(any(SimpleMailMessage.class));
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

    /** Before, the e-mail only named the decision: the company had to find the site and the page to act on it. */
    @Test
    void the_email_says_what_to_do_next_with_the_link_to_the_application_page() {
        JavaMailSender sender = mailSender;
        notifier(sender).sendEmail(new RegistrationDecided(7, "Дорстроймаш", RegistrationStatus.CHANGES_REQUESTED,
                "Укажите УНП."));
        notifier(sender).sendEmail(rejected);

        ArgumentCaptor<SimpleMailMessage> message = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(sender, org.mockito.Mockito.times(2)).send(message.capture());
        String link = "https://forum.minsk-moscow.example/my-registration";
        assertThat(message.getAllValues().get(0).getText())
                .contains("Исправьте заявку и отправьте её повторно")
                .contains("Change your application and send it again")
                .contains(link);
        assertThat(message.getAllValues().get(1).getText())
                .contains("Заявка и комментарий организаторов: " + link + ".")
                .contains("Your application and the organizers’ comment: " + link + ".")
                .contains("обратитесь в оргкомитет форума");
    }

    @Test
    void without_smtp_nothing_is_sent_and_nothing_fails() {
        notifier(null).sendEmail(rejected);

        verify(mailSender, never()).send(any(SimpleMailMessage.class));
    }

    /**
     * The decision has committed when its e-mail is sent (after commit). A mail server that cannot be reached fails
     * the delivery, so that the event publication registry tries it again (AfterCommitEventsTest) and the e-mail
     * arrives once the server is back; before, the failure was only logged and the publication completed: lost.
     */
    @Test
    void a_mail_server_that_cannot_be_reached_fails_the_delivery_and_the_next_one_reaches_the_company() throws Exception {
        JavaMailSenderImpl smtp = UnreachableMailServer.sender();
        RegistrationNotifier notifier = notifier(smtp);

        assertThatThrownBy(() -> notifier.sendEmail(rejected)).isInstanceOf(BilingualMail.MailServerAwayException.class)
                .hasMessageContaining("info@dorstroymash.by");

        GreenMail server = new GreenMail(new ServerSetup(smtp.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            notifier.sendEmail(rejected);

            assertThat(server.waitForIncomingEmail(10_000, 1)).isTrue();
            assertThat(server.getReceivedMessages()[0].getAllRecipients()[0].toString())
                    .isEqualTo("info@dorstroymash.by");
            assertThat((String) server.getReceivedMessages()[0].getContent())
                    .contains("Компания не относится к тематике форума.");
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            server.stop();
        }
    }
}
