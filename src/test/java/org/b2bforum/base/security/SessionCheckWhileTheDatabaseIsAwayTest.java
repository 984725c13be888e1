package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.b2bforum.base.database.DatabaseToStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A signed-in user's Vaadin request (a click, a navigation, a heartbeat) while the database is away: the real embedded
 * MariaDB killed, then started again on its port.
 */
class SessionCheckWhileTheDatabaseIsAwayTest {

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private DatabaseToStop database;
    private HikariDataSource pool;
    private SessionEpochFilter filter;

    @BeforeEach
    void aDatabaseWithOneAccount() {
        database = DatabaseToStop.start("target/it-session-check-mariadb");
        pool = database.smallPool();
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        jdbc.execute("create table app_user (id bigint primary key, enabled boolean not null, demo boolean not null,"
                + " session_epoch int not null)");
        jdbc.update("insert into app_user values (1, true, false, 0)");
        filter = new SessionEpochFilter(new AccountService(null, new NamedParameterJdbcTemplate(pool), null,
                Clock.systemUTC(), null, new MockEnvironment(), event -> { }), contexts);
        ForumUser user = new ForumUser(1, "office@forum.example.org", "", true, "Office", Role.ORGANIZER, null, null, 0);
        contexts.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @AfterEach
    void stop() {
        contexts.clearContext();
        pool.close();
        database.close();
    }

    @Test
    void a_vaadin_request_goes_on_to_vaadin_while_the_session_check_cannot_reach_the_database() throws Exception {
        MockHttpSession session = new MockHttpSession();
        AtomicInteger reachedVaadin = new AtomicInteger();

        database.kill();
        filter.doFilter(uidl(session), new MockHttpServletResponse(), (req, res) -> reachedVaadin.incrementAndGet());

        // before, the check's failure went up to DatabaseUnavailableFilter, whose 503 page Vaadin's client took for a
        // server gone: "no connection to the server, reconnecting" over the page for the whole outage
        assertThat(reachedVaadin).as("Vaadin answers it: its own reads say 'temporarily unavailable'").hasValue(1);
        assertThat(session.isInvalid()).as("the user stays signed in").isFalse();

        database.startAgainAndWaitFor(pool);
        new JdbcTemplate(pool).update("update app_user set enabled = false where id = 1");
        filter.doFilter(uidl(session), new MockHttpServletResponse(), (req, res) -> reachedVaadin.incrementAndGet());

        assertThat(session.isInvalid()).as("once the database is back, a disabled account's session ends again")
                .isTrue();
    }

    private static MockHttpServletRequest uidl(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setQueryString("v-r=uidl&v-uiId=0");
        request.setParameter("v-r", "uidl");
        request.setSession(session);
        return request;
    }
}
