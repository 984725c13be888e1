package org.b2bforum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Properties;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A mail sender whose server is away: a local port nobody listens on, where a test may start one (GreenMail). */
public final class UnreachableMailServer {

    private UnreachableMailServer() {
    }

    /** A sender to a free local port; {@link JavaMailSenderImpl#getPort()} is where the server may come back. */
    public static JavaMailSenderImpl sender() {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(port);
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.connectiontimeout", "5000");
        timeouts.put("mail.smtp.timeout", "5000");
        smtp.setJavaMailProperties(timeouts);
        return smtp;
    }
}
