package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

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
}
