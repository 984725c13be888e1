package org.b2bforum.base.database;

import java.sql.SQLException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.modulith.NamedInterface;

/**
 * Which database failures a transaction may simply be run again after, on one MariaDB or a Galera
 * cluster (docs/cluster.md).
 */
@NamedInterface("database-failures")
public final class DatabaseFailures {

    /** Deadlock; on Galera also "WSREP detected deadlock/conflict": another node's commit won certification. */
    static final int DEADLOCK = 1213;
    /** Record changed since last read. */
    static final int RECORD_CHANGED = 1020;
    /** Galera: "WSREP has not yet prepared node for application use" (the node is not in the primary component). */
    static final int WSREP_NOT_READY = 1047;

    /** "Duplicate entry '…' for key '…'". */
    static final int DUPLICATE_KEY = 1062;

    /** "Cannot add or update a child row: a foreign key constraint fails". */
    static final int CHILD_ROW_WITHOUT_PARENT = 1452;

    /** Connector/J with a multi-host URL: reconnected to another host, the transaction in progress was lost. */
    static final String FAILED_OVER_IN_TRANSACTION = "25S03";

    private DatabaseFailures() {
    }

    /**
     * A concurrent writer won: the transaction was rolled back and may be run again from the start,
     * where it sees what the winner wrote.
     */
    public static boolean isConflict(Throwable e) {
        if (e instanceof ConcurrencyFailureException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK
                    || sql.getErrorCode() == RECORD_CHANGED || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A foreign key found no parent row. In a step that inserted the parent itself just before, on
     * Galera this is how a transaction aborted by another node's replicated write (a brute-force abort)
     * can end when the abort strikes during the child's foreign-key check: InnoDB reports the check's
     * failure instead of the deadlock (the MDEV-16690 family of error-code overwrites; seen once in
     * bench/run-cluster among 32,000 bookings). Worth one more run from the start, no more: a real
     * missing parent fails again.
     */
    public static boolean isMissingParent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == CHILD_ROW_WITHOUT_PARENT) {
                return true;
            }
        }
        return false;
    }

    /**
     * A unique key refused the row, and it was the one named (its constraint's name): what a form may read as "this
     * is taken already". Any other integrity failure (another key, a foreign key, a value too long) says nothing of
     * the kind, and a caller must not read it so.
     */
    public static boolean isDuplicateOf(Throwable e, String uniqueKey) {
        String quoted = "for key '" + uniqueKey + "'";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY && sql.getMessage() != null
                    && sql.getMessage().contains(quoted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database cannot be reached or its node is lost ({@link DatabaseUnavailable#isCause} or {@link #isNodeLoss}):
     * work that can wait for it may be tried again.
     */
    public static boolean isAway(Throwable e) {
        return DatabaseUnavailable.isCause(e) || isNodeLoss(e);
    }

    /**
     * The database node went away or is not serving (killed, restarting, cut off from the cluster):
     * the transaction did not commit unless the failure hit the commit itself, and a new connection
     * may reach another node (a multi-host JDBC URL fails over). Running it again is safe for work
     * whose rules are checked in the database (booking keys): a commit that did go through makes the
     * second run refuse, never book twice.
     */
    public static boolean isNodeLoss(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // the pool's own time-out has waited long enough already (it may carry the last
            // connection failure's SQLSTATE)
            if (cause.getMessage() != null && cause.getMessage().contains("Connection is not available")) {
                return false;
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == WSREP_NOT_READY
                    || FAILED_OVER_IN_TRANSACTION.equals(sql.getSQLState())
                    // a commit on a Galera node that has just lost the primary component (no error code of its own)
                    || (sql.getMessage() != null && sql.getMessage().contains("Not connected to Primary Component"))
                    || (sql.getSQLState() != null && sql.getSQLState().startsWith("08")))) {
                return true;
            }
        }
        return false;
    }
}
