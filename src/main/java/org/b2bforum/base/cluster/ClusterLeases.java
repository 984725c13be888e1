package org.b2bforum.base.cluster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.b2bforum.base.clock.WallClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leases in the database, for work that one node of several must do alone (the hourly backup).
 * A lease is one row, taken with one statement: no {@code GET_LOCK} (node-local on Galera) and no
 * lock held across statements. When two nodes take the same lease at once on different Galera
 * nodes, certification lets one commit and aborts the other (a deadlock error), which counts as
 * "not taken". Expiry is judged by the application's clock, so the nodes' clocks must agree (NTP)
 * to well within the lease's length.
 */
@Component
public class ClusterLeases {

    private static final Logger log = LoggerFactory.getLogger(ClusterLeases.class);

    private final JdbcTemplate jdbc;
    private final ClusterNode node;
    private final Clock clock;

    public ClusterLeases(JdbcTemplate jdbc, ClusterNode node, @WallClock Clock clock) {
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Takes (or renews) the lease {@code name} for {@code length} from now, when it is free, expired
     * or already this node's.
     *
     * @return whether this node holds the lease now
     */
    public boolean tryAcquire(String name, Duration length) {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(length));
        try {
            // each statement commits on its own: a taken lease is visible to the other nodes at once
            if (jdbc.update("update cluster_lease set holder = ?, expires_at = ? where name = ? and (holder = ? or expires_at <= ?)",
                    node.id(), until, name, node.id(), Timestamp.from(now)) == 1) {
                return true;
            }
            return jdbc.update("insert ignore into cluster_lease (name, holder, expires_at) values (?, ?, ?)", name,
                    node.id(), until) == 1;
        } catch (DataAccessException e) {
            log.info("Lease {} not taken by {}: {}", name, node.id(), e.getMessage());
            return false;
        }
    }

    /**
     * Takes the mark {@code name} for good: the first call of all nodes gets it, every later one (a restart, another
     * node) not, since the row stays ({@code until} only says until when it mattered; nothing takes it again). For a
     * one-shot at start ({@code B2BFORUM_ORGANIZER_PASSWORD_RESET}).
     *
     * @return whether this call took it
     */
    public boolean takeOnce(String name, Instant until) {
        try {
            return jdbc.update("insert ignore into cluster_lease (name, holder, expires_at) values (?, ?, ?)", name,
                    node.id(), Timestamp.from(until)) == 1;
        } catch (DataAccessException e) {
            log.info("Mark {} not taken by {}: {}", name, node.id(), e.getMessage());
            return false;
        }
    }

    /** Gives the lease up, when this node holds it. */
    public void release(String name) {
        try {
            jdbc.update("delete from cluster_lease where name = ? and holder = ?", name, node.id());
        } catch (DataAccessException e) {
            log.warn("Lease {} not released by {} (it expires by itself): {}", name, node.id(), e.getMessage());
        }
    }

    /** The node holding the lease, expired or not; null when nobody has taken it. */
    public String holder(String name) {
        return jdbc.query("select holder from cluster_lease where name = ?", rs -> rs.next() ? rs.getString(1) : null,
                name);
    }
}
