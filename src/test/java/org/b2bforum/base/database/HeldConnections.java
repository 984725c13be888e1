package org.b2bforum.base.database;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Every connection of a running pool held by a test, as the booking rush's requests hold them, with the pool's wait for
 * a connection shortened to {@code timeoutMillis} meanwhile: a request then waits that long and fails as it would
 * after the application's 3 s, so that a test shows what several such waits do without waiting for seconds. Closing
 * gives the connections back and the pool its wait.
 */
public final class HeldConnections implements AutoCloseable {

    private final HikariDataSource pool;
    private final List<Connection> held = new ArrayList<>();
    private final long timeoutBefore;

    private HeldConnections(HikariDataSource pool, long timeoutMillis) throws SQLException {
        this.pool = pool;
        this.timeoutBefore = connectionTimeout(pool, timeoutMillis);
        try {
            while (held.size() < pool.getMaximumPoolSize()) {
                held.add(pool.getConnection());
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Holds every connection of {@code pool}, whose requests wait {@code timeoutMillis} (250 at least) meanwhile. */
    public static HeldConnections of(HikariDataSource pool, long timeoutMillis) throws SQLException {
        return new HeldConnections(pool, timeoutMillis);
    }

    @Override
    public void close() throws SQLException {
        try {
            for (Connection connection : held) {
                connection.close();
            }
        } finally {
            connectionTimeout(pool, timeoutBefore);
        }
    }

    /**
     * Sets how long the running pool's {@code getConnection()} waits, returns what it was. The pool copies its
     * configuration's timeout at its start ({@code HikariConfigMXBean.setConnectionTimeout} does not reach it), so the
     * running pool's own field is set.
     */
    private static long connectionTimeout(HikariDataSource pool, long millis) {
        try {
            Object running = pool.getHikariPoolMXBean();
            Field field = Class.forName("com.zaxxer.hikari.pool.PoolBase").getDeclaredField("connectionTimeout");
            field.setAccessible(true);
            long before = field.getLong(running);
            field.setLong(running, millis);
            return before;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("HikariCP's pool has no connectionTimeout field to set", e);
        }
    }
}
