package org.b2bforum.base.security;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The places of the requests that wait for their session check past the pool's first time-out ({@link
 * SessionEpochFilter}). In a long freeze of the database (its process stopped, its disk stalled) every click waited up
 * to the whole busy wait on a server thread, and a few hundred clicks held all of them: the log-in page, the busy page,
 * the icons and the health probes stopped answering too (review58, bench/README.md). With every place taken, a request
 * is refused at once as if its wait had run out (and does not even ask the pool, which would hold its thread for the
 * pool's time-out), until a place is free again. One line in the log when the places run out, one when a check gets a
 * connection again: not one per request.
 */
final class SessionCheckWaiting {

    private static final Logger log = LoggerFactory.getLogger(SessionCheckWaiting.class);

    private final int places;
    private final Semaphore free;
    private final AtomicBoolean ranOut = new AtomicBoolean();

    SessionCheckWaiting(int places) {
        this.places = places;
        this.free = new Semaphore(places);
    }

    /** Whether every place is taken: a request then is refused without asking the pool. */
    boolean full() {
        return free.availablePermits() == 0;
    }

    /** Takes a place to wait in, or says there is none. */
    boolean enter() {
        if (free.tryAcquire()) {
            return true;
        }
        if (ranOut.compareAndSet(false, true)) {
            log.warn("Session check: {} requests already wait for a database connection (the database frozen or "
                    + "overloaded); further ones are refused at once until a check gets a connection", places);
        }
        return false;
    }

    void leave() {
        free.release();
    }

    /** A check got its connection: says so once if the places had run out. */
    void served() {
        if (ranOut.get() && ranOut.compareAndSet(true, false)) {
            log.info("Session check: database connections again; requests wait for their check as before");
        }
    }
}
