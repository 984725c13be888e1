package org.b2bforum.base.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.EventDeliveries;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.announcement.AnnouncementPublished;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After-commit events survive a failed listener and a stopped node: the publication stays in
 * EVENT_PUBLICATION (real MariaDB) and is delivered, once, when {@link FailedEventResubmission}
 * runs. The listener here is the notification module's for announcements; it fails for real while
 * its table is renamed away.
 */
@ForumSpringTest
class AfterCommitEventsTest {

    @Autowired
    BookingFixture fixture;
    @Autowired
    EventDeliveries deliveries;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FailedEventResubmission resubmission;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    Staleness staleness;

    @Test
    void a_notification_whose_listener_failed_is_delivered_when_failed_events_are_resubmitted() {
        TestCompany company = fixture.approvedCompany();
        String line = "failed " + TestData.unique();

        String publication = publishWhileTheListenerFails(company, line);
        assertThat(notificationsWith(line)).isZero();

        resubmission.resubmitFailed();
        deliveries.awaitDelivered();

        assertThat(notificationsWith(line)).as("delivered once, to the company's log-in").isEqualTo(1);
        assertThat(publicationCount(publication)).as("completed: deleted").isZero();
        resubmission.resubmitFailed();
        deliveries.awaitDelivered();
        assertThat(notificationsWith(line)).isEqualTo(1);
    }

    @Test
    void a_publication_left_by_a_node_that_stopped_is_delivered_once_stale_and_one_in_flight_is_left_alone() {
        TestCompany company = fixture.approvedCompany();
        String stoppedLine = "stopped " + TestData.unique();
        String inFlightLine = "in flight " + TestData.unique();
        String stopped = publishWhileTheListenerFails(company, stoppedLine);
        String inFlight = publishWhileTheListenerFails(company, inFlightLine);
        // what a node leaves when it stops after the commit, before its listener ran: published, never
        // processed; one 10 minutes ago, one a moment ago (as another node, still delivering it, has it)
        jdbc.update("update EVENT_PUBLICATION set STATUS = 'PUBLISHED', COMPLETION_ATTEMPTS = 0,"
                + " PUBLICATION_DATE = PUBLICATION_DATE - interval 10 minute where ID = ?", stopped);
        jdbc.update("update EVENT_PUBLICATION set STATUS = 'PUBLISHED', COMPLETION_ATTEMPTS = 0 where ID = ?", inFlight);
        try {
            registry.markStalePublicationsFailed(staleness); // Modulith's staleness check, as it runs every minute
            resubmission.resubmitFailed();
            await().atMost(Duration.ofSeconds(30)).until(() -> publicationCount(stopped) == 0);

            assertThat(notificationsWith(stoppedLine)).isEqualTo(1);
            assertThat(notificationsWith(inFlightLine)).as("not taken from the node delivering it").isZero();
            assertThat(status(inFlight)).isEqualTo("PUBLISHED");
        } finally {
            // the other tests wait for every publication in flight
            jdbc.update("delete from EVENT_PUBLICATION where ID in (?, ?)", stopped, inFlight);
        }
    }

    @Test
    void a_failed_publication_is_claimed_by_one_node_only_even_when_two_read_it_at_once() {
        TestCompany company = fixture.approvedCompany();
        String line = "claimed " + TestData.unique();
        String publication = publishWhileTheListenerFails(company, line);
        // both nodes read the failed publication before either claims it
        EventPublication asRead = registry.findIncompletePublications().stream()
                .filter(p -> p.getIdentifier().toString().equals(publication)).findFirst().orElseThrow();
        try {
            assertThat(resubmission.claim(asRead)).as("the first node").isTrue();
            assertThat(resubmission.claim(asRead)).as("the second node").isFalse();
            assertThat(status(publication)).isEqualTo("PROCESSING");

            // a node running the job now: not FAILED any more, so not resubmitted (that would count an attempt)
            resubmission.resubmitFailed();
            assertThat(status(publication)).isEqualTo("PROCESSING");
            assertThat(attempts(publication)).isEqualTo(1);
            assertThat(notificationsWith(line)).isZero();
        } finally {
            jdbc.update("delete from EVENT_PUBLICATION where ID = ?", publication);
        }
    }

    @Test
    void a_publication_that_failed_ten_times_is_left_for_an_operator() {
        TestCompany company = fixture.approvedCompany();
        String line = "given up " + TestData.unique();
        String publication = publishWhileTheListenerFails(company, line);
        assertThat(attempts(publication)).as("the first delivery counted, so that the resubmissions add up").isEqualTo(1);
        jdbc.update("update EVENT_PUBLICATION set COMPLETION_ATTEMPTS = ? where ID = ?",
                FailedEventResubmission.MAX_ATTEMPTS, publication);
        try {
            resubmission.resubmitFailed();
            deliveries.awaitDelivered();

            assertThat(status(publication)).isEqualTo("FAILED");
            assertThat(notificationsWith(line)).isZero();
        } finally {
            jdbc.update("delete from EVENT_PUBLICATION where ID = ?", publication);
        }
    }

    /**
     * Publishes an announcement to the company while the notification table is away, and waits until
     * its notifications' delivery has failed (its e-mail's, with no SMTP, has nothing to do); returns
     * the publication's id.
     */
    private String publishWhileTheListenerFails(TestCompany company, String line) {
        deliveries.awaitDelivered();
        jdbc.execute("rename table notification to notification_away");
        try {
            transactions.executeWithoutResult(status -> events.publishEvent(
                    new AnnouncementPublished(0, line, List.of(company.id()), Instant.now())));
            await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(statusOf(line)));
        } finally {
            jdbc.execute("rename table notification_away to notification");
        }
        return jdbc.queryForObject("select ID from EVENT_PUBLICATION where SERIALIZED_EVENT like ?" + NOTIFIER,
                String.class, "%" + line + "%");
    }

    /** The notification module's listener's publications, not the e-mail's. */
    private static final String NOTIFIER = " and LISTENER_ID like '%AnnouncementNotifier%'";

    private String statusOf(String line) {
        return jdbc.query("select STATUS from EVENT_PUBLICATION where SERIALIZED_EVENT like ?" + NOTIFIER,
                rs -> rs.next() ? rs.getString(1) : null, "%" + line + "%");
    }

    private String status(String publication) {
        return jdbc.queryForObject("select STATUS from EVENT_PUBLICATION where ID = ?", String.class, publication);
    }

    private int attempts(String publication) {
        return jdbc.queryForObject("select COMPLETION_ATTEMPTS from EVENT_PUBLICATION where ID = ?", Integer.class,
                publication);
    }

    private int publicationCount(String publication) {
        return jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where ID = ?", Integer.class, publication);
    }

    private int notificationsWith(String line) {
        return jdbc.queryForObject("select count(*) from notification where detail = ?", Integer.class, line);
    }
}
