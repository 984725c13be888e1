package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.b2bforum.base.security.SessionCheckDatabase.uidl;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.b2bforum.base.i18n.Languages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A signed-in user's click while an external database's host is switched off (or cut off by the network): nothing
 * answers its address, so a new connection's handshake (SYN) goes unanswered and the driver's connect times out. Here a
 * listening socket whose queue is full stands in for that host: the kernel drops further connections' SYNs as a host
 * that is off does not answer them. (A frozen MariaDB, whose kernel still takes connections and whose greeting never
 * comes, is {@link SessionCheckWhileTheDatabaseIsFrozenTest}.)
 */
class SessionCheckWhileTheDatabaseHostIsOffTest {

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    @AfterEach
    void signOut() {
        contexts.clearContext();
    }

    @Test
    void a_click_while_the_database_host_is_off_goes_on_to_say_temporarily_unavailable_instead_of_waiting_for_the_busy_page()
            throws Exception {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket host = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = (InetSocketAddress) host.getLocalSocketAddress();
            fillTheQueue(address, queued);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:mariadb://127.0.0.1:" + address.getPort() + "/forum");
            config.setUsername("forum");
            config.setMaximumPoolSize(2);
            config.setConnectionTimeout(250); // the driver's connect time-out: HikariCP's derived 1 s
            config.setInitializationFailTimeout(-1);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                AccountService accounts = new AccountService(null, new NamedParameterJdbcTemplate(pool), null,
                        Clock.systemUTC(), null, new MockEnvironment(), event -> { },
                        new RecentSessionChecks(Duration.ZERO, Clock.systemUTC()));
                SessionEpochFilter filter = new SessionEpochFilter(accounts, contexts,
                        new DefaultI18NProvider(Languages.ALL), Duration.ofSeconds(30), 40,
                        new RecentSessionChecks(Duration.ZERO, Clock.systemUTC()));
                ForumUser user = new ForumUser(1, "a.kuznetsov@mosdorservis.ru", "", true, "Kuznetsov",
                        Role.COMPANY, 7L, null, 0);
                contexts.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
                SessionCheckDatabase.Reached vaadin = new SessionCheckDatabase.Reached();
                MockHttpSession session = new MockHttpSession();
                MockHttpServletResponse response = new MockHttpServletResponse();

                long start = System.nanoTime();
                filter.doFilter(uidl(session), response, vaadin);

                // before, the connect's time-out counted as a busy database: the click waited the whole busy wait (here
                // 30 s, 45 s in production) and was answered Vaadin's refresh, the page reloading into the busy page
                assertThat(vaadin.at.get()).as("the click goes on, where its own reads say 'temporarily unavailable'")
                        .isPositive();
                assertThat(Duration.ofNanos(vaadin.at.get() - start)).isLessThan(Duration.ofSeconds(15));
                assertThat(response.getContentAsString()).doesNotContain("Vaadin-Refresh");
                assertThat(vaadin.who.get()).as("still signed in").isNotNull();
                assertThat(session.isInvalid()).isFalse();
            }
        } finally {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }

    /** Connections the socket never accepts, until the kernel takes no more: the next one times out. */
    private static void fillTheQueue(InetSocketAddress address, List<Socket> queued) throws Exception {
        for (int i = 0; i < 16; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(address, 300);
                queued.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return;
            }
        }
        throw new IllegalStateException("the kernel took 16 connections on a queue of 1");
    }
}
