package org.b2bforum.optimizer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The baseline that commercial platforms document: each meeting, in list order, takes the first
 * slot in which both participants are free and a table is left, and there the first free table.
 * Fixed meetings are placed first, in their slots. It does not look at breaks at all; it only
 * counts them. Instant, never optimal: the yardstick the optimiser is compared with (the optimiser's
 * own last resort is {@link FirstFit}, which looks at breaks).
 */
public final class GreedyScheduler implements Scheduler {

    @Override
    public ScheduleResult solve(SchedulingProblem problem, Duration timeLimit, ProgressListener progress) {
        long started = System.nanoTime();
        Day day = new Day(problem);
        List<Unplaced> unplaced = new ArrayList<>();
        List<MeetingRequest> meetings = problem.meetings();
        for (int m = 0; m < meetings.size(); m++) {
            if (meetings.get(m).isFixed() && !day.placeFixed(m)) {
                unplaced.add(new Unplaced(m, Unplaced.Reason.CONFLICTING_CONSTRAINTS, -1, 0, 0));
            }
        }
        for (int m : day.freeMeetingsInOrder()) {
            Unplaced refused = day.placeFirstFree(m);
            if (refused != null) {
                unplaced.add(refused);
            }
        }
        for (int m : day.cyclic()) {
            unplaced.add(new Unplaced(m, Unplaced.Reason.CONFLICTING_CONSTRAINTS, -1, 0, 0));
        }
        unplaced.sort((a, b) -> Integer.compare(a.meeting(), b.meeting()));

        List<Placement> placements = day.placements();
        int[] breaks = BreakCounter.perParticipant(problem, placements);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        progress.improved(placements.size(), BreakCounter.total(breaks), 0, elapsed.toNanos() / 1e9);
        return new ScheduleResult(placements, unplaced, BreakCounter.total(breaks), BreakCounter.max(breaks),
                BreakCounter.gap(breaks), 0, false, elapsed);
    }

    /** The day as the greedy pass fills it. */
    private static final class Day {

        private final SchedulingProblem problem;
        private final int[] tables;
        private final boolean[][] busy;
        private final int[] used;
        private final int[] slotOf;
        private final int[] tableOf;
        private final int[] wanted;
        private final int[] available;
        private final List<List<Integer>> successors = new ArrayList<>();
        private List<Integer> cyclic = List.of();

        Day(SchedulingProblem problem) {
            this.problem = problem;
            this.tables = problem.tablesPerSlot();
            this.busy = new boolean[problem.participants()][problem.slots()];
            this.used = new int[problem.slots()];
            int n = problem.meetings().size();
            this.slotOf = new int[n];
            this.tableOf = new int[n];
            Arrays.fill(slotOf, -1);
            this.wanted = new int[problem.participants()];
            this.available = new int[problem.participants()];
            for (int m = 0; m < n; m++) {
                successors.add(new ArrayList<>());
            }
            for (int m = 0; m < n; m++) {
                MeetingRequest meeting = problem.meetings().get(m);
                wanted[meeting.first()]++;
                wanted[meeting.second()]++;
                for (int before : meeting.after()) {
                    if (before >= 0 && before < n) {
                        successors.get(before).add(m);
                    }
                }
            }
            for (int p = 0; p < problem.participants(); p++) {
                for (int s = 0; s < problem.slots(); s++) {
                    if (tables[s] > 0 && !problem.forbidden().get(p).contains(s)) {
                        available[p]++;
                    }
                }
            }
        }

        boolean placeFixed(int m) {
            MeetingRequest meeting = problem.meetings().get(m);
            int s = meeting.fixedSlot();
            if (s >= problem.slots() || !inSession(meeting, s) || !free(meeting, s) || used[s] >= tables[s]) {
                return false;
            }
            for (int before : meeting.after()) {
                if (slotOf[before] >= s) {
                    return false;
                }
            }
            place(m, s);
            return true;
        }

