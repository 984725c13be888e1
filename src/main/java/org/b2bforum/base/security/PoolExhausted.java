package org.b2bforum.base.security;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells the pool's time-out while the database is up and every connection is busy (the booking rush) from one while
 * the database cannot be reached. HikariCP's time-out ("Connection is not available, request timed out") carries as its
 * cause the pool's last failure to open a connection, and the pool forgets that failure at the next connection it
 * opens: with the database killed it is the driver's "Socket fail to connect" over a {@link java.net.ConnectException};
 * with every connection held it is nothing (SessionCheckWhileThePoolIsBusyTest). A network failure under it says the
 * database is away; anything else (none, or the server's own refusal, "Too many connections") says it is busy.
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
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
