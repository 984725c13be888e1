package org.b2bforum.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two application nodes taking the same lease in the database. */
@ForumSpringTest
class ClusterLeasesTest {

    private static final String LEASE = "test-lease";
    private static final Duration LENGTH = Duration.ofMinutes(10);

    @Autowired
    JdbcTemplate jdbc;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2031-03-02T09:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @AfterEach
    void forgetTheLease() {
        jdbc.update("delete from cluster_lease where name = ?", LEASE);
    }

    @Test
    void only_one_of_two_nodes_holds_a_lease_until_it_expires_then_the_other_may_take_it() {
        ClusterLeases nodeA = leases("node-a");
        ClusterLeases nodeB = leases("node-b");

        assertThat(nodeA.tryAcquire(LEASE, LENGTH)).isTrue();
        assertThat(nodeB.tryAcquire(LEASE, LENGTH)).isFalse();
        now.set(now.get().plus(LENGTH).minusSeconds(1));
        assertThat(nodeB.tryAcquire(LEASE, LENGTH)).isFalse();
        assertThat(nodeA.tryAcquire(LEASE, LENGTH)).as("the holder renews").isTrue();
        now.set(now.get().plus(LENGTH).plusSeconds(1));

        assertThat(nodeB.tryAcquire(LEASE, LENGTH)).isTrue();
        assertThat(nodeA.tryAcquire(LEASE, LENGTH)).isFalse();
        assertThat(nodeA.holder(LEASE)).isEqualTo("node-b");
    }

    @Test
    void a_released_lease_is_free_at_once_and_only_its_holder_can_release_it() {
        ClusterLeases nodeA = leases("node-a");
        ClusterLeases nodeB = leases("node-b");
        nodeA.tryAcquire(LEASE, LENGTH);

        nodeB.release(LEASE);
        assertThat(nodeB.tryAcquire(LEASE, LENGTH)).isFalse();
        nodeA.release(LEASE);

        assertThat(nodeB.tryAcquire(LEASE, LENGTH)).isTrue();
    }

    private ClusterLeases leases(String node) {
        return new ClusterLeases(jdbc, new ClusterNode(node), clock);
    }
}
