package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Which failures, from one MariaDB or a Galera cluster, a transaction is run again after. */
class DatabaseFailuresTest {

    @Test
    void a_galera_certification_failure_is_a_conflict_like_a_deadlock() {
        SQLException certification = new SQLException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        SQLException wsrepConflict = new SQLException("WSREP detected deadlock/conflict and aborted the transaction. "
                + "Try restarting the transaction", "40001", 1213);

        assertThat(DatabaseFailures.isConflict(new PessimisticLockingFailureException("x", certification))).isTrue();
        assertThat(DatabaseFailures.isConflict(new DataAccessResourceFailureException("x", wsrepConflict))).isTrue();
        assertThat(DatabaseFailures.isConflict(new SQLException("Record has changed since last read", "HY000", 1020)))
                .isTrue();
        assertThat(DatabaseFailures.isNodeLoss(certification)).isFalse();
    }

    @Test
    void a_node_out_of_the_cluster_or_gone_is_a_node_loss_not_a_conflict() {
        SQLException notReady = new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047);
        SQLException failedOver = new SQLTransientConnectionException("Driver has reconnect connection after a "
                + "communications link failure with address=(host=127.0.0.1)(port=3341). In progress transaction was lost",
                "25S03");
        SQLException linkFailure = new SQLException("Socket error", "08000", 0);

        assertThat(DatabaseFailures.isNodeLoss(new DataAccessResourceFailureException("x", notReady))).isTrue();
        assertThat(DatabaseFailures.isNodeLoss(failedOver)).isTrue();
        assertThat(DatabaseFailures.isNodeLoss(new DataAccessResourceFailureException("x", linkFailure))).isTrue();
        assertThat(DatabaseFailures.isConflict(notReady)).isFalse();
    }

    @Test
    void a_refused_duplicate_or_the_pools_own_time_out_is_not_run_again() {
        SQLException duplicate = new SQLException("Duplicate entry", "23000", 1062);
        SQLException poolTimeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 3000ms", "08000");

        assertThat(DatabaseFailures.isConflict(new DuplicateKeyException("x", duplicate))).isFalse();
        assertThat(DatabaseFailures.isNodeLoss(new DuplicateKeyException("x", duplicate))).isFalse();
        assertThat(DatabaseFailures.isNodeLoss(new CannotGetJdbcConnectionException("x", poolTimeout))).isFalse();
    }
}
