package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.UUID;

import javax.sql.DataSource;

import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Statements with a null parameter, as the booking's insert of its meeting (no table, no stand) runs them. */
@ForumSpringTest
class NullParametersTest {

    @Autowired
    DataSource dataSource;

    @Test
    void a_statement_with_a_null_parameter_is_prepared_once_per_connection_not_at_each_run() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(one);
            JdbcTemplate plain = new JdbcTemplate(one);
            // a text of its own, so that no earlier run prepared it on this connection
            String sql = "select :value is null and '" + UUID.randomUUID() + "' is not null";
            MapSqlParameterSource nothing = new MapSqlParameterSource("value", null);

            assertThat(named.queryForObject(sql, nothing, Boolean.class)).isTrue();
            long prepared = prepares(plain);
            assertThat(named.queryForObject(sql, nothing, Boolean.class)).isTrue();

            // asked for the null's type, Connector/J prepared the statement again, a round trip of its own, at each run
            assertThat(prepares(plain)).isEqualTo(prepared);
        }
    }

    private static long prepares(JdbcTemplate jdbc) {
        return jdbc.queryForObject("show session status like 'Com_stmt_prepare'", (rs, row) -> rs.getLong("Value"));
    }
}
