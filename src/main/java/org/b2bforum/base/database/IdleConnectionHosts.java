package org.b2bforum.base.database;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mariadb.jdbc.HostAddress;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import com.zaxxer.hikari.util.ConcurrentBag;
import com.zaxxer.hikari.util.ConcurrentBag.IConcurrentBagEntry;

/**
 * The hosts a Hikari pool's idle connections are on, read where the pool keeps them: no connection borrowed, nothing
 * sent to the database (ops4). {@link FirstHostWatcher} borrowed every idle connection every 5 s to ask its host, and
 * HikariCP checks a connection unused for over 500 ms with a ping when it is borrowed: on an idle node one ping per
 * connection per check, the application's and the booking steps' pools together (bench/README.md, "Stop 50 (ops4)").
 * <p>
 * HikariCP has no public way to list its connections, so this reads its pool's bag ({@code HikariPool.connectionBag})
 * and each entry's physical connection ({@code PoolEntry.connection}) by reflection; the driver's connection then
 * tells its host without a round trip. A HikariCP whose fields are named otherwise gives {@link Optional#empty()}, and
 * the watcher borrows a small sample instead (FirstHostWatcherTest fails first, on the upgrade).
 */
final class IdleConnectionHosts {

    private static final Field BAG = field(HikariPool.class, "connectionBag");
    private static final Field CONNECTION = field(entryClass(), "connection");

    private IdleConnectionHosts() {
    }

    /** Whether this HikariCP's pool can be read so. */
    static boolean readable() {
        return BAG != null && CONNECTION != null;
    }

    /**
     * The hosts of the pool's idle connections (one per connection), or empty when the pool cannot be read so; an
     * empty list when the pool has none idle or is closed.
     */
    static Optional<List<HostAddress>> of(HikariDataSource pool) {
        if (!readable()) {
            return Optional.empty();
        }
        List<HostAddress> hosts = new ArrayList<>();
        if (!(pool.getHikariPoolMXBean() instanceof HikariPool hikari)) {
            return Optional.of(hosts);
        }
        try {
            for (Object entry : ((ConcurrentBag<?>) BAG.get(hikari)).values()) {
                if (((IConcurrentBagEntry) entry).getState() != IConcurrentBagEntry.STATE_NOT_IN_USE) {
                    continue;
                }
                Connection connection = (Connection) CONNECTION.get(entry);
                HostAddress host = connection == null ? null
                        : connection.unwrap(org.mariadb.jdbc.Connection.class).getClient().getHostAddress();
                if (host != null) {
                    hosts.add(host);
                }
            }
            return Optional.of(hosts);
        } catch (IllegalAccessException | ClassCastException | SQLException e) {
            return Optional.empty();
        }
    }

    private static Class<?> entryClass() {
        try {
            return Class.forName("com.zaxxer.hikari.pool.PoolEntry");
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Field field(Class<?> type, String name) {
        if (type == null) {
            return null;
        }
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
