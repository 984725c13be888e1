package org.b2bforum.base.security;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells the pool's time-out while the database is up and every connection is busy (the booking rush) from one while
 * the database cannot be reached. HikariCP's time-out ("Connection is not available, request timed out") carries as its
 * cause the pool's last failure to open a connection, and the pool forgets that failure at the next connection it
 * opens: with the database killed it is the driver's "Socket fail to connect" over a {@link java.net.ConnectException};
 * with every connection held it is nothing (SessionCheckWhileThePoolIsBusyTest). A network failure under it says the
 * database is away; anything else (none, or the server's own refusal, "Too many connections") says it is busy.
 * <p>
 * A time-out under it says busy too: a database frozen longer than the driver's connect time-out (its process stopped,
 * its disk stalled) still takes connections in the kernel but never greets them, and the driver's read of the greeting
 * times out ({@link SocketTimeoutException}). Counted "away", it let the session check go on unchecked after about 3 s
 * of a freeze, and a session ended before the freeze acted once the database answered again (review58,
 * SessionCheckWhileTheDatabaseIsFrozenTest). A refused connection (the process gone) stays "away", and so does a
 * connection that times out before it is made (the host off, {@link #whileConnecting}).
 */
final class PoolExhausted {

    private PoolExhausted() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLTransientConnectionException && t.getMessage() != null
                    && t.getMessage().contains("Connection is not available")) {
                return !networkFailureUnder(t.getCause());
            }
        }
        return false;
    }

    private static boolean networkFailureUnder(Throwable lastConnectionFailure) {
        for (Throwable t = lastConnectionFailure; t != null; t = next(t)) {
            if (t instanceof IOException) {
                return !(t instanceof SocketTimeoutException) || whileConnecting(t);
            }
        }
        return false;
    }

    /**
     * A time-out of the connection itself, before any server greeted it: the host does not answer at all (switched off,
     * cut off by the network), which is away, not busy. A frozen server's kernel still takes the connection, and its
     * time-out comes later, reading the greeting. Counted busy before, such a host kept every click waiting its 45 s
     * and then showed the busy page instead of "temporarily unavailable" (review59's doubt, review62,
     * SessionCheckWhileTheDatabaseHostIsOffTest). Told by where it was thrown: the JDK's message ("Connect timed out")
     * is not part of its contract.
     */
    private static boolean whileConnecting(Throwable timeout) {
        for (StackTraceElement frame : timeout.getStackTrace()) {
            if (frame.getClassName().equals("java.net.Socket") && frame.getMethodName().equals("connect")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
