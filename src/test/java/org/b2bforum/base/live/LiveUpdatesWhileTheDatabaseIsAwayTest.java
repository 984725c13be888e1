package org.b2bforum.base.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.b2bforum.base.database.DatabaseToStop;
import org.b2bforum.base.web.UrgentWork;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import com.zaxxer.hikari.HikariDataSource;

/** The change feed's poller meets the real embedded MariaDB killed, then started again on its port. */
class LiveUpdatesWhileTheDatabaseIsAwayTest {

    @Test
    void the_poller_logs_one_line_when_the_database_goes_away_and_one_when_it_is_back() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(LiveUpdates.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        try (DatabaseToStop database = DatabaseToStop.start("target/it-live-poller-mariadb");
                HikariDataSource pool = database.smallPool()) {
            LiveUpdates live = pollerOf(pool, new PagesWaitingForTheDatabase(Duration.ZERO));
            logger.addAppender(logged);
            live.pollLogged();

            database.kill();
            for (int poll = 0; poll < 3; poll++) {
                live.pollLogged();
            }
            database.startAgainAndWake(pool);
            // the pool's first tries may still meet connections of the killed server
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (logged.list.size() < 2 && System.nanoTime() < deadline) {
                live.pollLogged();
            }
            live.pollLogged();
        } finally {
            logger.detachAppender(logged);
        }

        // before, every failed poll was dropped without a word (and a connection that broke under one gave the pool's
        // "Socket error" stack trace)
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(logged.list.get(0).getFormattedMessage())
                .startsWith("Live updates: the database cannot be reached (").endsWith("); trying again until it answers");
        assertThat(logged.list.get(1).getFormattedMessage()).isEqualTo("Live updates: the database answers again");
        assertThat(logged.list).allMatch(event -> event.getThrowableProxy() == null);
    }

    @Test
    void a_page_that_could_not_open_without_the_database_opens_again_at_the_first_poll_that_reads_it() throws Exception {
        AtomicInteger reopened = new AtomicInteger();
        PagesWaitingForTheDatabase waiting = new PagesWaitingForTheDatabase(Duration.ZERO, (ui, reopen) -> reopen.run());
        try (DatabaseToStop database = DatabaseToStop.start("target/it-live-reopen-mariadb");
                HikariDataSource pool = database.smallPool()) {
            LiveUpdates live = pollerOf(pool, waiting);
            live.pollLogged();

            database.kill();
            live.pollLogged();
            // the error view of a page opened now ("temporarily unavailable") waits for the database
            waiting.reopenWhenTheDatabaseAnswers(new UI(), reopened::incrementAndGet);
            Registration left = waiting.reopenWhenTheDatabaseAnswers(new UI(), () -> reopened.addAndGet(100));
            left.remove(); // a page the user left for another meanwhile
            for (int poll = 0; poll < 3; poll++) {
                live.pollLogged();
            }
            assertThat(reopened).as("not while the database is away").hasValue(0);

            database.startAgainAndWake(pool);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (reopened.get() == 0 && System.nanoTime() < deadline) {
                live.pollLogged();
            }
            live.pollLogged();
        }

        // before, the page stayed "temporarily unavailable" until the user reloaded it
        assertThat(reopened).as("opened once, by the first poll that read the database").hasValue(1);
        assertThat(waiting.count()).isZero();
    }

    @Test
    void a_page_opens_again_no_sooner_than_the_pause_after_it_failed() {
        AtomicInteger reopened = new AtomicInteger();
        PagesWaitingForTheDatabase waiting = new PagesWaitingForTheDatabase(Duration.ofHours(1),
                (ui, reopen) -> reopen.run());
        waiting.reopenWhenTheDatabaseAnswers(new UI(), reopened::incrementAndGet);

        waiting.databaseAnswered();

        // a page that failed while the database answered the poller (a pool starved under load) does not try again
        // at every poll
        assertThat(reopened).hasValue(0);
        assertThat(waiting.count()).isOne();
    }


    /** The live updates' poller on a feed of its own in {@code pool}'s database. */
    private static LiveUpdates pollerOf(HikariDataSource pool, PagesWaitingForTheDatabase waiting) {
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        jdbc.execute("create table live_change (id bigint not null auto_increment primary key, company_id bigint,"
                + " user_id bigint, kind varchar(20) not null, created_at datetime(3) not null default current_timestamp(3))");
        return new LiveUpdates(jdbc, null, Duration.ofMillis(300), false, new UrgentWork(), Duration.ofSeconds(2),
                Duration.ofSeconds(1), waiting, Duration.ofSeconds(60));
    }
}
