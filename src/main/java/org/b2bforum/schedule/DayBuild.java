package org.b2bforum.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.b2bforum.optimizer.BreakCounter;
import org.b2bforum.optimizer.MeetingAllowance;
import org.b2bforum.optimizer.MeetingRequest;
import org.b2bforum.optimizer.Placement;
import org.b2bforum.optimizer.ScheduleResult;
import org.b2bforum.optimizer.Scheduler;
import org.b2bforum.optimizer.Scheduler.ProgressListener;
import org.b2bforum.optimizer.SchedulingProblem;
import org.b2bforum.optimizer.Unplaced;
import org.b2bforum.schedule.DayProblem.DayMeeting;
import org.b2bforum.schedule.DayProblem.Kind;

/**
 * One day's build from the scheduler's parts, as {@link ScheduleRunner} runs it (split from the runner, which keeps the
 * run's life: threads, progress, heartbeat, storing). The meeting limit first: the wishes beyond a company's allowance
 * (the limit minus its active meetings in the forum) are left out before solving, must-meet wishes keeping the
 * allowance first ({@link MeetingAllowance}). Must-meet wishes first: when the first solve leaves a must-meet wish out,
 * the must-meet wishes are solved alone (with the fixed meetings), and then the nice-to-have ones are added around them
 * where they fit; that second way's result is not claimed optimal. When the first solve leaves none out, it is solved
 * on for the rest of the time.
 */
final class DayBuild {

    private final Scheduler scheduler;

    DayBuild(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * A day whose every table place is taken could place no more meetings however long it searched: the meetings
     * "out of time" are then out for want of a table. Its parts' solves (must-meet wishes alone, then the rest around
     * them) each call a meeting they did not place "out of time" when their part of the day still had room; ux50's
     * forum day (2,100 places, 838 confirmed meetings and 2,940 wishes) told 151 must-meet wishes to "increase the
     * time limit" with every place taken.
     */
    static ScheduleResult fullDayReasons(SchedulingProblem day, ScheduleResult result) {
        if (result.placements().size() < places(day)
                || result.unplaced().stream().noneMatch(u -> u.reason() == Unplaced.Reason.TIME_LIMIT)) {
            return result;
        }
        List<Unplaced> unplaced = result.unplaced().stream().map(u -> u.reason() != Unplaced.Reason.TIME_LIMIT ? u
                : new Unplaced(u.meeting(), Unplaced.Reason.NO_TABLE, -1, 0, 0)).toList();
        return new ScheduleResult(result.placements(), unplaced, result.totalBreaks(), result.maxBreaks(),
                result.fairnessGap(), result.lowerBound(), result.provedOptimal(), result.elapsed(),
                result.fixedMeetingsGap());
    }

    /**
     * The day's schedule within {@code timeLimit}: the wishes beyond a company's meeting limit left out first, then the
     * must-meet wishes first; once {@code stop} says so, the parts not begun yet are left out.
     */
    ScheduleResult solve(DayProblem input, Duration timeLimit, ProgressListener progress, BooleanSupplier stop) {
        return fullDayReasons(input.problem(), solveWithinLimit(input, timeLimit, progress, stop));
    }

    private ScheduleResult solveWithinLimit(DayProblem input, Duration timeLimit, ProgressListener progress,
            BooleanSupplier stop) {
        SchedulingProblem all = input.problem();
        List<Kind> kinds = input.meetings().stream().map(DayMeeting::kind).toList();
        List<Integer> order = new ArrayList<>();
        for (Kind kind : List.of(Kind.FIXED, Kind.MUST, Kind.NICE)) {
            for (int m = 0; m < kinds.size(); m++) {
                if (kinds.get(m) == kind) {
                    order.add(m);
                }
            }
        }
        List<Unplaced> overLimit = MeetingAllowance.beyond(all, input.meetingLimit(),
                input.activeMeetings().stream().mapToInt(Integer::intValue).toArray(), order);
        if (overLimit.isEmpty()) {
            return solveMustFirst(all, kinds, timeLimit, progress, stop);
        }
        Set<Integer> left = new HashSet<>();
        overLimit.forEach(u -> left.add(u.meeting()));
        List<Integer> keep = new ArrayList<>();
        for (int m = 0; m < kinds.size(); m++) {
            if (!left.contains(m)) {
                keep.add(m);
            }
        }
        ScheduleResult within = solveMustFirst(subProblem(all, keep, Map.of()), keep.stream().map(kinds::get).toList(),
                timeLimit, progress, stop);
        List<Placement> placements = new ArrayList<>();
        within.placements().forEach(p -> placements.add(new Placement(keep.get(p.meeting()), p.slot(), p.table())));
        List<Unplaced> unplaced = new ArrayList<>(overLimit);
        for (Unplaced u : within.unplaced()) {
            unplaced.add(new Unplaced(keep.get(u.meeting()), u.reason(), u.participant(), u.wanted(), u.available()));
        }
        unplaced.sort((a, b) -> Integer.compare(a.meeting(), b.meeting()));
        return new ScheduleResult(placements, unplaced, within.totalBreaks(), within.maxBreaks(), within.fairnessGap(),
                within.lowerBound(), within.provedOptimal(), within.elapsed(), within.fixedMeetingsGap());
    }

