package org.b2bforum.base.security;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.b2bforum.TestClock;

/**
 * Runs a test's next request as if it came a moment after the log-in's last session check, however long the test's
 * work between took (an organizer's decision under load takes seconds): this thread's clock is set back to 1 ms after
 * that check ({@link TestClock}), so {@link RecentSessionChecks} would take the kept check unless a change forgot it.
 * Without this a test of what forgets the checks passed on a loaded machine by the 2 s running out.
 */
public final class KeptSessionChecks {

    private KeptSessionChecks() {
    }

    public static <T> T rightAfterTheLastCheck(RecentSessionChecks checks, long userId, Callable<T> request)
            throws Exception {
        Long readAt = checks.readAt(userId);
        if (readAt == null) {
            // forgotten already: the request reads whatever the clock says
            return request.call();
        }
        Duration back = Duration.ofMillis(readAt + 1 - checks.now());
        Object[] answer = new Object[1];
        Exception[] failure = new Exception[1];
        TestClock.aheadOnThisThread(back, () -> {
            try {
                answer[0] = request.call();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T result = (T) answer[0];
        return result;
    }
}
