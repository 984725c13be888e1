package org.b2bforum.base.live;

import java.time.Duration;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.server.VaadinSession;

/**
 * A test of live updates in the application's context that polls the feed by itself: the poller is stopped, each poll
 * reads the application's five seconds back, and the listeners run on the polling thread ({@link #pushed} runs what
 * they queued on the page). The poller starts again after each test.
 */
@ForumSpringTest
abstract class PolledByHandTest extends ForumBrowserlessTest {

    /** How far back a poll reads: the application's five seconds. */
    static final Duration WINDOW = Duration.ofSeconds(5);

    @Autowired
    LiveUpdates live;
    @Autowired
    LiveFeed feed;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void pollByHand() {
        live.stop();
        live.pollInTest(WINDOW);
    }

    @AfterEach
    void logOutAndRestart() {
        TestData.logOut();
        live.reset();
        live.start();
    }

    /** What the UI's push would send: the access tasks the poller queued, run under the UI's lock. */
    void pushed() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }
}
