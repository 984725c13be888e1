package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Map;

import javax.sql.DataSource;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A booking's insert of the meeting over the text protocol, as a Galera cluster's multi-host URL has it
 * (docs/cluster.md): its nulls (no table, no stand, no message) cost no COM_STMT_PREPARE, which Spring's look-up of
 * a null's parameter type would send at every booking.
 */
@ForumSpringTest
class MeetingRowsTextProtocolTest {

    @Autowired
    BookingFixture fixture;
    @Autowired
    DataSource dataSource;

    @Test
    void inserting_a_meeting_with_nulls_prepares_nothing_on_the_server() {
        fixture.openBooking(false);
        long slotId = fixture.session(1, LocalTime.of(10, 0), LocalTime.of(10, 30), 20).slot(0).id();
        TestCompany a = fixture.approvedCompany();
        TestCompany b = fixture.approvedCompany();
        HikariDataSource pool = (HikariDataSource) dataSource;
        String textUrl = pool.getJdbcUrl().replace("useServerPrepStmts=true", "useServerPrepStmts=false");
        assertThat(textUrl).doesNotContain("useServerPrepStmts=true");
        SingleConnectionDataSource text = new SingleConnectionDataSource(textUrl, pool.getUsername(),
                pool.getPassword(), true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(text);
            MeetingRows rows = new MeetingRows(new NamedParameterJdbcTemplate(text), Clock.systemUTC());
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(text));
            transaction.executeWithoutResult(status -> {
                long before = prepares(jdbc);
                long id = rows.insert(a.id(), b.id(), slotId, null, MeetingStatus.REQUESTED, null, null);

                assertThat(prepares(jdbc)).isEqualTo(before);
                Map<String, Object> row = jdbc.queryForMap(
                        "select status, table_id, stand_id, message, requester_company_id from meeting where id = ?", id);
                assertThat(row).containsEntry("status", "REQUESTED").containsEntry("table_id", null)
                        .containsEntry("stand_id", null).containsEntry("message", null)
                        .containsEntry("requester_company_id", a.id());
                status.setRollbackOnly();
            });
        } finally {
            text.destroy();
        }
    }

    private static long prepares(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select variable_value from information_schema.session_status"
                + " where variable_name = 'COM_STMT_PREPARE'", Long.class);
    }
}
