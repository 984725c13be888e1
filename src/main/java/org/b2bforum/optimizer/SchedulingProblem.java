package org.b2bforum.optimizer;

import java.util.List;
import java.util.Set;

/**
 * One day of B2B meetings to schedule (the model of shared/benchmarks/b2b-scheduling/README.md).
 * Everything is 0-based: participants 0..participants-1, slots 0..slots-1 in time order, meetings
 * in list order.
 *
 * @param participants   number of participants (companies)
 * @param slots          number of slots in the day; breaks are counted over this order
 * @param morningSlots   slots 0..morningSlots-1 are the morning, the rest the afternoon
 * @param tablesPerSlot  tables free in each slot (length {@code slots})
 * @param meetings       the meetings to place
 * @param forbidden      per participant, the slots it cannot meet in (program items, unavailability);
 *                       length {@code participants}
 * @param fairness       d: the breaks of any two participants differ by at most this (default 2)
 */
public record SchedulingProblem(int participants, int slots, int morningSlots, int[] tablesPerSlot,
        List<MeetingRequest> meetings, List<Set<Integer>> forbidden, int fairness) {

    public static final int DEFAULT_FAIRNESS = 2;

    public SchedulingProblem {
        if (tablesPerSlot.length != slots) {
            throw new IllegalArgumentException("tablesPerSlot must have one entry per slot");
        }
        if (forbidden.size() != participants) {
            throw new IllegalArgumentException("forbidden must have one set per participant");
        }
        tablesPerSlot = tablesPerSlot.clone();
        meetings = List.copyOf(meetings);
        forbidden = forbidden.stream().map(Set::copyOf).toList();
        for (MeetingRequest meeting : meetings) {
            if (meeting.first() < 0 || meeting.first() >= participants || meeting.second() < 0
                    || meeting.second() >= participants) {
                throw new IllegalArgumentException("Meeting with an unknown participant: " + meeting);
            }
        }
    }

    @Override
    public int[] tablesPerSlot() {
        return tablesPerSlot.clone();
    }
}
