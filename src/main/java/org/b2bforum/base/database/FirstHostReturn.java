package org.b2bforum.base.database;

import java.time.Duration;
import java.time.Instant;

/**
 * When a pool on a {@code sequential} multi-host URL moves back to the URL's first host (ops3): the decision alone,
 * from what each check read, with no database and no pool inside ({@link FirstHostWatcher} reads and acts). A pool
 * whose connections are all on the first host stays; one with connections elsewhere moves back only once the first
 * host has been ready (Galera: synced, {@code wsrep_ready}, primary) at every check for {@code settle}: never while it
 * joins, gives a state transfer as a donor, or comes and goes. Nor before the driver's {@code deniedListTimeout}
 * (60 s by default) has passed since the host answered again: Connector/J skips a host whose connection failed for
 * that long, so connections evicted sooner open on the next host again (FirstHostWatcherTest saw it).
 */
final class FirstHostReturn {

    /** What the first host of the URL said at a check. */
    enum FirstHost {
        /** It answered and is ready for the application's writes (a server without Galera: it answered). */
        READY,
        /** It answered but is joining, a donor, not synced or not in the primary component. */
        NOT_READY,
        /** It did not answer. */
        UNREACHABLE
    }

    enum Decision {
        /** Every connection looked at is on the first host: nothing to do. */
        AT_HOME,
        /** Connections are elsewhere and the first host is not ready (or has just come back): they stay. */
        WAIT,
        /** Connections are elsewhere and the first host has been ready for the settling time: evict them softly. */
        MOVE_BACK
    }

    private final Duration settle;
    private final Duration denied;
    private Instant readySince;
    private Instant answeringSince;

    /**
     * @param settle how long the first host must have been ready at every check
     * @param denied how long the driver skips a host after a failed connection ({@code deniedListTimeout})
     */
    FirstHostReturn(Duration settle, Duration denied) {
        this.settle = settle;
        this.denied = denied;
    }

    /**
     * @param elsewhere whether a connection of the pool was found on another host than the first
     * @param firstHost what the first host said; ignored (not asked) when nothing is elsewhere
     */
    Decision next(Instant now, boolean elsewhere, FirstHost firstHost) {
        if (!elsewhere) {
            readySince = null; // a move after the next fail-over waits for its own settling time
            answeringSince = null;
            return Decision.AT_HOME;
        }
        if (firstHost == FirstHost.UNREACHABLE) {
            answeringSince = null;
        } else if (answeringSince == null) {
            answeringSince = now; // the pool's connections failed there before this at the latest
        }
        if (firstHost != FirstHost.READY) {
            readySince = null; // a flapping host starts its settling time again
            return Decision.WAIT;
        }
        if (readySince == null) {
            readySince = now;
        }
        if (now.isBefore(readySince.plus(settle)) || now.isBefore(answeringSince.plus(denied))) {
            return Decision.WAIT;
        }
        readySince = null;
        answeringSince = null; // the evicted connections come back at their pace: the next move waits settle again
        return Decision.MOVE_BACK;
    }

    /**
     * What Galera's status says of a node: ready when synced ({@code wsrep_local_state} 4), {@code wsrep_ready} ON and
     * in the primary component; a server without Galera ({@code wsrep_on} missing or OFF: MariaDB's own binaries have
     * the status variables with wsrep off too) is ready when it answers.
     */
    static FirstHost galeraState(String wsrepOn, String localState, String ready, String clusterStatus) {
        if (!"ON".equalsIgnoreCase(wsrepOn)) {
            return FirstHost.READY;
        }
        return "4".equals(localState) && "ON".equalsIgnoreCase(ready) && "Primary".equalsIgnoreCase(clusterStatus)
                ? FirstHost.READY : FirstHost.NOT_READY;
    }
}
