package org.b2bforum.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.b2bforum.optimizer.SchedulingProblem;

/**
 * One forum day as the scheduler sees it, and how its indexes map back to the forum: participant i
 * is company {@code companyIds[i]}, slot s is {@code slots[s]} (a slot time, shared by the parallel
 * halls, with their tables in index order), meeting m is {@code meetings[m]}.
 *
 * @param meetingLimit    the most active meetings a company may have (the booking settings' limit)
 * @param activeMeetings  per participant, its active meetings in the whole forum as the limit
 *                        counts them (the day's confirmed ones included)
 * @param fingerprint  a digest of everything the problem was built from (slots, tables, confirmed
 *                     meetings, wishes, program sign-ups, the limit and the companies' active
 *                     meetings): when it changes, a result is stale
 */
public record DayProblem(long dayId, LocalDate day, SchedulingProblem problem, List<Long> companyIds,
        List<SlotTime> slots, List<DayMeeting> meetings, int meetingLimit, List<Integer> activeMeetings,
        String fingerprint) {

    public DayProblem {
        companyIds = List.copyOf(companyIds);
        slots = List.copyOf(slots);
        meetings = List.copyOf(meetings);
        activeMeetings = List.copyOf(activeMeetings);
    }

    /** What a meeting of the problem is. */
    public enum Kind {
        /** A confirmed meeting of the day: booked directly or published earlier; it keeps its slot and table. */
        FIXED,
        /** A must-meet wish. */
        MUST,
        /** A nice-to-have wish. */
        NICE
    }

    /**
     * A meeting to place: for wishes, {@code companyA} made the (first) wish; for fixed meetings,
     * the existing meeting, its slot (of its hall) and its table.
     */
    public record DayMeeting(long companyA, long companyB, Kind kind, Long fixedMeetingId, Long fixedSlotId,
            Long fixedTableId) {
    }

    /** One slot time of the day: the slots of the halls running then, and their tables in index order. */
    public record SlotTime(Instant startsAt, Instant endsAt, List<TablePlace> tables) {

        public SlotTime {
            tables = List.copyOf(tables);
        }
    }

    /** A table in a hall's slot. */
    public record TablePlace(long slotId, long tableId, String hallName, int tableNumber) {
    }

    public int participantOf(long companyId) {
        return companyIds.indexOf(companyId);
    }

    public long wishedMeetings() {
        return meetings.stream().filter(m -> m.kind() != Kind.FIXED).count();
    }

    public long fixedMeetings() {
        return meetings.stream().filter(m -> m.kind() == Kind.FIXED).count();
    }

    public long mustMeetings() {
        return meetings.stream().filter(m -> m.kind() == Kind.MUST).count();
    }

    /** Meetings that fit into the day at most: the free tables of all slots. */
    public int tableSlots() {
        return slots.stream().mapToInt(s -> s.tables().size()).sum();
    }
}
