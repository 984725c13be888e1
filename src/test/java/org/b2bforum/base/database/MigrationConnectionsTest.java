package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import org.b2bforum.ForumSpringTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Flyway's connections wait for a migration's statement as long as it takes, while the pool's connections keep the
 * 60 s socket time-out (ReadOnlyTransactionsTest), also the one Flyway had and gave back.
 */
@ForumSpringTest
class MigrationConnectionsTest {

    @Autowired
    Flyway flyway;
    @Autowired
    DataSource dataSource;

    @Test
    void a_migration_s_statement_is_not_cut_by_the_pool_s_socket_time_out() throws Exception {
        try (Connection migrations = flyway.getConfiguration().getDataSource().getConnection()) {
            assertThat(migrations.getNetworkTimeout()).as("Flyway's connection, ms (0: none)").isZero();
            assertThat(migrations.createStatement().executeQuery("select 1").next()).isTrue();
        }
        try (Connection requests = dataSource.getConnection()) {
            assertThat(requests.getNetworkTimeout()).as("a request's connection, ms").isEqualTo(60_000);
        }
    }
}
