package org.b2bforum;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's {@link Clock} in the tests' contexts ({@link TestFixtures}): the system's UTC, as the application's
 * own, except on a thread a test has moved it ahead on ({@link #aheadOnThisThread}). So a browserless test, whose
 * navigations run on its own thread, sees a page opened later without sleeping until then, while the application's
 * background work (leases, reminders, the poller) keeps the real time.
 */
public final class TestClock extends Clock {

    private static final ThreadLocal<Duration> AHEAD = ThreadLocal.withInitial(() -> Duration.ZERO);

    private final ZoneId zone;

    public TestClock() {
        this(ZoneOffset.UTC);
    }

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Runs {@code later} with this thread's clock {@code ahead} of the system's, then puts it back. */
    public static void aheadOnThisThread(Duration ahead, Runnable later) {
        Duration before = AHEAD.get();
        AHEAD.set(before.plus(ahead));
        try {
            later.run();
        } finally {
            AHEAD.set(before);
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(AHEAD.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(zone);
    }
}
