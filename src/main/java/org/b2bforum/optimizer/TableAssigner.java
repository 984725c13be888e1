package org.b2bforum.optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Gives the meetings of each slot their tables once the slots are chosen, so that a company keeps its table
 * across consecutive meetings where it can.
 *
 * <p>Slot by slot in time order: each meeting may claim the table that one of its two companies had in the
 * previous slot. A maximum bipartite matching (meetings to claimed tables, Kuhn's augmenting paths) grants as
 * many claims as possible; a company that sat at table 3 and meets again in the next slot stays at table 3
 * unless its partner of the previous slot also meets again and the two claims collide (one table, two
 * meetings). Meetings left over first try the table one of their companies had last (before a break), then
 * take the lowest free table. Any schedule that respects the number of tables per slot gets distinct tables.
 */
public final class TableAssigner {

    private TableAssigner() {
    }

    /**
     * @param slotOfMeeting per meeting its slot (0-based), or a negative number for a meeting not placed
     * @return one placement per placed meeting, in meeting order
     * @throws IllegalArgumentException if a slot holds more meetings than it has tables
     */
    public static List<Placement> assign(SchedulingProblem problem, int[] slotOfMeeting) {
        int[] tables = problem.tablesPerSlot();
        List<MeetingRequest> meetings = problem.meetings();
        if (slotOfMeeting.length != meetings.size()) {
            throw new IllegalArgumentException("One slot per meeting expected");
        }
        List<List<Integer>> bySlot = new ArrayList<>();
        for (int s = 0; s < problem.slots(); s++) {
            bySlot.add(new ArrayList<>());
        }
        for (int m = 0; m < slotOfMeeting.length; m++) {
            if (slotOfMeeting[m] >= 0) {
                bySlot.get(slotOfMeeting[m]).add(m);
            }
        }
        int[] tableOf = new int[meetings.size()];
        Arrays.fill(tableOf, -1);
        int[] previousTable = new int[problem.participants()]; // table in the slot just before, or -1
        int[] lastTable = new int[problem.participants()];     // table at the participant's latest meeting, or -1
        Arrays.fill(previousTable, -1);
        Arrays.fill(lastTable, -1);

        for (int s = 0; s < problem.slots(); s++) {
            List<Integer> here = bySlot.get(s);
            if (here.size() > tables[s]) {
                throw new IllegalArgumentException("Slot " + s + " holds " + here.size() + " meetings but has "
                        + tables[s] + " tables");
            }
            // meetings whose two companies both sat at the same table come first, so they keep it
            here.sort(Comparator.comparingInt((Integer m) -> -claimWeight(meetings.get(m), previousTable)));
            int n = here.size();
            int[][] claims = new int[n][];
            for (int i = 0; i < n; i++) {
                MeetingRequest meeting = meetings.get(here.get(i));
                claims[i] = claims(previousTable[meeting.first()], previousTable[meeting.second()], tables[s]);
            }
            int[] owner = new int[tables[s]];
            Arrays.fill(owner, -1);
            for (int i = 0; i < n; i++) {
                augment(i, claims, owner, new boolean[tables[s]]);
            }
            int[] assigned = new int[n];
            Arrays.fill(assigned, -1);
            for (int t = 0; t < owner.length; t++) {
                if (owner[t] >= 0) {
                    assigned[owner[t]] = t;
                }
            }
            // left over: a table one of the companies had before its break, if free
            for (int i = 0; i < n; i++) {
                if (assigned[i] >= 0) {
                    continue;
                }
                MeetingRequest meeting = meetings.get(here.get(i));
                for (int t : claims(lastTable[meeting.first()], lastTable[meeting.second()], tables[s])) {
                    if (owner[t] < 0) {
                        owner[t] = i;
                        assigned[i] = t;
                        break;
                    }
                }
            }
            // the rest: lowest free table
            int next = 0;
            for (int i = 0; i < n; i++) {
                if (assigned[i] >= 0) {
                    continue;
                }
                while (owner[next] >= 0) {
                    next++;
                }
                owner[next] = i;
                assigned[i] = next;
            }
            Arrays.fill(previousTable, -1);
            for (int i = 0; i < n; i++) {
                int m = here.get(i);
                tableOf[m] = assigned[i];
                MeetingRequest meeting = meetings.get(m);
                previousTable[meeting.first()] = assigned[i];
                previousTable[meeting.second()] = assigned[i];
                lastTable[meeting.first()] = assigned[i];
                lastTable[meeting.second()] = assigned[i];
            }
        }
        List<Placement> placements = new ArrayList<>();
        for (int m = 0; m < slotOfMeeting.length; m++) {
            if (slotOfMeeting[m] >= 0) {
                placements.add(new Placement(m, slotOfMeeting[m], tableOf[m]));
            }
        }
        return placements;
    }

    private static int claimWeight(MeetingRequest meeting, int[] previousTable) {
        int a = previousTable[meeting.first()];
        int b = previousTable[meeting.second()];
        return a >= 0 && a == b ? 2 : (a >= 0 || b >= 0 ? 1 : 0);
    }

    private static int[] claims(int a, int b, int tables) {
        boolean hasA = a >= 0 && a < tables;
        boolean hasB = b >= 0 && b < tables && b != a;
        if (hasA && hasB) {
            return new int[] {a, b};
        }
        if (hasA) {
            return new int[] {a};
        }
        return hasB ? new int[] {b} : new int[0];
    }

    private static boolean augment(int i, int[][] claims, int[] owner, boolean[] seen) {
        for (int t : claims[i]) {
            if (seen[t]) {
                continue;
            }
            seen[t] = true;
            if (owner[t] < 0 || augment(owner[t], claims, owner, seen)) {
                owner[t] = i;
                return true;
            }
        }
        return false;
    }
}
