package org.b2bforum;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's {@link Clock} in the tests' contexts ({@link TestFixtures}): the application's own (the system's
 * UTC, or a rehearsal's where a test's settings start one), except on a thread a test has moved it ahead on
 * ({@link #aheadOnThisThread}). So a browserless test, whose
 * navigations run on its own thread, sees a page opened later without sleeping until then, while the application's
 * background work (leases, reminders, the poller) keeps the real time.
 */
public final class TestClock extends Clock {

    private static final ThreadLocal<Duration> AHEAD = ThreadLocal.withInitial(() -> Duration.ZERO);

    private final Clock forum;

    public TestClock() {
        this(Clock.systemUTC());
    }

    /** Ahead, on a thread that moved it, of {@code forum}, the application's clock. */
    public TestClock(Clock forum) {
        this.forum = forum;
    }

    /** Runs {@code later} with this thread's clock {@code ahead} of the application's, then puts it back. */
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
        return forum.instant().plus(AHEAD.get());
    }

    @Override
    public ZoneId getZone() {
        return forum.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(forum.withZone(zone));
    }
}
