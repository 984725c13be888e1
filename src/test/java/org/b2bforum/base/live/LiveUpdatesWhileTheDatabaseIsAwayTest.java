package org.b2bforum.base.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.b2bforum.base.database.DatabaseToStop;
import org.b2bforum.base.web.UrgentWork;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The change feed's poller meets the real embedded MariaDB killed, then started again on its port. */
class LiveUpdatesWhileTheDatabaseIsAwayTest {

    @Test
    void the_poller_logs_one_line_when_the_database_goes_away_and_one_when_it_is_back() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(LiveUpdates.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        try (DatabaseToStop database = DatabaseToStop.start("target/it-live-poller-mariadb");
                HikariDataSource pool = pool(database)) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            jdbc.execute("create table live_change (id bigint not null auto_increment primary key, company_id bigint,"
                    + " user_id bigint, kind varchar(20) not null, created_at datetime(3) not null default current_timestamp(3))");
            LiveUpdates live = new LiveUpdates(jdbc, null, Duration.ofMillis(300), false, new UrgentWork(),
                    Duration.ofSeconds(2), Duration.ofSeconds(1));
            logger.addAppender(logged);
            live.pollLogged();

            database.kill();
            for (int poll = 0; poll < 3; poll++) {
                live.pollLogged();
            }
            database.startAgain();
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

    private static HikariDataSource pool(DatabaseToStop database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername("root");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(1000);
        return new HikariDataSource(config);
    }
}
