package org.b2bforum.base.database;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;

/**
 * What work that runs again and again (a poll every 300 ms, a job every minute) logs while the database is away: one
 * line when it first finds it away and one when it answers again, instead of a failure, or a stack trace, at every
 * try.
 */
public final class OutageLog {

    private final Logger log;
    private final String what;
    private final AtomicBoolean away = new AtomicBoolean();

    /** @param what the work, as the log's lines begin: "Live updates" */
    public OutageLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /**
     * Whether {@code failure} is the database away ({@link DatabaseFailures#isAway}); the first of an outage is
     * logged in one line.
     */
    public boolean away(Throwable failure) {
        if (!DatabaseFailures.isAway(failure)) {
            return false;
        }
        if (away.compareAndSet(false, true)) {
            log.warn("{}: the database cannot be reached ({}); trying again until it answers", what, failure.getMessage());
        }
        return true;
    }

    /** The work reached the database: logged in one line if it was away. */
    public void answered() {
        if (away.compareAndSet(true, false)) {
            log.info("{}: the database answers again", what);
        }
    }
}
