package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The embedded database's connections, as the services' transactions use them. */
@ForumSpringTest
class ReadOnlyTransactionsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;

    @Test
    void a_read_only_transaction_costs_the_server_no_read_only_statements() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        // with the hint propagated, each read-only transaction began with SET SESSION TRANSACTION READ ONLY
        // and ended with READ WRITE: two of the five statements of a one-query read (bench/README.md, the rush)
        Long serverReadOnly = readOnly.execute(status ->
                jdbc.queryForObject("select @@session.transaction_read_only", Long.class));

        assertThat(serverReadOnly).isZero();
    }

    /**
     * The driver's socket time-out of application.properties (StatementWhileTheDatabaseIsFrozenTest) reaches the
     * embedded database's pool too, which Spring Boot does not bind its {@code spring.datasource.hikari} settings to.
     */
    @Test
    void a_statement_not_answered_within_a_minute_is_given_up_on_the_embedded_database_too() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getNetworkTimeout()).as("the driver's socketTimeout, ms").isEqualTo(60_000);
        }
    }
}
