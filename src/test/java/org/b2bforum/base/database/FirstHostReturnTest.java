package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.b2bforum.base.database.FirstHostReturn.Decision;
import org.b2bforum.base.database.FirstHostReturn.FirstHost;
import org.junit.jupiter.api.Test;

/** When a pool moves back to its URL's first host, from what the checks read (ops3). */
class FirstHostReturnTest {

    private final Instant t0 = Instant.parse("2026-12-07T12:00:00Z");
    private final FirstHostReturn decision = new FirstHostReturn(Duration.ofSeconds(30), Duration.ofSeconds(20));

    private Instant at(int seconds) {
        return t0.plusSeconds(seconds);
    }

    @Test
    void a_pool_on_its_first_host_stays() {
        assertThat(decision.next(at(0), false, null)).isEqualTo(Decision.AT_HOME);
        assertThat(decision.next(at(100), false, null)).isEqualTo(Decision.AT_HOME);
    }

    @Test
    void connections_elsewhere_move_back_only_after_the_first_host_was_ready_at_every_check_for_the_settling_time() {
        assertThat(decision.next(at(0), true, FirstHost.UNREACHABLE)).isEqualTo(Decision.WAIT);
        assertThat(decision.next(at(5), true, FirstHost.NOT_READY)).as("joining").isEqualTo(Decision.WAIT);
        assertThat(decision.next(at(10), true, FirstHost.READY)).isEqualTo(Decision.WAIT);
        assertThat(decision.next(at(35), true, FirstHost.READY)).as("ready 25 s").isEqualTo(Decision.WAIT);
        assertThat(decision.next(at(40), true, FirstHost.READY)).as("ready 30 s").isEqualTo(Decision.MOVE_BACK);
    }

    @Test
    void a_first_host_that_comes_and_goes_starts_its_settling_time_again() {
        assertThat(decision.next(at(0), true, FirstHost.READY)).isEqualTo(Decision.WAIT);
        assertThat(decision.next(at(25), true, FirstHost.UNREACHABLE)).as("gone again").isEqualTo(Decision.WAIT);
        assertThat(decision.next(at(30), true, FirstHost.READY)).isEqualTo(Decision.WAIT);
        assertThat(decision.next(at(45), true, FirstHost.NOT_READY)).as("a donor now").isEqualTo(Decision.WAIT);
        assertThat(decision.next(at(50), true, FirstHost.READY)).isEqualTo(Decision.WAIT);
        assertThat(decision.next(at(75), true, FirstHost.READY)).isEqualTo(Decision.WAIT);
        assertThat(decision.next(at(80), true, FirstHost.READY)).isEqualTo(Decision.MOVE_BACK);
    }

    @Test
    void after_a_move_back_the_next_fail_over_waits_its_own_settling_time() {
        decision.next(at(0), true, FirstHost.READY);
        assertThat(decision.next(at(30), true, FirstHost.READY)).isEqualTo(Decision.MOVE_BACK);
        assertThat(decision.next(at(35), true, FirstHost.READY)).as("connections in use, not given back yet")
                .isEqualTo(Decision.WAIT);
        assertThat(decision.next(at(40), false, null)).isEqualTo(Decision.AT_HOME);
        assertThat(decision.next(at(300), true, FirstHost.READY)).isEqualTo(Decision.WAIT);
        assertThat(decision.next(at(329), true, FirstHost.READY)).isEqualTo(Decision.WAIT);
        assertThat(decision.next(at(330), true, FirstHost.READY)).isEqualTo(Decision.MOVE_BACK);
    }

    @Test
    void a_galera_node_is_ready_only_synced_ready_and_in_the_primary_component() {
        assertThat(FirstHostReturn.galeraState("ON", "4", "ON", "Primary")).isEqualTo(FirstHost.READY);
        assertThat(FirstHostReturn.galeraState("ON", "1", "OFF", "Primary")).as("joiner").isEqualTo(FirstHost.NOT_READY);
        assertThat(FirstHostReturn.galeraState("ON", "2", "ON", "Primary")).as("donor").isEqualTo(FirstHost.NOT_READY);
        assertThat(FirstHostReturn.galeraState("ON", "3", "ON", "Primary")).as("joined, not synced yet")
                .isEqualTo(FirstHost.NOT_READY);
        assertThat(FirstHostReturn.galeraState("ON", "4", "OFF", "non-Primary")).isEqualTo(FirstHost.NOT_READY);
        assertThat(FirstHostReturn.galeraState("ON", "4", "ON", "non-Primary")).isEqualTo(FirstHost.NOT_READY);
        assertThat(FirstHostReturn.galeraState("OFF", "0", "OFF", "Disconnected")).as("wsrep off: it answered")
                .isEqualTo(FirstHost.READY);
        assertThat(FirstHostReturn.galeraState(null, null, null, null)).as("no Galera: it answered").isEqualTo(FirstHost.READY);
    }

    /** Connector/J skips a host for its deniedListTimeout after a failed connection: connections evicted sooner came back. */
    @Test
    void connections_move_back_only_after_the_driver_stopped_skipping_the_first_host() {
        FirstHostReturn denied60 = new FirstHostReturn(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(denied60.next(at(0), true, FirstHost.UNREACHABLE)).isEqualTo(Decision.WAIT);
        assertThat(denied60.next(at(5), true, FirstHost.NOT_READY)).as("answering, joining").isEqualTo(Decision.WAIT);
        assertThat(denied60.next(at(10), true, FirstHost.READY)).isEqualTo(Decision.WAIT);
        assertThat(denied60.next(at(40), true, FirstHost.READY)).as("ready 30 s, answering 35 s").isEqualTo(Decision.WAIT);
        assertThat(denied60.next(at(64), true, FirstHost.READY)).isEqualTo(Decision.WAIT);
        assertThat(denied60.next(at(65), true, FirstHost.READY)).as("answering 60 s").isEqualTo(Decision.MOVE_BACK);
    }
}
