package org.b2bforum;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The after-commit events (notifications, e-mail) are delivered by listeners on other threads
 * once the publishing transaction has committed: a test that asserts what they write waits for
 * them here. The publications are in the registry (EVENT_PUBLICATION) from the publishing
 * transaction on, and a delivered one is deleted, so "none left in flight" is exact: no sleeping,
 * and no waiting once everything is delivered. A failed delivery stays there as FAILED and is not
 * waited for (the test's own assertion then fails).
 */
public final class EventDeliveries {

    private final JdbcTemplate jdbc;

    EventDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns once every event published so far has been delivered (or has failed). */
    public void awaitDelivered() {
        await("after-commit events delivered").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10)).until(() -> inFlight() == 0);
    }

    /** Publications published, being delivered or resubmitted. */
    public int inFlight() {
        return jdbc.queryForObject("""
                select count(*) from EVENT_PUBLICATION
                where STATUS in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED') or (STATUS is null and COMPLETION_DATE is null)
                """, Integer.class);
    }
}
