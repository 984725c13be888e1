package org.b2bforum.schedule;

import java.time.Duration;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.program.BookingSettings;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wishes and schedule runs for the tests. The wishes are the forum's, one set for the whole
 * database that all tests share: a scheduling test starts from none ({@link #startWishesPhase()}),
 * as booking tests set the booking settings first. Runs end before a test ends (one run at a time).
 */
public final class ScheduleFixture {

    private final BookingFixture booking;
    private final WishService wishes;
    private final ScheduleService schedule;
    private final JdbcTemplate jdbc;

    public ScheduleFixture(ApplicationContext context) {
        this.booking = new BookingFixture(context);
        this.wishes = context.getBean(WishService.class);
        this.schedule = context.getBean(ScheduleService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    public BookingFixture booking() {
        return booking;
    }

    /** No wishes yet (not even other tests'), the organizers collecting them. */
    public void startWishesPhase() {
        jdbc.update("delete from meeting_wish");
        booking.bookingSettings(new BookingSettings(null, null, 200, false, true));
    }

    public void wish(TestCompany from, TestCompany to, WishPriority priority) {
        booking.as(from, () -> wishes.wish(to.id(), priority));
    }

    /** Starts a run for the day as the organizer and waits until it has finished. */
    public ScheduleRun build(long dayId) {
        return build(dayId, Duration.ofSeconds(5));
    }

    /**
     * A build of {@code dayId} with this time limit. A small day's build ends once its optimum is proved (0.1-0.3 s on a
     * quiet machine), so a test that asserts the proof gives it a limit a starved build does not reach: the 5 s of
     * {@link #build(long)} ended unproved at load ~50 (bench/README.md, run-suite, stop 47).
     */
    public ScheduleRun build(long dayId, Duration limit) {
        long runId = booking.asOrganizer(() -> schedule.build(dayId, limit));
        return awaitEnd(runId);
    }

    public ScheduleRun awaitEnd(long runId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            ScheduleRun run = booking.asOrganizer(() -> schedule.run(runId)).orElseThrow();
            if (!run.running()) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The schedule run did not end: " + run);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * A run of the day stored as in progress on another node ("node-b", its heartbeat fresh), with these figures of
     * its best schedule so far; the test ends it (one run at a time in the forum).
     */
    public long runningElsewhere(long dayId, int placed, Integer totalBreaks, Integer lowerBound) {
        long organizer = jdbc.queryForObject("select min(id) from app_user where role = 'ORGANIZER'", Long.class);
        jdbc.update("""
                insert into schedule_run (day_id, status, scheduler, time_limit_seconds, fingerprint, companies, slots,
                    meetings, fixed_meetings, placed, total_breaks, lower_bound, started_by, started_at, node_id,
                    heartbeat_at)
                values (?, 'RUNNING', 'CpSatScheduler', 600, repeat('0', 64), 500, 21, 3000, 100, ?, ?, ?, ?, ?,
                    'node-b', ?)""",
                dayId, placed, totalBreaks, lowerBound, organizer, java.sql.Timestamp.from(java.time.Instant.now()),
                java.sql.Timestamp.from(java.time.Instant.now()));
        return jdbc.queryForObject("select max(id) from schedule_run", Long.class);
    }

    public ScheduleReview review(long runId) {
        return booking.asOrganizer(() -> schedule.review(runId));
    }

    /**
     * The double bookings of a review, recomputed from its placed meetings: a company twice in a
     * slot, a table twice in a slot, a slot with more meetings than tables. Empty when all is well.
     */
    public static List<String> doubleBookings(ScheduleReview review) {
        List<String> problems = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ScheduleReview.PlacedMeeting m : review.placed()) {
            for (long company : List.of(m.companyAId(), m.companyBId())) {
                if (!seen.add("company " + company + " at " + m.startsAt())) {
                    problems.add("company " + company + " twice at " + m.startsAt());
                }
            }
            if (!seen.add("table " + m.hallName() + " " + m.tableNumber() + " at " + m.startsAt())) {
                problems.add("table " + m.hallName() + " " + m.tableNumber() + " twice at " + m.startsAt());
            }
        }
        for (ScheduleReview.SlotUse slot : review.slots()) {
            long used = review.placed().stream().filter(m -> m.startsAt().equals(slot.startsAt())).count();
            if (used > slot.tables()) {
                problems.add(used + " meetings at " + slot.startsAt() + " with " + slot.tables() + " tables");
            }
        }
        return problems;
    }

    /** Breaks of one company counted from the placed meetings (runs of idle slots between two meetings). */
    public static int breaksOf(ScheduleReview review, long companyId) {
        List<java.time.Instant> times = review.slots().stream().map(ScheduleReview.SlotUse::startsAt).toList();
        boolean[] meets = new boolean[times.size()];
        review.placed().stream().filter(m -> m.companyAId() == companyId || m.companyBId() == companyId)
                .forEach(m -> meets[times.indexOf(m.startsAt())] = true);
        int breaks = 0;
        int last = -1;
        for (int s = 0; s < meets.length; s++) {
            if (meets[s]) {
                breaks += last >= 0 && s > last + 1 ? 1 : 0;
                last = s;
            }
        }
        return breaks;
    }
}
