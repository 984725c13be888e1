package org.b2bforum.base.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The forum's clock during a rehearsal ({@code b2bforum.clock.start}): it reads {@code start} at the moment
 * {@code startedAt} of the real clock and ticks on with it, so a forum office can train on its forum's days, and a
 * demo shows them, before they come. Several nodes (or a restart) agree when given the same {@code startedAt}
 * ({@code b2bforum.clock.started-at}); without it each starts its rehearsal when it starts.
 */
public final class RehearsalClock extends Clock {

    /** Threads that read the real time meanwhile ({@link #onTheRealTime}). */
    private static final ThreadLocal<Boolean> REAL_TIME = ThreadLocal.withInitial(() -> false);
    /** The moment the rehearsal clocks read on this thread meanwhile ({@link #atTheForumMoment}); null: none. */
    private static final ThreadLocal<Instant> MOMENT = new ThreadLocal<>();

    private final Instant start;
    private final Instant startedAt;
    private final Clock real;
    private final ZoneId zone;

    public RehearsalClock(Instant start, Instant startedAt, Clock real) {
        this(start, startedAt, real, ZoneOffset.UTC);
    }

    private RehearsalClock(Instant start, Instant startedAt, Clock real, ZoneId zone) {
        this.start = Objects.requireNonNull(start);
        this.startedAt = Objects.requireNonNull(startedAt);
        this.real = Objects.requireNonNull(real);
        this.zone = Objects.requireNonNull(zone);
    }

    /** The moment the rehearsal starts at. */
    public Instant start() {
        return start;
    }

    /** How far the rehearsal is from the real time (negative when it rehearses the past). */
    public Duration offset() {
        return Duration.between(startedAt, start);
    }

    /**
     * Runs {@code work} with every rehearsal clock reading the real time on this thread: the demo forum is loaded as it
     * would be before the forum (companies ask for meetings while the booking window is open), whatever day is
     * rehearsed.
     */
    public static void onTheRealTime(Runnable work) {
        readingRealTime(true, work);
    }

    /**
     * Runs {@code work} with the rehearsal clocks reading the rehearsal's time again on this thread, within
     * {@link #onTheRealTime}: what the demo forum makes happen at the venue (check-ins at the desk, leads at the stands)
     * happens when the rehearsal says it is. Before, a rehearsal of 20 September showed "checked in on 7 December".
     */
    public static void onTheForumTime(Runnable work) {
        readingRealTime(false, work);
    }

    /**
     * Runs {@code work} with every rehearsal clock reading {@code moment} (standing still) on this thread: what the
     * demo forum makes happen at a moment of the forum's own, when the rehearsal is past it.
     */
    public static void atTheForumMoment(Instant moment, Runnable work) {
        Instant before = MOMENT.get();
        MOMENT.set(Objects.requireNonNull(moment));
        try {
            work.run();
        } finally {
            MOMENT.set(before);
        }
    }

    /** What {@code clock} reads on the rehearsal's time, also within {@link #onTheRealTime}. */
    public static Instant forumInstant(Clock clock) {
        Instant[] now = new Instant[1];
        onTheForumTime(() -> now[0] = clock.instant());
        return now[0];
    }

    /** Runs {@code work} with this thread's rehearsal clocks reading the real time if {@code real}, else their own. */
    private static void readingRealTime(boolean real, Runnable work) {
        boolean before = REAL_TIME.get();
        REAL_TIME.set(real);
        try {
            work.run();
        } finally {
            REAL_TIME.set(before);
        }
    }

    @Override
    public Instant instant() {
        Instant moment = MOMENT.get();
        if (moment != null) {
            return moment;
        }
        return REAL_TIME.get() ? real.instant() : real.instant().plus(offset());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new RehearsalClock(start, startedAt, real, zone);
    }

    @Override
    public String toString() {
        return "RehearsalClock[start=" + start + ", startedAt=" + startedAt + "]";
    }
}
