package org.b2bforum.base.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.b2bforum.base.clock.WallClock;
import org.b2bforum.base.database.FirstHostReturn.Decision;
import org.b2bforum.base.database.FirstHostReturn.FirstHost;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.HostAddress;
import org.mariadb.jdbc.export.HaMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Brings a pool on a {@code jdbc:mariadb:sequential//db1,db2,...} URL back to its first host after a fail-over
 * (ops3). The driver moves a connection to the next host when its host goes, but never back: after a Galera node's
 * restart an application node kept 23 of its 24 connections on the node it had failed over to for HikariCP's
 * {@code max-lifetime} (30 min), so two application nodes wrote to two Galera nodes and certified against each other
 * (docs/cluster.md, stop 48). Every {@code b2bforum.database.first-host-check} (5 s) it looks at which host the pool's
 * idle connections are on (read where the pool keeps them, nothing sent: {@link IdleConnectionHosts}); when one is
 * elsewhere it asks the first host directly for Galera's state, and once that
 * host has been ready at every check for {@code b2bforum.database.first-host-settle} (30 s; never while it joins,
 * donates a state transfer or comes and goes, nor within the driver's {@code deniedListTimeout}, 60 s, of its coming
 * back: {@link FirstHostReturn}) it soft-evicts the pool's connections: the idle
 * ones are closed at once, those in use when given back, and the pool opens new ones on the first host that answers.
 * A pool on any other URL (one host, the embedded database, {@code loadbalance}) is not watched.
 * Metrics: {@code forum.database.first.host.returns} (moves back) and {@code forum.database.away.from.first.host}
 * (1 while the last check found connections elsewhere), each per pool.
 */
@Component
@NamedInterface("first-host")
public class FirstHostWatcher {

    private static final Logger log = LoggerFactory.getLogger(FirstHostWatcher.class);
    private static final String GALERA_STATE = "SELECT variable_name, variable_value FROM information_schema.global_status"
            + " WHERE variable_name IN ('wsrep_local_state', 'wsrep_ready', 'wsrep_cluster_status') UNION ALL"
            + " SELECT variable_name, variable_value FROM information_schema.global_variables WHERE variable_name = 'wsrep_on'";

    /** Connections borrowed at a check where the pool's cannot be read where it keeps them. */
    static final int SAMPLE = 2;

    private static final Pattern DENIED_LIST_TIMEOUT = Pattern.compile("[?&]deniedListTimeout=(\\d+)");

    private final Clock clock;
    private final Duration settle;
    private final boolean enabled;
    private final MeterRegistry registry;
    private final List<Watched> watched = new CopyOnWriteArrayList<>();

    @Autowired
    FirstHostWatcher(DataSource application, @WallClock Clock clock, ObjectProvider<MeterRegistry> registry,
            @Value("${b2bforum.database.return-to-first-host:true}") boolean enabled,
            @Value("${b2bforum.database.first-host-settle:30s}") Duration settle) {
        this(clock, registry.getIfAvailable(), enabled, settle);
        watch(application);
    }

    FirstHostWatcher(Clock clock, MeterRegistry registry, boolean enabled, Duration settle) {
        this.clock = clock;
        this.registry = registry;
        this.enabled = enabled;
        this.settle = settle;
    }

    /**
     * Watches a further pool of this node (the booking steps' own): a Hikari pool on a {@code sequential} URL with
     * several hosts; any other is left alone.
     */
    public void watch(DataSource pool) {
        if (!enabled) {
            return;
        }
        hikari(pool).flatMap(FirstHostWatcher::firstHost).ifPresent(first -> {
            HikariDataSource hikari = hikari(pool).orElseThrow();
            Watched w = new Watched(hikari, first, new FirstHostReturn(settle, deniedListTimeout(hikari)));
            watched.add(w);
            if (registry != null) {
                w.returns = Counter.builder("forum.database.first.host.returns").tag("pool", String.valueOf(hikari.getPoolName()))
                        .description("Times the pool's connections were moved back to the first host of its multi-host URL")
                        .register(registry);
                Gauge.builder("forum.database.away.from.first.host", w.away, AtomicInteger::get)
                        .tag("pool", String.valueOf(hikari.getPoolName()))
                        .description("1 while the pool has connections on another host than its URL's first").register(registry);
            }
            if (!IdleConnectionHosts.readable()) {
                log.warn("Pool {}: this HikariCP's connections cannot be read where it keeps them, so each check "
                        + "borrows {} of them (a ping each)", hikari.getPoolName(), SAMPLE);
            }
            log.info("Pool {}: its connections are moved back to {} once it is ready after a fail-over "
                    + "(checked every few seconds, after {} s ready)", hikari.getPoolName(), address(first), settle.toSeconds());
        });
    }

    /** The pools watched (tests). */
    int watchedPools() {
        return watched.size();
    }

    @Scheduled(initialDelayString = "${b2bforum.database.first-host-check:5s}",
            fixedDelayString = "${b2bforum.database.first-host-check:5s}")
    void check() {
        Map<HostAddress, FirstHost> asked = new HashMap<>(); // one question to a host per check, whatever the pools
        for (Watched w : watched) {
            try {
                checkPool(w, asked);
            } catch (RuntimeException e) {
                log.warn("Pool {}: the check of its connections' host failed ({})", w.pool.getPoolName(), e.toString());
            }
        }
    }

    /** One check of one pool; the decision it came to (tests). */
    Decision checkPool(Watched w, Map<HostAddress, FirstHost> asked) {
        Optional<HostAddress> elsewhere = hostElsewhere(w);
        FirstHost first = elsewhere.isEmpty() ? null : asked.computeIfAbsent(w.first, host -> ask(w));
        Decision decision = w.decision.next(clock.instant(), elsewhere.isPresent(), first);
        if (elsewhere.isPresent() && w.away.getAndSet(1) == 0) {
            log.warn("Pool {}: connections on {}, not on its URL's first host {} ({}): they are moved back once that "
                    + "host has been ready for {} s", w.pool.getPoolName(), address(elsewhere.get()), address(w.first),
                    first, settle.toSeconds());
        }
        if (elsewhere.isEmpty()) {
            w.away.set(0);
        }
        if (decision == Decision.MOVE_BACK) {
            w.pool.getHikariPoolMXBean().softEvictConnections();
            if (w.returns != null) {
                w.returns.increment();
            }
            log.info("Pool {}: {} has been ready for {} s, so the connections on {} are replaced (idle ones now, those "
                    + "in use when given back) and the new ones open on {}", w.pool.getPoolName(), address(w.first),
                    settle.toSeconds(), address(elsewhere.orElseThrow()), address(w.first));
        }
        return decision;
    }

    /**
     * The host of an idle connection of the pool that is not the first, if any, read where the pool keeps its
     * connections ({@link IdleConnectionHosts}: nothing borrowed, nothing sent); none when the pool has none idle (the
     * rush: looked at again at the next check). Until ops4 every idle connection was borrowed at every check, and
     * HikariCP pinged each (unused for over 500 ms) as it handed it out.
     */
    Optional<HostAddress> hostElsewhere(Watched w) {
        List<HostAddress> hosts = IdleConnectionHosts.of(w.pool).orElseGet(() -> sample(w.pool));
        return hosts.stream().filter(on -> !sameHost(on, w.first)).findFirst();
    }

    /**
     * Where the pool cannot be read (a HikariCP of other internals): the hosts of at most {@link #SAMPLE} idle
     * connections, borrowed together (so that each is a different one) and given back at once, each pinged by the pool
     * as it hands it out. A fail-over moves every connection that meets the host gone, so a sample sees it.
     */
    static List<HostAddress> sample(HikariDataSource pool) {
        List<Connection> taken = new ArrayList<>();
        List<HostAddress> hosts = new ArrayList<>();
        try {
            while (pool.getHikariPoolMXBean() != null && pool.getHikariPoolMXBean().getIdleConnections() > 0
                    && taken.size() < SAMPLE) {
                Connection c = pool.getConnection();
                taken.add(c);
                HostAddress on = c.unwrap(org.mariadb.jdbc.Connection.class).getClient().getHostAddress();
                if (on != null) {
                    hosts.add(on);
                }
            }
        } catch (SQLException e) {
            // the database is away: the pool's own outage handling speaks (OutageLog)
        } finally {
            for (Connection c : taken) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // given back broken: the pool drops it
                }
            }
        }
        return hosts;
    }

    /** Galera's state of the host, asked on a connection of its own (not the pool's), 2 s to connect, 5 s to answer. */
    FirstHost ask(Watched w) {
        Properties properties = new Properties();
        properties.putAll(w.pool.getDataSourceProperties());
        if (w.pool.getUsername() != null) {
            properties.setProperty("user", w.pool.getUsername());
        }
        if (w.pool.getPassword() != null) {
            properties.setProperty("password", w.pool.getPassword());
        }
        properties.setProperty("connectTimeout", "2000");
        properties.setProperty("socketTimeout", "5000");
        try (Connection c = new org.mariadb.jdbc.Driver().connect(singleHostUrl(w.pool.getJdbcUrl(), w.first), properties);
                Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(GALERA_STATE)) {
            Map<String, String> status = new HashMap<>();
            while (rows.next()) {
                status.put(rows.getString(1).toLowerCase(), rows.getString(2));
            }
            return FirstHostReturn.galeraState(status.get("wsrep_on"), status.get("wsrep_local_state"), status.get("wsrep_ready"),
                    status.get("wsrep_cluster_status"));
        } catch (SQLException e) {
            return FirstHost.UNREACHABLE;
        }
    }

    /** The URL with only {@code host} in place of its list of hosts, its database and options kept. */
    static String singleHostUrl(String url, HostAddress host) {
        int hosts = url.indexOf("//") + 2;
        int path = url.indexOf('/', hosts);
        String rest = path < 0 ? "" : url.substring(path);
        return "jdbc:mariadb://" + address(host) + rest;
    }

    /** The first host of a {@code sequential} URL with several hosts. */
    static Optional<HostAddress> firstHost(HikariDataSource pool) {
        String url = pool.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:mariadb:")) {
            return Optional.empty();
        }
        try {
            Configuration configuration = Configuration.parse(url);
            return configuration.haMode() == HaMode.SEQUENTIAL && configuration.addresses().size() > 1
                    ? Optional.of(configuration.addresses().getFirst()) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** How long the driver skips a host whose connection failed: the URL's or the pool's {@code deniedListTimeout}. */
    static Duration deniedListTimeout(HikariDataSource pool) {
        Matcher inUrl = DENIED_LIST_TIMEOUT.matcher(pool.getJdbcUrl());
        String value = inUrl.find() ? inUrl.group(1) : pool.getDataSourceProperties().getProperty("deniedListTimeout", "60000");
        try {
            return Duration.ofMillis(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(60);
        }
    }

    private static Optional<HikariDataSource> hikari(DataSource pool) {
        try {
            return pool.isWrapperFor(HikariDataSource.class) ? Optional.of(pool.unwrap(HikariDataSource.class))
                    : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static boolean sameHost(HostAddress a, HostAddress b) {
        return a.port == b.port && a.host != null && a.host.equalsIgnoreCase(b.host);
    }

    private static String address(HostAddress host) {
        return (host.host.contains(":") ? "[" + host.host + "]" : host.host) + ":" + host.port;
    }

    /** A pool watched, with its decision's state. */
    static final class Watched {
        final HikariDataSource pool;
        final HostAddress first;
        final FirstHostReturn decision;
        final AtomicInteger away = new AtomicInteger();
        Counter returns;

        Watched(HikariDataSource pool, HostAddress first, FirstHostReturn decision) {
            this.pool = pool;
            this.first = first;
            this.decision = decision;
        }
    }

    /** The first pool watched (tests). */
    Watched watchedPool(int i) {
        return watched.get(i);
    }
}
