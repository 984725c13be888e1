package org.b2bforum.meeting;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.b2bforum.base.database.DatabaseFailures;
import org.b2bforum.base.web.UrgentWork;
import org.b2bforum.base.database.FirstHostWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs a booking step in its own transaction and runs it again when MariaDB gives up on it
 * because of a concurrent writer: deadlock (1213, on Galera also a certification failure: another
 * node committed a conflicting write first), record changed (1020), or SQLSTATE 40001, and up to twice
 * when a foreign key finds no parent row ({@link DatabaseFailures#isMissingParent}). Each try
 * starts from scratch, so a retry sees what the winner wrote. It also runs again, a few times and
 * after a pause, the whole booking when the database node was lost (connection failure, Galera's
 * 1047 "not prepared for application use", a commit refused outside the primary component): within
 * a few seconds the node is back in the primary component or the pool's next connection reaches
 * another node ({@link DatabaseFailures#isNodeLoss}).
 * <p>
 * At most {@code b2bforum.booking.concurrent-writers} booking steps run at once, their quick
 * "already taken?" look included (a step gives its turn back when it commits, so its connection's clean-up may
 * overlap the next step; booking work after that commit asks for a turn again); the others wait their turn
 * first come, first served. When the booking window opens and hundreds click at once,
 * a short fair queue in front of the database keeps every click's wait close to the average,
 * where InnoDB's lock waits on a popular company's rows would serve some clicks late (bench/README.md).
 * The queue is per application node by design: with several nodes each has its own, and the
 * database stays the arbiter (its booking keys refuse a double booking whichever node writes it).
 * <p>
 * A booking waiting for its turn is {@link UrgentWork}: while bookings queue up (at the booking window's rush), the
 * node opens no page (for a bounded time), so that the turns' round trips do not wait for a
 * core behind them (bench/README.md, issue 17). A booking that finds a turn free holds up nothing: when bookings
 * come one by one, pages open as ever.
 */
@Component
class TransactionRetry {

    private static final Logger log = LoggerFactory.getLogger(TransactionRetry.class);
    private static final int ATTEMPTS = 8;
    private static final int NODE_LOSS_ATTEMPTS = 6;
    /** Runs again after a missing parent row: twice, no more (a parent really missing fails each time). */
    private static final int MISSING_PARENT_RETRIES = 2;

    private final TransactionTemplate transactions;
    /** As {@link #transactions}, at READ COMMITTED: {@link #runReadingCommitted}. */
    private final TransactionTemplate readingCommitted;
    private final BookingConnections connections;

    private final Semaphore writers;
    private final UrgentWork urgent;
    private final Duration turnWait;
    private final ThreadLocal<Turn> turn = new ThreadLocal<>();

    /** A caller's turn among the booking steps, given back once: when its step commits, or when it ends. */
    private final class Turn {
        private boolean held = true;

        void giveBack() {
            if (held) {
                held = false;
                writers.release();
            }
        }
    }

    private static final Duration DEFAULT_TURN_WAIT = Duration.ofSeconds(30);

    /** How a retry waits before its next attempt, a random time in [from, to) milliseconds. */
    interface Pause {
        void pause(int fromMillis, int toMillis);
    }

    private final Pause pause;

    /**
     * Booking steps on the application's connections (autocommit set off and on again around each): the tests' way of
     * running them on a connection they count statements on. The application's default is {@code ownConnections}.
     */
    TransactionRetry(DataSource dataSource, int concurrentWriters) {
        this(dataSource, concurrentWriters, false);
    }

    TransactionRetry(DataSource dataSource, int concurrentWriters, boolean ownConnections) {
        this(dataSource, concurrentWriters, ownConnections, new UrgentWork());
    }

    TransactionRetry(DataSource dataSource, int concurrentWriters, boolean ownConnections, UrgentWork urgent) {
        this(dataSource, concurrentWriters, ownConnections, urgent, DEFAULT_TURN_WAIT);
    }

    TransactionRetry(DataSource dataSource, int concurrentWriters, boolean ownConnections, UrgentWork urgent,
            Duration turnWait) {
        this(dataSource, concurrentWriters, ownConnections, urgent, turnWait, TransactionRetry::sleep, null);
    }

    /**
     * Tests: the retries' pauses go to {@code pause} (which records them) rather than sleeping; the node losses'
     * alone are seconds of waiting (TransactionRetryTest).
     */
    TransactionRetry(DataSource dataSource, int concurrentWriters, Pause pause) {
        this(dataSource, concurrentWriters, false, new UrgentWork(), DEFAULT_TURN_WAIT, pause, null);
    }

    /**
     * @param ownConnections {@code b2bforum.booking.own-connections} (default true): the booking steps take their
     *        connections from a pool of their own ({@link BookingConnections}), whose connections stay in manual commit,
     *        so a step is its statements and its commit: on the application's pool each step began with
     *        {@code set autocommit=0}, a round trip in the booking's turn, and ended with {@code set autocommit=1}
     *        (bench/README.md, issue 17, stop 43)
     * @param urgent where a booking waiting for its turn counts as urgent work
     * @param turnWait {@code b2bforum.booking.turn-wait}: how long a booking waits for its turn before it is refused
     *        as "busy, try again" (turns that hang must not hold the clicks, nor the pages that give way to them)
     * @param firstHost brings the own pool back to a multi-host URL's first host after a fail-over (docs/cluster.md)
     * @param meters where the own pool's {@code hikaricp_*} meters go ({@link BookingConnections#of})
     */
    @Autowired
    TransactionRetry(DataSource dataSource,
            @Value("${b2bforum.booking.concurrent-writers:4}") int concurrentWriters,
            @Value("${b2bforum.booking.own-connections:true}") boolean ownConnections, UrgentWork urgent,
            @Value("${b2bforum.booking.turn-wait:30s}") Duration turnWait, ObjectProvider<FirstHostWatcher> firstHost,
            ObjectProvider<MeterRegistry> meters) {
        this(dataSource, concurrentWriters, ownConnections, urgent, turnWait, TransactionRetry::sleep,
                meters.getIfAvailable());
        if (connections != null) {
            // on a multi-host URL its connections come back to the first host after a fail-over, as the application's
            firstHost.ifAvailable(watcher -> watcher.watch(connections));
        }
    }

    private TransactionRetry(DataSource dataSource, int concurrentWriters, boolean ownConnections, UrgentWork urgent,
            Duration turnWait, Pause pause, MeterRegistry meters) {
        this.pause = pause;
        this.urgent = urgent;
        this.turnWait = turnWait;
        this.writers = new Semaphore(concurrentWriters, true);
        this.connections = ownConnections ? BookingConnections.of(dataSource, concurrentWriters, meters) : null;
        // booking steps are plain JDBC: a JDBC transaction, without the JPA session the
        // application's transaction manager would open for each (should one use JPA after all,
        // that manager refuses to start inside this transaction, so the mistake cannot go unseen)
        this.transactions = new TransactionTemplate(
                new JdbcTransactionManager(connections != null ? connections : dataSource));
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.readingCommitted = new TransactionTemplate(transactions.getTransactionManager());
        this.readingCommitted.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.readingCommitted.setIsolationLevel(TransactionTemplate.ISOLATION_READ_COMMITTED);
    }

    /** Whether the booking steps run on their own connections ({@link BookingConnections}). */
    boolean onOwnConnections() {
        return connections != null;
    }

    @PreDestroy
    void close() {
        if (connections != null) {
            connections.close();
        }
    }

    /** Runs a booking step in its turn, in its own transaction, retried on conflicts. */
    <T> T run(Supplier<T> work) {
        return inTurn(() -> retried(work, transactions));
    }

    /**
     * As {@link #run}, in a transaction at READ COMMITTED: for a step that reads before it takes its locks (publishing's
     * guard reads the day), whose plain reads after the locks must see what was committed meanwhile, not the snapshot
     * of its first read (REPEATABLE READ): the meeting limit's count among them ({@link MeetingLimits}).
     */
    <T> T runReadingCommitted(Supplier<T> work) {
        return inTurn(() -> retried(work, readingCommitted));
    }

    /**
     * Runs {@code work} once it is this caller's turn among the booking steps (at once when the
     * caller already has its turn).
     */
    <T> T inTurn(Supplier<T> work) {
        Turn current = turn.get();
        if (current != null && current.held) {
            return work.get();
        }
        try {
            // first come, first served (a fair semaphore's tryAcquire with a timeout keeps the order, one without does not)
            if (!writers.tryAcquire(0, TimeUnit.SECONDS)) {
                urgent.run(() -> {
                    try {
                        if (!writers.tryAcquire(turnWait.toMillis(), TimeUnit.MILLISECONDS)) {
                            throw new BookingRefusedException("meeting.error.busy");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new BookingRefusedException("meeting.error.busy");
                    }
                    return null;
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BookingRefusedException("meeting.error.busy");
        }
        Turn mine = new Turn();
        turn.set(mine);
        // in its turn the booking's thread goes before the node's other work for a core: each of the turn's round trips
        // waited for one behind pages at the rush (bench/README.md, issue 17). Java's priorities reach the operating
        // system only when the JVM is started so (Linux, as root: -XX:ThreadPriorityPolicy=1; README)
        Thread thread = Thread.currentThread();
        int priority = thread.getPriority();
        thread.setPriority(Thread.MAX_PRIORITY);
        try {
            return retriedOnNodeLoss(work);
        } finally {
            thread.setPriority(priority);
            turn.remove();
            mine.giveBack();
        }
    }

    /**
     * The whole booking (its look and its steps) again when the database node was lost: a step that
     * did commit makes the second run find the booking there.
     */
    private <T> T retriedOnNodeLoss(Supplier<T> work) {
        for (int loss = 1; ; loss++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isNodeLoss(e) || loss == NODE_LOSS_ATTEMPTS) {
                    throw e;
                }
                pause.pause(250 * loss, 500 * loss); // a Galera node regains its primary component within seconds
            }
        }
    }

    private <T> T retried(Supplier<T> work, TransactionTemplate template) {
        int missingParents = 0;
        for (int attempt = 1; ; attempt++) {
            RuntimeException[] stepFailure = new RuntimeException[1];
            try {
                return template.execute(status -> {
                    givesBackTheTurnAtCommit();
                    try {
                        return work.get();
                    } catch (RuntimeException failure) {
                        stepFailure[0] = failure;
                        throw failure;
                    }
                });
            } catch (RuntimeException thrown) {
                // When the step failed, its failure decides, also when the rollback then failed too (a connection
                // that died with its node, through a database proxy: docs/cluster.md); the rollback's exception
                // would replace it, and a refusal would come out as an error (bench/run-cluster).
                RuntimeException e = stepFailure[0] != null ? stepFailure[0] : thrown;
                if (DatabaseFailures.isMissingParent(e) && ++missingParents <= MISSING_PARENT_RETRIES) {
                    // on Galera a brute-force abort can show as the parent this step inserted gone missing;
                    // a hot booking can meet two in a row (bench/run-cluster: one error shown in 39,000 attempts)
                    log.warn("A booking step found a parent row missing; running it once more: {}", e.getMessage());
                    continue;
                }
                if (!DatabaseFailures.isConflict(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new BookingRefusedException("meeting.error.busy");
                }
                pause.pause(1, 4 * attempt + 2);
            }
        }
    }

    /**
     * The next booking step may start as soon as this one's commit has released its locks: the connection's
     * clean-up after the commit (autocommit set back, a round trip) and the return to the pool no longer hold up
     * the queue, whose turns at the booking window's rush are a few round trips each on a busy machine
     * (bench/README.md, issue 17). A step rolled back to be tried again keeps its turn.
     */
    private void givesBackTheTurnAtCommit() {
        Turn mine = turn.get();
        if (mine != null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    mine.giveBack();
                }
            });
        }
    }

    private static void sleep(int fromMillis, int toMillis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(fromMillis, toMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BookingRefusedException("meeting.error.busy");
        }
    }
}
