package org.b2bforum.base.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing and form abuse down: after too many failures in a window an account, or
 * a client address, is locked for a while, and each further lock lasts twice as long (up to a cap).
 * Log-ins count against the typed e-mail (existing or not, so a lock tells nothing about whether
 * the account exists) and the address; anonymous forms (registration, invitation, password reset)
 * count every submission against the address.
 * <p>
 * The state is kept in this node's memory: a restart forgets it, and with several nodes each keeps
 * its own (the log-in records themselves are in the database). That is accepted for the few nodes
 * of a forum (docs/cluster.md): a guesser spread over N nodes by the load balancer gets at most N
 * times the limits above (with two or three nodes still a few dozen guesses an hour per account
 * against bcrypt-hashed passwords), and keeping it local spares every failed log-in a replicated
 * write that all Galera nodes would have to certify.
 */
@Component
public class LoginThrottle {

    /** How many failures lock, within which window, for how long at first and at most. */
    record Rule(int limit, Duration window, Duration firstLock, Duration maxLock) {
    }

    static final Rule ACCOUNT = new Rule(5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(30));
    static final Rule ADDRESS = new Rule(20, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1));
    static final Rule FORMS = new Rule(20, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofHours(1));
    /** Locks are forgotten (the next one is short again) after a day without one. */
    private static final Duration MEMORY = Duration.ofDays(1);
    private static final int MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final Rule forms;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this(clock, FORMS.limit());
    }

    /**
     * @param formLimit submissions of anonymous forms per address in {@link #FORMS}' window
     *                  ({@code b2bforum.throttle.form-submissions}; the tests, all from 127.0.0.1, raise it)
     */
    @Autowired
    LoginThrottle(Clock clock, @Value("${b2bforum.throttle.form-submissions:20}") int formLimit) {
        this.clock = clock;
        this.forms = new Rule(formLimit, FORMS.window(), FORMS.firstLock(), FORMS.maxLock());
    }

    /** How long log-ins for this e-mail or from this address stay refused; empty when they are allowed. */
    public Optional<Duration> loginLocked(String email, String address) {
        Instant now = clock.instant();
        return longer(remaining(accountKey(email), now), remaining(addressKey(address), now));
    }

    public void loginFailed(String email, String address) {
        Instant now = clock.instant();
        hit(accountKey(email), ACCOUNT, now);
        hit(addressKey(address), ADDRESS, now);
    }

    /** A successful log-in clears the account's failures (not the address's: one success must not reset a spray). */
    public void loginSucceeded(String email) {
        counters.remove(accountKey(email));
    }

    /**
     * Counts a submission of an anonymous form from this address.
     *
     * @return how long this address must wait, when it has submitted too often; empty when it may go on
     */
    public Optional<Duration> formSubmitted(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String key = "form:" + address;
        Optional<Duration> locked = remaining(key, now);
        if (locked.isPresent()) {
            return locked;
        }
        hit(key, forms, now);
        return remaining(key, now);
    }

    /** {@link #formSubmitted} for the client of the request being served (nothing outside a request). */
    public Optional<Duration> formSubmittedByCurrentClient() {
        return formSubmitted(ClientAddress.current());
    }

    /** Whole minutes to wait, rounded up: "try again in 1 minute" rather than "in 0". */
    public static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    private static String accountKey(String email) {
        return "account:" + AccountService.normalizeEmail(email);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private Optional<Duration> remaining(String key, Instant now) {
        Counter counter = counters.get(key);
        if (counter == null) {
            return Optional.empty();
        }
        synchronized (counter) {
            return counter.lockedUntil != null && counter.lockedUntil.isAfter(now)
                    ? Optional.of(Duration.between(now, counter.lockedUntil))
                    : Optional.empty();
        }
    }

    private void hit(String key, Rule rule, Instant now) {
        if (counters.size() > MAX_ENTRIES) {
            forgetIdle(now);
        }
        Counter counter = counters.computeIfAbsent(key, k -> new Counter());
        synchronized (counter) {
            counter.lastSeen = now;
            while (!counter.failures.isEmpty() && !counter.failures.peekFirst().isAfter(now.minus(rule.window()))) {
                counter.failures.removeFirst();
            }
            counter.failures.addLast(now);
            if (counter.failures.size() >= rule.limit()) {
                if (counter.lockedUntil != null && counter.lockedUntil.plus(MEMORY).isBefore(now)) {
                    counter.locks = 0;
                }
                counter.locks++;
                Duration lock = rule.firstLock().multipliedBy(1L << Math.min(counter.locks - 1, 20));
                counter.lockedUntil = now.plus(lock.compareTo(rule.maxLock()) > 0 ? rule.maxLock() : lock);
                counter.failures.clear();
            }
        }
    }

    private void forgetIdle(Instant now) {
        counters.values().removeIf(c -> {
            synchronized (c) {
                return c.lastSeen.plus(MEMORY).isBefore(now);
            }
        });
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static final class Counter {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil;
        Instant lastSeen;
        int locks;
    }
}
