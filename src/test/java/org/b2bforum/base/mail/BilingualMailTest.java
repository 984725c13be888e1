package org.b2bforum.base.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.b2bforum.base.i18n.Languages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import com.vaadin.flow.i18n.DefaultI18NProvider;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

/** Which mail failures are the server's (tried again later) and which the message's own (only logged). */
class BilingualMailTest {

    private final JavaMailSender sender = mock(JavaMailSender.class);

    @SuppressWarnings("unchecked")
    private BilingualMail mail() {
        ObjectProvider<JavaMailSender> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(sender);
        return new BilingualMail(provider, new DefaultI18NProvider(Languages.ALL), "forum@minsk-moscow.example");
    }

    private boolean send(BilingualMail mail, boolean throwWhileServerAway) {
        return throwWhileServerAway
                ? mail.sendOrThrowWhileServerAway("info@dorstroymash.by", "mail.registration.subject", l -> "text", "x")
                : mail.send("info@dorstroymash.by", "mail.registration.subject", l -> "text", "x");
    }

    /** What JavaMailSenderImpl throws when the server answered RCPT TO with 550 (a permanent refusal). */
    private static MailException refusedForGood() throws Exception {
        Address[] invalid = {new InternetAddress("info@dorstroymash.by")};
        return new MailSendException(Map.of(new Object(),
                new SendFailedException("Invalid Addresses", null, new Address[0], new Address[0], invalid)));
    }

    /** What JavaMailSenderImpl throws when it could not connect. */
    private static MailException serverAway() {
        MessagingException cause = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 2525",
                new java.net.ConnectException("Connection refused"));
        return new MailSendException("Mail server connection failed", cause, Map.of(new Object(), cause));
    }

    @Test
    void a_server_that_cannot_be_reached_is_thrown_for_the_registrys_listeners_and_only_logged_for_the_others()
            throws Exception {
        BilingualMail mail = mail();
        doThrow(serverAway()).when(sender).send(any(SimpleMailMessage.class));

        assertThatThrownBy(() -> send(mail, true)).isInstanceOf(BilingualMail.MailServerAwayException.class);
        assertThat(send(mail, false)).isFalse();
    }

    @Test
    void an_address_the_server_refused_for_good_is_only_logged_whoever_sends() throws Exception {
        BilingualMail mail = mail();
        doThrow(refusedForGood()).when(sender).send(any(SimpleMailMessage.class));

        assertThat(BilingualMail.isAddressRefused(refusedForGood())).isTrue();
        assertThat(BilingualMail.isAddressRefused(serverAway())).isFalse();
        assertThat(send(mail, true)).isFalse();
        assertThat(send(mail, false)).isFalse();
    }
}
