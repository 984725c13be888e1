package org.b2bforum.base.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.b2bforum.base.clock.WallClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The session checks of this node that found a session valid ({@link SessionEpochFilter}), kept for a moment ({@code
 * b2bforum.session-check.reuse}, 2 s): a request of the same log-in within that time takes the check's answer (the
 * session goes on, the company's status, the wishes phase) instead of reading it again. A user's click is often
 * several HTTP requests within a second: at the booking rush "Send", the directory, the grid's {@code confirmUpdate},
 * the search and its {@code confirmUpdate}, each with the check's statement, five of a rush user's eleven statements
 * (bench/README.md, run-ui-load, issue 17).
 * <p>
 * What may be taken and how stale it may be: only a check that found the session valid, and only for a session of the
 * same session epoch (a session logged in after a password change reads again). On this node nothing is stale: every
 * change of what the check reads is made through a service that calls {@link #changed()} (an account switched off,
 * a password changed or reset, a demo mark, delegates' log-ins deleted, a company's registration status decided or sent
 * back, the booking settings changed), which forgets every check at once and again when its transaction ends, so that a
 * check read meanwhile from the row not yet committed is not kept either. On another node (two behind one address) the
 * change is seen at that node's next check of the log-in at most {@code reuse} later: a log-in switched off there acts
 * for at most 2 s more. That is of the order of what a request checked a moment before the change does anyway (it goes
 * on to the end, seconds at the rush or while it waits for a connection) and short against a person's next click. A
 * change written into the tables by hand, past the services, is seen the same way, within {@code reuse}. A duration of
 * zero keeps nothing: every request reads.
 */
@Component
public class RecentSessionChecks {

    /** A sweep of checks past their time after this many kept: the map holds only the log-ins of the last moments. */
    private static final int SWEEP_EVERY = 1024;

    private record Kept(AccountService.SessionCheck check, int sessionEpoch, long readAtMillis) {
    }

    private final Map<Long, Kept> checks = new ConcurrentHashMap<>();
    /** Counts {@link #changed()}: a check read across a change is not kept. */
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();
    private final Duration reuse;
    private final Clock clock;

    RecentSessionChecks(@Value("${b2bforum.session-check.reuse:2s}") Duration reuse,
            @WallClock Clock clock) {
        this.reuse = reuse;
        this.clock = clock;
    }

    /** A check that found this user's session valid less than {@code reuse} ago on this node, or null. */
    AccountService.SessionCheck valid(ForumUser user) {
        Kept k = checks.get(user.id());
        if (k == null || k.sessionEpoch() != user.sessionEpoch()) {
            return null;
        }
        long age = clock.millis() - k.readAtMillis();
        return age >= 0 && age < reuse.toMillis() ? k.check() : null;
    }

    /** What {@link #keep} needs to tell whether something changed while the check was read. */
    long beforeReading() {
        return changes.get();
    }

    /** Keeps a check read now that found the session valid, unless something changed since {@code before}. */
    void keep(ForumUser user, AccountService.SessionCheck check, long readAtMillis, long before) {
        if (!check.valid() || reuse.isZero() || reuse.isNegative()) {
            return;
        }
        checks.put(user.id(), new Kept(check, user.sessionEpoch(), readAtMillis));
        if (changes.get() != before) {
            checks.remove(user.id());
        }
        if (kept.incrementAndGet() % SWEEP_EVERY == 0) {
            long now = clock.millis();
            checks.values().removeIf(c -> now - c.readAtMillis() >= reuse.toMillis());
        }
    }

    long now() {
        return clock.millis();
    }

    /** When the check kept for this log-in was read (the clock's millis), or null: for the tests' clocks. */
    Long readAt(long userId) {
        Kept k = checks.get(userId);
        return k == null ? null : k.readAtMillis();
    }

    /**
     * Something a session check reads changed (an account, a company's registration status, the booking settings):
     * every check kept on this node is forgotten now and again when the current transaction ends.
     */
    public void changed() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private void forget() {
        changes.incrementAndGet();
        checks.clear();
    }
}
