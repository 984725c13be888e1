package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.b2bforum.base.security.SessionCheckDatabase.uidl;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * A signed-in user's Vaadin request (a click, a navigation, a heartbeat) while the database is away: the real embedded
 * MariaDB killed, then started again on its port.
 */
class SessionCheckWhileTheDatabaseIsAwayTest {

    private SessionCheckDatabase db;

    @BeforeEach
    void aDatabaseWithOneAccount() {
        db = new SessionCheckDatabase("target/it-session-check-mariadb", 1000, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void a_vaadin_request_goes_on_to_vaadin_while_the_session_check_cannot_reach_the_database() throws Exception {
        MockHttpSession session = new MockHttpSession();
        AtomicInteger reachedVaadin = new AtomicInteger();

        db.database.kill();
        db.filter.doFilter(uidl(session), new MockHttpServletResponse(),
                (req, res) -> reachedVaadin.incrementAndGet());

        // before, the check's failure went up to DatabaseUnavailableFilter, whose 503 page Vaadin's client took for a
        // server gone: "no connection to the server, reconnecting" over the page for the whole outage
        assertThat(reachedVaadin).as("Vaadin answers it: its own reads say 'temporarily unavailable'").hasValue(1);
        assertThat(session.isInvalid()).as("the user stays signed in").isFalse();

        db.database.startAgainAndWaitFor(db.pool);
        db.jdbc.update("update app_user set enabled = false where id = 1");
        db.filter.doFilter(uidl(session), new MockHttpServletResponse(),
                (req, res) -> reachedVaadin.incrementAndGet());

        assertThat(session.isInvalid()).as("once the database is back, a disabled account's session ends again")
                .isTrue();
    }
}
