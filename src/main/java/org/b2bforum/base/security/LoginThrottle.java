package org.b2bforum.base.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.b2bforum.base.clock.WallClock;
import org.b2bforum.base.database.DatabaseFailures;
import org.b2bforum.base.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing and form abuse down: after too many failures in a window an account, or
 * a client address, is locked for a while, and each further lock lasts twice as long (up to a cap).
 * Log-ins count against the typed e-mail (existing or not, so a lock tells nothing about whether
 * the account exists) and the address; anonymous forms (registration, invitation, password reset)
 * count every submission against the address, and secret links asked for in vain (calendar feeds, the
 * invitation and reset pages: {@link #linkMissed}) every miss; badge codes typed in vain at the fair's stands count
 * against the account that typed them ({@link #codeMissed}). An address counts by its network
 * ({@link ClientAddress#network}: an IPv6 address by its /64, which its owner can change at will).
 * <p>
 * The counts and locks are in the database, so that every node of a cluster and a restarted node
 * see the same (docs/cluster.md). Every write is an insert of a row of its own, never an update of
 * a shared counter row, which two Galera nodes writing at once would have certification abort. The
 * failed log-ins are counted from their records ({@link LoginRecords}), written anyway: a log-in
 * costs one small read before the password is checked, and a failed one one more read after its
 * record (and an insert when it locks). Locks are rows of {@code throttle_lock}, anonymous forms'
 * submissions rows of {@code form_submission}; {@link #forgetOld} deletes what no longer counts.
 * <p>
 * When the database cannot be reached nothing is locked (no log-in or form can work then anyway,
 * and each says so when it reaches the database itself): one line in the log, no stack trace.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** How many failures lock, within which window, for how long at first and at most. */
    record Rule(int limit, Duration window, Duration firstLock, Duration maxLock) {

        /** The length of the {@code number}th lock of a run: twice the one before, up to the cap. */
        Duration lock(int number) {
            Duration lock = firstLock.multipliedBy(1L << Math.min(number - 1, 20));
            return lock.compareTo(maxLock) > 0 ? maxLock : lock;
        }
    }

    static final Rule ACCOUNT = new Rule(5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(30));
    static final Rule ADDRESS = new Rule(20, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1));
    static final Rule FORMS = new Rule(20, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofHours(1));
    /** Secret links asked for in vain (calendar feeds) per address: {@link #linkMissed}. */
    static final Rule LINKS = new Rule(20, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofHours(1));
    /** The prefix of the links' lock subject and of their rows in {@code form_submission}. */
    private static final String LINK = "link:";
    /**
     * Badge codes typed in vain per account ({@link #codeMissed}): 10 in 15 minutes lock the account out of typing
     * codes for 5 minutes, doubling up to an hour. A stand's person mistyping a crumpled badge's code now and then stays
     * far below; a guesser walking the codes gets 50 tries in the first hour and a quarter (10 before each of the locks of
     * 5, 10, 20 and 40 minutes), then about 10 an hour (10 before each lock of an hour).
     */
    static final Rule CODES = new Rule(10, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofHours(1));
    /** The prefix of the typed codes' lock subject and of their rows in {@code form_submission}. */
    private static final String CODE = "code:";
    /** Locks are forgotten (the next one is short again) after a day without one. */
    static final Duration MEMORY = Duration.ofDays(1);
    private static final Timestamp NEVER = Timestamp.from(Instant.parse("1970-01-02T00:00:00Z"));
    private static final String FAILED = "outcome in ('FAILURE', 'DISABLED')";
    /** A node records at most one refused (LOCKED) attempt per lock in this time; it counts the others. */
    static final Duration RECORD_REFUSALS_EVERY = Duration.ofMinutes(1);
    /** At most this many old rows per table and cleaning: one small write set each, the rest the next time. */
    private static final int CLEAN_BATCH = 10_000;

    private final Clock clock;
    private final NamedParameterJdbcTemplate jdbc;
    private final LoginRecords records;
    private final Rule forms;
    private final Rule links;
    /**
     * Per lock subject, this node's last LOCKED record and the refusals since, not recorded yet (carried by the next
     * record). Only subjects locked in the last hour (the longest lock), each lock the outcome of recorded failures.
     */
    private final Map<String, Refusals> refusals = new ConcurrentHashMap<>();

    private record Refusals(Instant recorded, int unrecorded) {
    }

    LoginThrottle(@WallClock Clock clock, NamedParameterJdbcTemplate jdbc, LoginRecords records) {
        this(clock, jdbc, records, FORMS.limit(), LINKS.limit());
    }

    /**
     * @param formLimit submissions of anonymous forms per address in {@link #FORMS}' window
     *                  ({@code b2bforum.throttle.form-submissions}; the tests, all from 127.0.0.1, raise it)
     * @param linkLimit secret links asked for in vain per address in {@link #LINKS}' window
     *                  ({@code b2bforum.throttle.link-misses}; the tests raise it too)
     */
    @Autowired
    LoginThrottle(@WallClock Clock clock, NamedParameterJdbcTemplate jdbc, LoginRecords records,
            @Value("${b2bforum.throttle.form-submissions:20}") int formLimit,
            @Value("${b2bforum.throttle.link-misses:20}") int linkLimit) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.records = records;
        this.forms = new Rule(formLimit, FORMS.window(), FORMS.firstLock(), FORMS.maxLock());
        this.links = new Rule(linkLimit, LINKS.window(), LINKS.firstLock(), LINKS.maxLock());
    }

    /** How long log-ins for this e-mail or from this address stay refused; empty when they are allowed. */
    public Optional<Duration> loginLocked(String email, String address) {
        Instant now = clock.instant();
        try {
            return lock(email, address, now).map(lock -> Duration.between(now, lock.until()));
        } catch (DataAccessException e) {
            return unreachable(e, "log-in lock not checked");
        }
    }

    /**
     * {@link #loginLocked}, and a refused attempt recorded ({@code LOCKED}) when it is locked: this node's first
     * refusal of the lock is recorded, then at most one a minute, which carries the count of those not recorded before
     * it, so that a client hammering a lock costs one insert (replicated to every node) a minute, not one an attempt.
     */
    public Optional<Duration> loginRefused(String email, String address) {
        Instant now = clock.instant();
        try {
            Optional<Lock> lock = lock(email, address, now);
            if (lock.isPresent()) {
                int[] toRecord = {0};
                refusals.compute(lock.get().subject(), (subject, last) -> {
                    if (last == null || !now.isBefore(last.recorded().plus(RECORD_REFUSALS_EVERY))) {
                        toRecord[0] = 1 + (last == null ? 0 : last.unrecorded());
                        return new Refusals(now, 0);
                    }
                    return new Refusals(last.recorded(), last.unrecorded() + 1);
                });
                if (toRecord[0] > 0) {
                    records.record(email, address, LoginOutcome.LOCKED, toRecord[0]);
                }
            }
            return lock.map(l -> Duration.between(now, l.until()));
        } catch (DataAccessException e) {
            return unreachable(e, "log-in lock not checked");
        }
    }

    private record Lock(String subject, Instant until) {
    }

    /** The lock of this e-mail or this address that ends last, if any. */
    private Optional<Lock> lock(String email, String address, Instant now) {
        return jdbc.query("""
                select subject, locked_until from throttle_lock
                where subject in (:account, :address) and locked_until > :now
                order by locked_until desc limit 1""",
                new MapSqlParameterSource("account", accountKey(email)).addValue("address", addressKey(address))
                        .addValue("now", Timestamp.from(now)),
                (rs, row) -> new Lock(rs.getString("subject"), rs.getTimestamp("locked_until").toInstant()))
                .stream().findFirst();
    }

    /**
     * Ends the lock of this e-mail's log-in now, if it has one ({@code B2BFORUM_ORGANIZER_PASSWORD_RESET}: the operator
     * gives the office its way back in). The lock's row stays, ended: the failures before it still do not count towards
     * the next lock, and a next lock continues its run.
     */
    void accountUnlocked(String email) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update throttle_lock set locked_until = :now where subject = :subject and locked_until > :now",
                new MapSqlParameterSource("subject", accountKey(email)).addValue("now", now));
    }

    /** A failed log-in ({@code FAILURE} or {@code DISABLED}): recorded, and counted against the e-mail and the address. */
    public void loginFailed(String email, String address, LoginOutcome outcome) {
        try {
            String recorded = records.record(email, address, outcome);
            Instant now = clock.instant();
            List<Subject> subjects = new ArrayList<>();
            if (!recorded.isEmpty()) {
                // typed text that is no e-mail and no account's log-in reaches no account: nothing to lock
                subjects.add(new Subject(accountKey(recorded), ACCOUNT, "login_attempt where email = :email and "
                        + FAILED, "attempted_at", "(select max(attempted_at) from login_attempt where email = :email "
                                + "and outcome = 'SUCCESS')"));
            }
            if (address != null) {
                subjects.add(new Subject(addressKey(address), ADDRESS, "login_attempt where network = :network and "
                        + FAILED, "attempted_at", null));
            }
            MapSqlParameterSource params = new MapSqlParameterSource("email", recorded)
                    .addValue("network", ClientAddress.network(address));
            List<State> states = states(subjects, params, now);
            for (int i = 0; i < subjects.size(); i++) {
                lockIfDue(subjects.get(i), states.get(i).hits(), states.get(i).lastLockNumber(), now);
            }
        } catch (DataAccessException e) {
            unreachable(e, "failed log-in not counted");
        }
    }

    /** A failed log-in, as {@link #loginFailed(String, String, LoginOutcome)} with a wrong password. */
    public void loginFailed(String email, String address) {
        loginFailed(email, address, LoginOutcome.FAILURE);
    }

    /**
     * A successful log-in: recorded, which clears the e-mail's failures (not the address's: one success must not
     * reset a spray).
     */
    public void loginSucceeded(String email, String address) {
        try {
            records.record(email, address, LoginOutcome.SUCCESS);
        } catch (DataAccessException e) {
            unreachable(e, "log-in not recorded");
        }
    }

    /**
     * A successful log-in by HTTP Basic (a metrics scraper, at every scrape): recorded only when it has failures of
     * the e-mail to clear, so that the scrapes fill no records.
     */
    public void basicLoginSucceeded(String email, String address) {
        Instant now = clock.instant();
        try {
            Boolean failures = jdbc.queryForObject("select exists(select 1 from login_attempt where email = :email and "
                    + FAILED + " and attempted_at > :since and attempted_at > greatest(:since, coalesce(("
                    + "select max(attempted_at) from login_attempt "
                    + "where email = :email and outcome = 'SUCCESS'), :never)))",
                    new MapSqlParameterSource("email", email == null ? "" : email.trim())
                            .addValue("since", Timestamp.from(now.minus(ACCOUNT.window()))).addValue("never", NEVER),
                    Boolean.class);
            if (Boolean.TRUE.equals(failures)) {
                records.record(email, address, LoginOutcome.SUCCESS);
            }
        } catch (DataAccessException e) {
            unreachable(e, "log-in not recorded");
        }
    }

    /**
     * Counts a submission of an anonymous form from this address (by its network, {@link ClientAddress#network}).
     *
     * @return how long this address must wait, when it has submitted too often; empty when it may go on
     */
    public Optional<Duration> formSubmitted(String address) {
        return counted("form:", forms, address, "form submission not counted");
    }

    /**
     * How long this address (by its network) may ask for no secret link: a calendar feed asked for while locked is
     * refused before its token is looked up. Empty when it may; one read on the locks' index, nothing written.
     */
    public Optional<Duration> linksLocked(String address) {
        return address == null ? Optional.empty() : locked(LINK + ClientAddress.network(address), "link lock not checked");
    }

    /**
     * How long this account may type no badge code (a code typed at a stand when the badge's QR code will not scan): a
     * code typed while locked is refused before it is looked up. Empty when it may; one read, nothing written.
     */
    public Optional<Duration> codesLocked(long accountId) {
        return locked(CODE + accountId, "code lock not checked");
    }

    /**
     * Counts a badge code typed by this account that finds no badge. {@link #CODES}: 10 in 15 minutes lock the account
     * out of typing codes, as the secret links lock an address ({@code form_submission}'s rows keyed
     * {@code code:<account>}). Per account, not per address: the stand's people share the hall's network.
     *
     * @return how long this account must wait, when it has missed too often; empty when it may go on
     */
    public Optional<Duration> codeMissed(long accountId) {
        return counted(CODE + accountId, CODE + accountId, CODES, "code miss not counted");
    }

    /** The end of the subject's lock, as a wait from now; empty when it is not locked. */
    private Optional<Duration> locked(String subject, String unreachable) {
        Instant now = clock.instant();
        try {
            Timestamp until = jdbc.queryForObject(
                    "select max(locked_until) from throttle_lock where subject = :subject and locked_until > :now",
                    new MapSqlParameterSource("subject", subject).addValue("now", Timestamp.from(now)), Timestamp.class);
            return until == null ? Optional.empty() : Optional.of(Duration.between(now, until.toInstant()));
        } catch (DataAccessException e) {
            return unreachable(e, unreachable);
        }
    }

    /**
     * Counts a secret link asked for from this address (by its network) that leads nowhere: an unknown, replaced or
     * stopped calendar feed. {@link #LINKS}: 20 in 15 minutes lock the address out of every such link for 5 minutes,
     * doubling; counted as the anonymous forms' submissions are ({@code form_submission}, its rows keyed
     * {@code link:<network>}). A calendar app that polls a replaced link every quarter of an hour stays far below.
     *
     * @return how long this address must wait, when it has missed too often; empty when it may go on
     */
    public Optional<Duration> linkMissed(String address) {
        return counted(LINK, links, address, "link miss not counted");
    }

    /**
     * Counts one more row of {@code form_submission} for the address's network under {@code prefix} (the lock's
     * subject) and locks the network when {@code rule}'s limit is reached; while it is locked, nothing is counted.
     */
    private Optional<Duration> counted(String prefix, Rule rule, String address, String unreachable) {
        if (address == null) {
            return Optional.empty();
        }
        String network = ClientAddress.network(address);
        // the forms' rows hold the bare network (V34), the links' theirs behind their prefix, within the column's 64
        // characters (a network that is no IP, a proxy's header's text, is up to 64 already)
        String key = LINK.equals(prefix) ? ClientAddress.capped(LINK + network) : network;
        return counted(prefix + network, key, rule, unreachable);
    }

    /**
     * Counts one more row of {@code form_submission} keyed {@code key} and locks {@code subject} when {@code rule}'s
     * limit is reached; while it is locked, nothing is counted.
     */
    private Optional<Duration> counted(String subjectKey, String key, Rule rule, String unreachable) {
        Instant now = clock.instant();
        try {
            Subject subject = new Subject(subjectKey, rule, "form_submission where address = :address",
                    "submitted_at", null);
            State state = states(List.of(subject), new MapSqlParameterSource("address", key), now).getFirst();
            if (state.lockedUntil() != null) {
                return Optional.of(Duration.between(now, state.lockedUntil()));
            }
            jdbc.update("insert into form_submission (address, submitted_at) values (:address, :now)",
                    new MapSqlParameterSource("address", key).addValue("now", Timestamp.from(now)));
            return lockIfDue(subject, state.hits() + 1, state.lastLockNumber(), now);
        } catch (DataAccessException e) {
            return unreachable(e, unreachable);
        }
    }

    /** {@link #formSubmitted} for the client of the request being served (nothing outside a request). */
    public Optional<Duration> formSubmittedByCurrentClient() {
        return formSubmitted(ClientAddress.current());
    }

    /** Whole minutes to wait, rounded up: "try again in 1 minute" rather than "in 0". */
    public static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    /**
     * Deletes what no longer counts: form submissions older than the window and locks ended more than a day ago. Any
     * node may run it; two at once on a Galera cluster may have one aborted, which tries again the next time.
     *
     * @return the rows deleted
     */
    @Scheduled(fixedDelayString = "${b2bforum.throttle.clean-every:10m}",
            initialDelayString = "${b2bforum.throttle.clean-every:10m}")
    int forgetOld() {
        Instant now = clock.instant();
        Instant longestLock = now.minus(ADDRESS.maxLock().compareTo(FORMS.maxLock()) > 0 ? ADDRESS.maxLock()
                : FORMS.maxLock());
        refusals.values().removeIf(last -> last.recorded().isBefore(longestLock));
        try {
            return jdbc.update("delete from form_submission where submitted_at < :before limit " + CLEAN_BATCH,
                    new MapSqlParameterSource("before", Timestamp.from(now.minus(FORMS.window()))))
                    + jdbc.update("delete from throttle_lock where locked_until < :before limit " + CLEAN_BATCH,
                            new MapSqlParameterSource("before", Timestamp.from(now.minus(MEMORY))));
        } catch (DataAccessException e) {
            log.info("Old throttle rows not deleted this time: {}", e.getMessage());
            return 0;
        }
    }

    /**
     * Whom a rule counts: the lock's subject, the rows that count ({@code from}: a table and its condition, the time
     * column {@code at}) and, for an account, when its failures were last cleared by a success (an SQL expression).
     */
    private record Subject(String key, Rule rule, String from, String at, String clearedAt) {
    }

    /**
     * A subject's state: the end of its lock when it is locked, its hits since the window's start, its last lock and
     * its last clearing, and the number of its last lock when the next one continues the run (null: it starts one).
     */
    private record State(Instant lockedUntil, int hits, Integer lastLockNumber) {
    }

    /** The subjects' states, read with one statement. */
    private List<State> states(List<Subject> subjects, MapSqlParameterSource params, Instant now) {
        params.addValue("now", Timestamp.from(now)).addValue("memory", Timestamp.from(now.minus(MEMORY)))
                .addValue("never", NEVER);
        List<String> selects = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            Subject subject = subjects.get(i);
            String key = ":subject" + i;
            params.addValue("subject" + i, subject.key())
                    .addValue("since" + i, Timestamp.from(now.minus(subject.rule().window())));
            String cleared = subject.clearedAt() == null ? ":never" : "coalesce(" + subject.clearedAt() + ", :never)";
            selects.add("select " + i + " n, "
                    + "(select max(locked_until) from throttle_lock where subject = " + key + " and locked_until > :now) u, "
                    // the window's start a second time on its own: a constant the index's range starts from
                    + "(select count(*) from " + subject.from() + " and " + subject.at() + " > :since" + i + " and "
                    + subject.at() + " > greatest(:since" + i + ", coalesce((select max(locked_at) from throttle_lock "
                    + "where subject = " + key + "), :never), " + cleared + ")) h, "
                    + "(select max(lock_number) from throttle_lock where subject = " + key
                    + " and locked_until >= :memory and locked_at > " + cleared + ") l");
        }
        List<State> states = new ArrayList<>(subjects.size());
        jdbc.query(String.join(" union all ", selects) + " order by n", params, rs -> {
            Timestamp until = rs.getTimestamp("u");
            states.add(new State(until == null ? null : until.toInstant(), rs.getInt("h"),
                    (Integer) rs.getObject("l", Integer.class)));
        });
        return states;
    }

    /** Locks the subject when {@code hits} reach its rule's limit: the next lock of its run, or the first. */
    private Optional<Duration> lockIfDue(Subject subject, int hits, Integer lastLockNumber, Instant now) {
        if (hits < subject.rule().limit()) {
            return Optional.empty();
        }
        int number = lastLockNumber == null ? 1 : lastLockNumber + 1;
        Duration lock = subject.rule().lock(number);
        jdbc.update("""
                insert into throttle_lock (subject, locked_at, locked_until, lock_number)
                values (:subject, :at, :until, :number)""",
                new MapSqlParameterSource("subject", subject.key()).addValue("at", Timestamp.from(now))
                        .addValue("until", Timestamp.from(now.plus(lock))).addValue("number", number));
        return Optional.of(lock);
    }

    private static <T> Optional<T> unreachable(DataAccessException e, String what) {
        if (!DatabaseUnavailable.isCause(e) && !DatabaseFailures.isNodeLoss(e)) {
            throw e;
        }
        log.warn("Database unreachable, {}: {}", what, e.getMessage());
        return Optional.empty();
    }

    private static String accountKey(String email) {
        String normalized = AccountService.normalizeEmail(email);
        return "account:" + (normalized.length() > LoginRecords.MAX_EMAIL
                ? normalized.substring(0, LoginRecords.MAX_EMAIL) : normalized);
    }

    private static String addressKey(String address) {
        return address == null ? null : "address:" + ClientAddress.network(address);
    }
}