        /** Free meetings in list order, each after the meetings that must come before it (Kahn's order). */
        List<Integer> freeMeetingsInOrder() {
            int n = problem.meetings().size();
            int[] waitingFor = new int[n];
            for (int m = 0; m < n; m++) {
                waitingFor[m] = (int) problem.meetings().get(m).after().stream().filter(b -> b >= 0 && b < n).count();
            }
            List<Integer> order = new ArrayList<>();
            Deque<Integer> ready = new ArrayDeque<>();
            boolean[] done = new boolean[n];
            for (int m = 0; m < n; m++) {
                if (waitingFor[m] == 0) {
                    ready.add(m);
                }
            }
            while (!ready.isEmpty()) {
                int m = ready.poll();
                done[m] = true;
                if (!problem.meetings().get(m).isFixed()) {
                    order.add(m);
                }
                for (int next : successors.get(m)) {
                    if (--waitingFor[next] == 0) {
                        ready.add(next);
                    }
                }
            }
            List<Integer> inCycles = new ArrayList<>();
            for (int m = 0; m < n; m++) {
                if (!done[m] && !problem.meetings().get(m).isFixed()) {
                    inCycles.add(m);
                }
            }
            cyclic = inCycles;
            return order;
        }

        /** Meetings that wait for each other in a circle: none of them can be placed. */
        List<Integer> cyclic() {
            return cyclic;
        }

        /** Places the meeting in its first possible slot, or says why there is none. */
        Unplaced placeFirstFree(int m) {
            MeetingRequest meeting = problem.meetings().get(m);
            int from = 0;
            int to = problem.slots() - 1;
            for (int before : meeting.after()) {
                if (slotOf[before] < 0) {
                    return new Unplaced(m, Unplaced.Reason.CONFLICTING_CONSTRAINTS, -1, 0, 0);
                }
                from = Math.max(from, slotOf[before] + 1);
            }
            for (int after : successors.get(m)) {
                if (slotOf[after] >= 0) {
                    to = Math.min(to, slotOf[after] - 1); // a fixed meeting that must come later
                }
            }
            boolean common = false;
            boolean bothFree = false;
            for (int s = from; s <= to; s++) {
                if (!inSession(meeting, s) || tables[s] == 0 || forbidden(meeting, s)) {
                    continue;
                }
                common = true;
                if (busy[meeting.first()][s] || busy[meeting.second()][s]) {
                    continue;
                }
                bothFree = true;
                if (used[s] < tables[s]) {
                    place(m, s);
                    return null;
                }
            }
            return reason(m, meeting, common, bothFree);
        }

        private Unplaced reason(int m, MeetingRequest meeting, boolean common, boolean bothFree) {
            int over = Math.max(wanted[meeting.first()] - available[meeting.first()],
                    wanted[meeting.second()] - available[meeting.second()]);
            if (over > 0) {
                int p = wanted[meeting.first()] - available[meeting.first()] == over ? meeting.first() : meeting.second();
                return new Unplaced(m, Unplaced.Reason.TOO_MANY_MEETINGS, p, wanted[p], available[p]);
            }
            if (common && bothFree) {
                return new Unplaced(m, Unplaced.Reason.NO_TABLE, -1, 0, 0);
            }
            return new Unplaced(m, Unplaced.Reason.NO_COMMON_SLOT, -1, 0, 0);
        }

        private boolean inSession(MeetingRequest meeting, int s) {
            return switch (meeting.session()) {
                case MORNING -> s < problem.morningSlots();
                case AFTERNOON -> s >= problem.morningSlots();
                case ANY -> true;
            };
        }

        private boolean forbidden(MeetingRequest meeting, int s) {
            return problem.forbidden().get(meeting.first()).contains(s)
                    || problem.forbidden().get(meeting.second()).contains(s);
        }

        private boolean free(MeetingRequest meeting, int s) {
            return !forbidden(meeting, s) && !busy[meeting.first()][s] && !busy[meeting.second()][s];
        }

        private void place(int m, int s) {
            MeetingRequest meeting = problem.meetings().get(m);
            busy[meeting.first()][s] = true;
            busy[meeting.second()][s] = true;
            slotOf[m] = s;
            tableOf[m] = used[s]++; // the first free table: tables fill up in order
        }

        List<Placement> placements() {
            List<Placement> placements = new ArrayList<>();
            for (int m = 0; m < slotOf.length; m++) {
                if (slotOf[m] >= 0) {
                    placements.add(new Placement(m, slotOf[m], tableOf[m]));
                }
            }
            return placements;
        }
    }
}