    private ScheduleResult solveMustFirst(SchedulingProblem all, List<Kind> kinds, Duration timeLimit,
            ProgressListener progress, BooleanSupplier stop) {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        boolean mixed = kinds.contains(Kind.MUST) && kinds.contains(Kind.NICE);
        // when the second way may be needed, the first takes half the time (if it is not, the first answer is
        // solved on for the other half)
        ScheduleResult first = scheduler.solve(all, mixed ? timeLimit.dividedBy(2) : timeLimit, progress, null, stop);
        if (stop.getAsBoolean()) {
            return first;
        }
        if (first.unplaced().stream().noneMatch(u -> kinds.get(u.meeting()) == Kind.MUST)) {
            return mixed ? solveOn(all, kinds, first, deadline, progress, stop) : first;
        }
        List<Integer> mustOnly = new ArrayList<>();
        for (int m = 0; m < kinds.size(); m++) {
            if (kinds.get(m) != Kind.NICE) {
                mustOnly.add(m);
            }
        }
        // the parts' bounds hold for their part only (the last with the must-meet wishes pinned): the progress tells
        // the day's, the confirmed meetings' own
        int dayBound = BreakCounter.fixedMeetingsBound(all);
        ProgressListener partProgress = (placed, breaks, bound, seconds) ->
                progress.improved(placed, breaks, dayBound, seconds);
        // the must-meet wishes and the confirmed meetings may be more than the day's places (ux46's forum day 1: 2,272
        // for 2,100): then the must-meet part takes every place, no nice-to-have wish fits beside it, and it is the
        // day's schedule; it gets the rest of the time but a tenth of the limit, not half of it (the other half went to
        // a solve that could only tell that nothing more fits: the day's breaks were the must-meet part's, solved in a
        // quarter of the limit); the tenth is for the nice-to-have wishes where it does not fill the day after all
        int places = places(all);
        Duration mustTime = mustOnly.size() >= places
                ? Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime() - timeLimit.toNanos() / 10))
                : remaining(deadline, 2);
        ScheduleResult must = scheduler.solve(subProblem(all, mustOnly, Map.of()), mustTime, partProgress, null, stop);
        if (stop.getAsBoolean()) {
            return first;
        }
        Map<Integer, Integer> pinned = new HashMap<>();
        must.placements().forEach(p -> pinned.put(mustOnly.get(p.meeting()), p.slot()));
        List<Unplaced> unplaced = new ArrayList<>();
        for (Unplaced u : must.unplaced()) {
            unplaced.add(new Unplaced(mustOnly.get(u.meeting()), u.reason(), u.participant(), u.wanted(), u.available()));
        }
        List<Integer> rest = new ArrayList<>();
        for (int m = 0; m < kinds.size(); m++) {
            if (kinds.get(m) == Kind.NICE || pinned.containsKey(m)) {
                rest.add(m);
            }
        }
        List<Placement> placements = new ArrayList<>();
        Duration elapsed = first.elapsed().plus(must.elapsed());
        if (must.placements().size() >= places) {
            // every place taken: the nice-to-have wishes are out for want of a table
            must.placements().forEach(p -> placements.add(new Placement(mustOnly.get(p.meeting()), p.slot(),
                    p.table())));
            for (int m = 0; m < kinds.size(); m++) {
                if (kinds.get(m) == Kind.NICE) {
                    unplaced.add(new Unplaced(m, Unplaced.Reason.NO_TABLE, -1, 0, 0));
                }
            }
        } else {
            ScheduleResult last = scheduler.solve(subProblem(all, rest, pinned), remaining(deadline, 1), partProgress,
                    null, stop);
            last.placements().forEach(p -> placements.add(new Placement(rest.get(p.meeting()), p.slot(), p.table())));
            for (Unplaced u : last.unplaced()) {
                unplaced.add(new Unplaced(rest.get(u.meeting()), u.reason(), u.participant(), u.wanted(),
                        u.available()));
            }
            elapsed = elapsed.plus(last.elapsed());
        }
        unplaced.sort((a, b) -> Integer.compare(a.meeting(), b.meeting()));
        int[] breaks = BreakCounter.perParticipant(all, placements);
        // not last's bound: it holds only with the must-meet wishes pinned where the second solve put them, not for the
        // day; the confirmed meetings' own bound does (every solve keeps them)
        int total = BreakCounter.total(breaks);
        return new ScheduleResult(placements, unplaced, total, BreakCounter.max(breaks),
                BreakCounter.gap(breaks), Math.min(total, dayBound), false, elapsed, first.fixedMeetingsGap());
    }

    /**
     * The second half of the time, when the first solve already placed every must-meet wish: the same day solved on
     * from the first answer (the organizer's limit is spent on the schedule, not left unused). The first answer
     * stays unless the second is better and leaves no must-meet wish out.
     */
    private ScheduleResult solveOn(SchedulingProblem all, List<Kind> kinds, ScheduleResult first, long deadline,
            ProgressListener progress, BooleanSupplier stop) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (first.provedOptimal() || left.compareTo(Duration.ofSeconds(1)) < 0) {
            return first;
        }
        // a bound of the first solve holds for the whole day when it placed every meeting
        int firstBound = first.unplaced().isEmpty() ? first.lowerBound() : 0;
        ScheduleResult more = scheduler.solve(all, left, (placed, breaks, bound, seconds) ->
                progress.improved(placed, breaks, Math.max(bound, firstBound), seconds), first, stop);
        boolean mustLeftOut = more.unplaced().stream().anyMatch(u -> kinds.get(u.meeting()) == Kind.MUST);
        ScheduleResult kept = mustLeftOut || !more.betterThan(first, all.fairness()) ? first : more;
        int bound = first.unplaced().isEmpty() && more.unplaced().isEmpty()
                ? Math.max(first.lowerBound(), more.lowerBound()) : kept.lowerBound();
        return new ScheduleResult(kept.placements(), kept.unplaced(), kept.totalBreaks(), kept.maxBreaks(),
                kept.fairnessGap(), bound, kept.provedOptimal() || kept.unplaced().isEmpty()
                        && kept.totalBreaks() <= bound, first.elapsed().plus(more.elapsed()), kept.fixedMeetingsGap());
    }

    /** The day's table places: every slot's tables. */
    private static int places(SchedulingProblem day) {
        int places = 0;
        for (int tables : day.tablesPerSlot()) {
            places += Math.max(0, tables);
        }
        return places;
    }

    /** Part of the time left: half of it, or all of it for the last solve; at least a second. */
    private static Duration remaining(long deadline, int share) {
        return Duration.ofNanos(Math.max(1_000_000_000L, (deadline - System.nanoTime()) / share));
    }

    /** The meetings {@code keep} of the problem, in that order; {@code pinned} ones fixed in their slot. */
    private static SchedulingProblem subProblem(SchedulingProblem all, List<Integer> keep, Map<Integer, Integer> pinned) {
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < keep.size(); i++) {
            position.put(keep.get(i), i);
        }
        List<MeetingRequest> meetings = new ArrayList<>();
        for (int m : keep) {
            MeetingRequest meeting = all.meetings().get(m);
            Set<Integer> after = new HashSet<>();
            meeting.after().stream().filter(position::containsKey).forEach(b -> after.add(position.get(b)));
            meetings.add(new MeetingRequest(meeting.first(), meeting.second(), meeting.session(),
                    pinned.getOrDefault(m, meeting.fixedSlot()), after));
        }
        return new SchedulingProblem(all.participants(), all.slots(), all.morningSlots(), all.tablesPerSlot(), meetings,
                all.forbidden(), all.fairness());
    }
}
