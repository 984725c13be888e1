package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Both pools of a node in the meter registry, as Prometheus scrapes it: the application's and the booking steps' own
 * ({@link BookingConnections}). Until ops5 the booking pool had no {@code hikaricp_*} meters, so an operator watching
 * pool saturation at the booking window's rush saw half the picture.
 */
@ForumSpringTest
class BookingPoolMetersTest {

    @Autowired
    MeterRegistry meters;
    @Autowired
    TransactionRetry retry;

    @Test
    void the_booking_pool_has_its_hikari_meters_beside_the_applications() {
        assertThat(retry.onOwnConnections()).isTrue();
        for (String pool : new String[] {"embedded-mariadb", "embedded-mariadb-booking"}) {
            assertThat(meters.find("hikaricp.connections.max").tag("pool", pool).gauge()).as(pool).isNotNull();
            assertThat(meters.find("hikaricp.connections.active").tag("pool", pool).gauge()).as(pool).isNotNull();
            assertThat(meters.find("hikaricp.connections.pending").tag("pool", pool).gauge()).as(pool).isNotNull();
        }
        // the booking pool's size: a connection for each of the concurrent writers' turns and two more
        assertThat(meters.find("hikaricp.connections.max").tag("pool", "embedded-mariadb-booking").gauge().value())
                .isEqualTo(4 + 2);
    }
}
