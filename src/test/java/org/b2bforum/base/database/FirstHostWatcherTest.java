package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.database.FirstHostReturn.Decision;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.HostAddress;
import org.springframework.beans.factory.annotation.Autowired;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;

/**
 * A pool on a {@code sequential} URL comes back to its first host once that host answers again (ops3), on the
 * embedded database: the URL's first host is a port that forwards to the embedded server, closed at first (the pool
 * fails over to the second host, the server itself), then opened (the first host back: a server without Galera is
 * ready when it answers). Without the watcher the pool's connections stay on the second host.
 */
@ForumSpringTest
class FirstHostWatcherTest {

    @Autowired
    DataSource dataSource;

    @Test
    void a_pool_that_failed_over_moves_back_to_its_first_host_once_that_answers_again() throws Exception {
        HostAddress server = server();
        int firstPort = freePort();
        // the driver skips a host for deniedListTimeout after a failed connection (60 s by default): 1 s here
        HikariConfig config = failingOver("first-host-test", firstPort, "deniedListTimeout=1000");
        FirstHostWatcher watcher = new FirstHostWatcher(Clock.systemUTC(), null, true, Duration.ZERO);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            watcher.watch(pool);
            assertThat(watcher.watchedPools()).isEqualTo(1);
            assertThat(ports(pool)).as("failed over: the first host does not answer").containsOnly(server.port);

            assertThat(watcher.checkPool(watcher.watchedPool(0), new HashMap<>())).isEqualTo(Decision.WAIT);
            assertThat(ports(pool)).as("still on the second host").containsOnly(server.port);

            assertThat(watcher.ask(watcher.watchedPool(0))).isEqualTo(FirstHostReturn.FirstHost.UNREACHABLE);
            try (Forward forward = new Forward(firstPort, server)) {
                assertThat(watcher.ask(watcher.watchedPool(0))).as("the embedded server, without Galera, through the port")
                        .isEqualTo(FirstHostReturn.FirstHost.READY);
                assertThat(watcher.checkPool(watcher.watchedPool(0), new HashMap<>())).as("the driver skips it for 1 s")
                        .isEqualTo(Decision.WAIT);
                Thread.sleep(1100);
                assertThat(watcher.checkPool(watcher.watchedPool(0), new HashMap<>())).isEqualTo(Decision.MOVE_BACK);
                assertThat(ports(pool)).as("back on the first host").containsOnly(firstPort);
                assertThat(watcher.checkPool(watcher.watchedPool(0), new HashMap<>())).isEqualTo(Decision.AT_HOME);
            }
        }
    }

    /**
     * A check reads the hosts of the pool's idle connections where the pool keeps them (ops4): before, it borrowed every
     * idle connection at every check, and HikariCP pinged each as it handed it out (one ping per connection every 5 s on
     * an idle node; bench/README.md, "Stop 50 (ops4)"). A HikariCP that cannot be read so borrows a sample of two.
     */
    @Test
    void a_check_borrows_no_connection_and_the_fallback_samples_two() throws Exception {
        assertThat(IdleConnectionHosts.readable()).as("this HikariCP's pool is read where it keeps its connections").isTrue();
        HostAddress server = server();
        HikariConfig config = failingOver("first-host-borrows-test", freePort(), "connectTimeout=2000");
        AtomicInteger borrowed = new AtomicInteger();
        config.setMetricsTrackerFactory((name, stats) -> new IMetricsTracker() {
            @Override
            public void recordConnectionAcquiredNanos(long nanos) {
                borrowed.incrementAndGet();
            }
        });
        FirstHostWatcher watcher = new FirstHostWatcher(Clock.systemUTC(), null, true, Duration.ofHours(1));
        try (HikariDataSource pool = new HikariDataSource(config)) {
            watcher.watch(pool);
            assertThat(ports(pool)).as("failed over: the first host does not answer").containsOnly(server.port);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (pool.getHikariPoolMXBean().getIdleConnections() < 3 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            int before = borrowed.get();
            for (int check = 0; check < 3; check++) {
                assertThat(watcher.hostElsewhere(watcher.watchedPool(0))).as("the connections' host, read")
                        .hasValueSatisfying(on -> assertThat(on.port).isEqualTo(server.port));
                assertThat(watcher.checkPool(watcher.watchedPool(0), new HashMap<>())).isEqualTo(Decision.WAIT);
            }
            assertThat(borrowed.get() - before).as("connections borrowed by six looks and three checks").isZero();

            assertThat(FirstHostWatcher.sample(pool)).as("the fallback's sample").hasSize(FirstHostWatcher.SAMPLE)
                    .allSatisfy(on -> assertThat(on.port).isEqualTo(server.port));
            assertThat(borrowed.get() - before).isEqualTo(FirstHostWatcher.SAMPLE);
        }
    }

    @Test
    void a_pool_on_one_host_is_not_watched() throws Exception {
        FirstHostWatcher watcher = new FirstHostWatcher(Clock.systemUTC(), null, true, Duration.ZERO);
        watcher.watch(dataSource);
        assertThat(watcher.watchedPools()).isZero();
    }

    /** The shared test database's server: the second host of the URLs here. */
    private HostAddress server() throws SQLException {
        return Configuration.parse(dataSource.unwrap(HikariDataSource.class).getJdbcUrl()).addresses().getFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    /**
     * A pool of three as the application's, on a {@code sequential} URL whose first host is {@code firstPort} (nothing
     * listening there yet) and whose second is the test database's server, with {@code option} added to the URL.
     */
    private HikariConfig failingOver(String name, int firstPort, String option) throws SQLException {
        HikariDataSource application = dataSource.unwrap(HikariDataSource.class);
        String url = application.getJdbcUrl();
        HostAddress server = server();
        String rest = url.substring(url.indexOf('/', url.indexOf("//") + 2));
        HikariConfig config = new HikariConfig();
        application.copyStateTo(config);
        config.setPoolName(name);
        config.setJdbcUrl("jdbc:mariadb:sequential//127.0.0.1:" + firstPort + "," + server.host + ":" + server.port + rest
                + (rest.contains("?") ? "&" : "?") + option);
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(3);
        config.setRegisterMbeans(false);
        return config;
    }

    /** The ports the pool's connections are on: all of them taken at once (waits for the pool to open them). */
    private static List<Integer> ports(HikariDataSource pool) throws SQLException {
        List<Connection> taken = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                Connection c = pool.getConnection();
                taken.add(c);
                ports.add(c.unwrap(org.mariadb.jdbc.Connection.class).getClient().getHostAddress().port);
            }
            return ports;
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
    }

    /** A port on the loopback address that forwards every connection to the server: the URL's first host. */
    private static final class Forward implements AutoCloseable {

        private final ServerSocket listening;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        Forward(int port, HostAddress server) throws IOException {
            listening = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!listening.isClosed()) {
                    Socket client;
                    try {
                        client = listening.accept();
                    } catch (IOException e) {
                        return;
                    }
                    sockets.add(client);
                    Socket upstream = connect(server);
                    if (upstream == null) {
                        close(client);
                        continue;
                    }
                    sockets.add(upstream);
                    Thread.ofVirtual().start(() -> pipe(client, upstream));
                    Thread.ofVirtual().start(() -> pipe(upstream, client));
                }
            });
        }

        /** The server at the first of its addresses that answers ("localhost": ::1 or 127.0.0.1). */
        private static Socket connect(HostAddress server) {
            try {
                for (InetAddress address : InetAddress.getAllByName(server.host)) {
                    try {
                        return new Socket(address, server.port);
                    } catch (IOException e) {
                        // the next address
                    }
                }
            } catch (IOException e) {
                // unknown host: refused
            }
            return null;
        }

        private static void close(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            listening.close();
            sockets.forEach(Forward::close);
        }
    }
}
