package org.b2bforum.delegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.ZoneId;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.mail.BilingualMail;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import com.vaadin.flow.i18n.DefaultI18NProvider;

class InvitationMailerTest {

    private final JavaMailSender mailSender = mock(JavaMailSender.class);
    private final DelegateInvited invited = new DelegateInvited("a.kuznetsov@mosdorservis.ru",
            "Кузнецов Андрей Владимирович", "Мосдорсервис", "https://forum.example.org/invitation/abc",
            Instant.parse("2026-09-01T09:00:00Z"));

    @SuppressWarnings("unchecked")
    private InvitationMailer mailer(JavaMailSender sender) {
        ObjectProvider<JavaMailSender> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(sender);
        ForumTime forumTime = mock(ForumTime.class);
        when(forumTime.zone()).thenReturn(ZoneId.of("Europe/Moscow"));
        DefaultI18NProvider i18n = new DefaultI18NProvider(Languages.ALL);
        return new InvitationMailer(new BilingualMail(provider, i18n, "forum@minsk-moscow.example"), i18n, forumTime);
    }

    @Test
    void with_smtp_configured_the_delegate_gets_the_link_in_russian_and_english() {
        InvitationMailer mailer = mailer(mailSender);
        assertThat(mailer.canSend()).isTrue();

        mailer.send(invited);

        ArgumentCaptor<SimpleMailMessage> message = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mailSender).send(message.capture());
        assertThat(message.getValue().getTo()).containsExactly("a.kuznetsov@mosdorservis.ru");
        assertThat(message.getValue().getFrom()).isEqualTo("forum@minsk-moscow.example");
        assertThat(message.getValue().getText())
                .contains("Здравствуйте, Кузнецов Андрей Владимирович!", "Компания «Мосдорсервис» приглашает",
                        "Hello, Кузнецов Андрей Владимирович!", "Мосдорсервис invites you", "company’s agenda")
                .contains("https://forum.example.org/invitation/abc")
                .contains("12:00"); // 09:00 UTC in Moscow
    }

    @Test
    void without_smtp_nothing_is_sent_and_the_link_is_shown_instead() {
        InvitationMailer mailer = mailer(null);
        assertThat(mailer.canSend()).isFalse();

        mailer.send(invited);

        verify(mailSender, never()).send(any(SimpleMailMessage.class));
    }

    @Test
    void a_failing_mail_server_does_not_undo_the_invitation() {
        doThrow(new MailSendException("connection refused")).when(mailSender).send(any(SimpleMailMessage.class));

        mailer(mailSender).send(invited);

        verify(mailSender).send(any(SimpleMailMessage.class));
    }
}
