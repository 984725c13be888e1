package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.web.UrgentWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** Booking steps run again after the failures a Galera cluster gives, and only after those. */
@ForumSpringTest
class TransactionRetryTest {

    @Autowired
    DataSource dataSource;

    @Test
    void a_step_that_lost_galera_certification_to_another_nodes_commit_is_run_again() {
        TransactionRetry retry = new TransactionRetry(dataSource, 4);
        AtomicInteger tries = new AtomicInteger();

        String result = retry.run(() -> {
            if (tries.incrementAndGet() < 3) {
                throw new PessimisticLockingFailureException("certification", new SQLException(
                        "WSREP detected deadlock/conflict and aborted the transaction", "40001", 1213));
            }
            return "booked";
        });

        assertThat(result).isEqualTo("booked");
        assertThat(tries).hasValue(3);
    }

    @Test
    void a_step_whose_own_parent_row_went_missing_twice_is_run_again_but_not_over_and_over() {
        TransactionRetry retry = new TransactionRetry(dataSource, 4);
        AtomicInteger tries = new AtomicInteger();
        SQLException missingParent = new SQLException("Cannot add or update a child row: a foreign key constraint "
                + "fails (`forum`.`meeting_event`, CONSTRAINT `fk_meeting_event_meeting` ...)", "23000", 1452);

        String result = retry.run(() -> {
            if (tries.incrementAndGet() <= 2) { // two brute-force aborts in a row, each shown as the parent missing
                throw new DataIntegrityViolationException("insert into meeting_event", missingParent);
            }
            return "booked";
        });
        assertThat(result).isEqualTo("booked");
        assertThat(tries).hasValue(3);

        tries.set(0);
        assertThatThrownBy(() -> retry.run(() -> {
            tries.incrementAndGet();
            throw new DataIntegrityViolationException("insert into meeting_event", missingParent);
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(tries).as("a parent really missing is not tried over and over").hasValue(3);
    }

    @Test
    void a_booking_whose_database_node_left_the_cluster_is_run_again_on_a_new_connection() {
        List<String> pauses = new CopyOnWriteArrayList<>();
        TransactionRetry retry = new TransactionRetry(dataSource, 4, recordingInto(pauses));
        AtomicInteger tries = new AtomicInteger();

        // the look before the step, then the step's commit: both as on a node that lost the primary component
        String result = retry.inTurn(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new DataAccessResourceFailureException("node gone", new SQLException(
                        "WSREP has not yet prepared node for application use", "08S01", 1047));
            }
            return retry.run(() -> {
                if (tries.incrementAndGet() == 3) { // the second run of the booking
                    throw new org.springframework.transaction.TransactionSystemException("JDBC commit failed",
                            new SQLException("Error while appending streaming replication fragment(provider status: "
                                    + "Not connected to Primary Component)", null, 0));
                }
                return "booked";
            });
        });

        assertThat(result).isEqualTo("booked");
        assertThat(tries).hasValue(5);
        assertThat(pauses).as("a pause before each run again, for the node to come back").containsExactly("250-500", "500-1000");
    }

    @Test
    void a_step_whose_connection_died_is_run_again_though_its_rollback_failed_too() {
        List<String> pauses = new CopyOnWriteArrayList<>();
        TransactionRetry retry = new TransactionRetry(dataSource, 4, recordingInto(pauses));
        AtomicInteger tries = new AtomicInteger();

        // through a database proxy (docs/cluster.md) a connection dies with its node: the step fails, and then so
        // does the rollback on that connection; what counts is why the step failed (bench/run-cluster: 3 errors shown)
        String result = retry.run(() -> {
            if (tries.incrementAndGet() == 1) {
                try {
                    DataSourceUtils.getConnection(dataSource).unwrap(org.mariadb.jdbc.Connection.class).close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                throw new DataAccessResourceFailureException("insert into company_slot_booking",
                        new SQLNonTransientConnectionException("Socket error", "08000"));
            }
            return jdbc().queryForObject("select 'booked'", String.class);
        });

        assertThat(result).isEqualTo("booked");
        assertThat(tries).hasValue(2);
        assertThat(pauses).containsExactly("250-500");
    }

    @Test
    void a_refusal_whose_rollback_failed_stays_a_refusal() {
        TransactionRetry retry = new TransactionRetry(dataSource, 4);

        assertThatThrownBy(() -> retry.run(() -> {
            try {
                DataSourceUtils.getConnection(dataSource).unwrap(org.mariadb.jdbc.Connection.class).close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            throw new BookingRefusedException("meeting.error.slot-taken");
        })).isInstanceOfSatisfying(BookingRefusedException.class,
                e -> assertThat(e.getMessage()).contains("meeting.error.slot-taken"));
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Test
    void conflicts_that_go_on_end_in_busy_and_a_lasting_node_loss_in_the_database_error_itself() {
        List<String> pauses = new CopyOnWriteArrayList<>();
        TransactionRetry retry = new TransactionRetry(dataSource, 4, recordingInto(pauses));
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger losses = new AtomicInteger();

        assertThatThrownBy(() -> retry.run(() -> {
            conflicts.incrementAndGet();
            throw new PessimisticLockingFailureException("x", new SQLException("Deadlock", "40001", 1213));
        })).isInstanceOfSatisfying(BookingRefusedException.class,
                e -> assertThat(e.getMessage()).contains("meeting.error.busy"));
        assertThatThrownBy(() -> retry.run(() -> {
            losses.incrementAndGet();
            throw new DataAccessResourceFailureException("x", new SQLException("gone", "08S01", 1047));
        })).isInstanceOf(DataAccessResourceFailureException.class);

        assertThat(conflicts).hasValue(8);
        assertThat(losses).hasValue(6);
        assertThat(pauses).as("short pauses between the conflicts, growing ones for the node to come back")
                .containsExactly("1-6", "1-10", "1-14", "1-18", "1-22", "1-26", "1-30", "250-500", "500-1000", "750-1500",
                        "1000-2000", "1250-2500");
    }

    /** A booking step that, in its turn, says so through {@code inTurn} and keeps the turn until {@code end}. */
    private static Supplier<String> holdingTheTurn(CountDownLatch inTurn, CountDownLatch end) {
        return () -> {
            inTurn.countDown();
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "held";
        };
    }

    /**
     * The retry's pauses as "from-to" milliseconds into {@code pauses}, recorded instead of slept: the node losses'
     * pauses alone were seconds of waiting (7.5 s of this class's 8.6 s on a quiet machine).
     */
    private static TransactionRetry.Pause recordingInto(List<String> pauses) {
        return (from, to) -> pauses.add(from + "-" + to);
    }

    @Test
    void a_refused_duplicate_is_not_run_again() {
        TransactionRetry retry = new TransactionRetry(dataSource, 4);
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> retry.run(() -> {
            tries.incrementAndGet();
            throw new DuplicateKeyException("taken");
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(tries).hasValue(1);
    }

    @Test
    void the_next_booking_step_may_start_once_a_step_has_committed_before_its_connection_is_cleaned_up() {
        TransactionRetry retry = new TransactionRetry(dataSource, 1);
        AtomicReference<String> next = new AtomicReference<>();

        retry.run(() -> {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            // still on the first step's thread, its connection not yet given back: the only turn is free
                            Thread other = Thread.ofVirtual().start(() -> next.set(retry.run(() -> "second")));
                            try {
                                other.join(Duration.ofSeconds(10));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
            return "first";
        });

        assertThat(next).hasValue("second");
    }

    @Autowired
    TransactionRetry applications;

    /**
     * The application's booking steps run on their own connections (issue 17, stop 43): no {@code set autocommit} before
     * a step (in its turn) nor after it. On the application's pool two steps on one connection were two of them apart.
     */
    @Test
    void the_applications_booking_steps_run_on_their_own_connections_without_switching_autocommit() {
        assertThat(applications.onOwnConnections()).isTrue();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long[][] seen = new long[2][];
        for (int step = 0; step < 2; step++) {
            int i = step;
            applications.run(() -> {
                seen[i] = new long[] {jdbc.queryForObject("select connection_id()", Long.class),
                        jdbc.queryForObject("select variable_value from information_schema.session_status"
                                + " where variable_name = 'COM_SET_OPTION'", Long.class)};
                return null;
            });
        }
        assertThat(seen[1][0]).as("the same connection (the pool gives a thread back its own)").isEqualTo(seen[0][0]);
        assertThat(seen[1][1]).as("autocommit not switched between the steps").isEqualTo(seen[0][1]);
    }

    @Test
    void on_own_connections_a_step_is_its_statements_and_its_commit_and_runs_on_the_applications_template() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource); // as the booking code: the application's data source
        TransactionRetry retry = new TransactionRetry(dataSource, 1, true);
        String lease = "own-connections-" + System.nanoTime();
        try {
            long[] setOptions = new long[2];
            for (int step = 0; step < 2; step++) {
                int i = step;
                retry.run(() -> {
                    setOptions[i] = jdbc.queryForObject("select variable_value from information_schema.session_status"
                            + " where variable_name = 'COM_SET_OPTION'", Long.class);
                    if (i == 0) {
                        jdbc.update("insert into cluster_lease (name, holder, expires_at) values (?, 'test', now())", lease);
                    }
                    return null;
                });
            }
            // the same connection for both steps (the pool gives a thread back its own), autocommit never switched
            assertThat(setOptions[1]).isEqualTo(setOptions[0]);
            // committed: another connection sees the row
            assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from cluster_lease where name = ?",
                    Integer.class, lease)).isEqualTo(1);

            // a step that fails is rolled back
            assertThatThrownBy(() -> retry.run(() -> {
                jdbc.update("delete from cluster_lease where name = ?", lease);
                throw new DuplicateKeyException("taken");
            })).isInstanceOf(DuplicateKeyException.class);
            assertThat(jdbc.queryForObject("select count(*) from cluster_lease where name = ?", Integer.class, lease))
                    .isEqualTo(1);
        } finally {
            retry.close();
            new JdbcTemplate(dataSource).update("delete from cluster_lease where name = ?", lease);
        }
    }

    /**
     * A lock wait timeout (1205) rolls back only its statement (innodb_rollback_on_timeout is off), and an error packet
     * carries no server status, so Connector/J sends the ROLLBACK Spring asks for only when an earlier answer of the
     * transaction said it was open. Review45 feared an own connection (manual commit, no autocommit set back to end the
     * transaction) going back to its pool with the locks taken before the wait. It does not: MariaDB rolls a
     * transaction whose first statement timed out back whole, locks included, and after any earlier statement the
     * driver knows the transaction is open and rolls it back (checked on 11.4.5 by hand and here, 2026-12-06).
     */
    @Test
    @Timeout(60)
    void on_own_connections_a_step_that_timed_out_waiting_for_a_lock_leaves_no_lock_behind() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionRetry retry = new TransactionRetry(dataSource, 1, true);
        String before = "lock-wait-0-" + System.nanoTime();
        String first = "lock-wait-a-" + System.nanoTime();
        String second = "lock-wait-b-" + System.nanoTime();
        jdbc.update("insert into cluster_lease (name, holder, expires_at) values (?, 'test', now()), (?, 'test', now()),"
                + " (?, 'test', now())", before, first, second);
        try (var holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("select name from cluster_lease where name = ? for update")) {
                lock.setString(1, second);
                lock.executeQuery().close();
            }
            for (boolean timedOutFirst : new boolean[] {true, false}) {
                assertThatThrownBy(() -> retry.run(() -> {
                    if (!timedOutFirst) {
                        jdbc.queryForList("select name from cluster_lease where name = ? for update", String.class, before);
                    }
                    // the first row is locked, then the wait for the second times out (the time-out for this statement
                    // only: a session's setting would go back into the shared pool with its connection)
                    return jdbc.queryForList("set statement innodb_lock_wait_timeout = 1 for select name from cluster_lease"
                            + " where name in (?, ?) order by name for update", String.class, first, second);
                })).hasMessageContaining("Lock wait timeout exceeded");

                assertThat(jdbc.queryForList("select name from cluster_lease where name in (?, ?) for update nowait",
                        String.class, before, first)).as("free again, the timed-out statement first: " + timedOutFirst)
                        .containsExactlyInAnyOrder(before, first);
            }
            holder.rollback();
        } finally {
            retry.close();
            jdbc.update("delete from cluster_lease where name in (?, ?, ?)", before, first, second);
        }
    }

    @Test
    @Timeout(60) // without the turn's wait the second booking would wait for ever
    void a_booking_that_waits_longer_than_the_turn_wait_is_refused_as_busy_and_holds_up_no_page() throws Exception {
        UrgentWork urgent = new UrgentWork();
        TransactionRetry retry = new TransactionRetry(dataSource, 1, false, urgent, Duration.ofMillis(200));
        CountDownLatch inTurn = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        Thread hung = Thread.ofPlatform().start(() -> retry.run(holdingTheTurn(inTurn, end)));
        try {
            assertThat(inTurn.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> retry.run(() -> "second"))
                    .isInstanceOfSatisfying(BookingRefusedException.class,
                            e -> assertThat(e.key()).isEqualTo("meeting.error.busy"));
            assertThat(urgent.inProgress()).as("the refused booking no longer counts as waiting").isZero();
        } finally {
            end.countDown();
            hung.join(Duration.ofSeconds(10));
        }
        assertThat(retry.run(() -> "after")).as("the turn given back by the one that ended").isEqualTo("after");
    }

    @Test
    void a_booking_waiting_for_its_turn_is_urgent_work_so_that_pages_give_way_to_it_and_one_in_its_turn_is_not()
            throws Exception {
        UrgentWork urgent = new UrgentWork();
        TransactionRetry retry = new TransactionRetry(dataSource, 1, false, urgent);
        CountDownLatch inTurn = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);

        int[] priorityInTurn = new int[1];
        Supplier<String> holding = holdingTheTurn(inTurn, end);
        Thread first = Thread.ofPlatform().start(() -> retry.run(() -> {
            priorityInTurn[0] = Thread.currentThread().getPriority();
            return holding.get();
        }));
        assertThat(inTurn.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(urgent.inProgress()).as("it found the turn free: nothing waits for it").isZero();
        Thread second = Thread.ofVirtual().start(() -> retry.inTurn(() -> retry.run(() -> "second")));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (urgent.inProgress() < 1 && System.nanoTime() < until) {
            Thread.sleep(5);
        }

        // the second waits for the one turn
        assertThat(urgent.inProgress()).isEqualTo(1);
        assertThat(urgent.awaitCalm(Duration.ofMillis(100))).isFalse();
        end.countDown();
        first.join(Duration.ofSeconds(10));
        second.join(Duration.ofSeconds(10));
        assertThat(urgent.awaitCalm(Duration.ofSeconds(10))).isTrue();
        assertThat(urgent.inProgress()).isZero();
        // in its turn the booking's thread goes first for a core, and is as before afterwards
        assertThat(priorityInTurn[0]).isEqualTo(Thread.MAX_PRIORITY);
        int[] after = new int[1];
        Thread third = Thread.ofPlatform().start(() -> {
            retry.run(() -> "third");
            after[0] = Thread.currentThread().getPriority();
        });
        third.join(Duration.ofSeconds(10));
        assertThat(after[0]).isEqualTo(Thread.NORM_PRIORITY);
    }
}
