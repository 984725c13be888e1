package org.b2bforum.program;

/**
 * The meeting schedules built for a forum day, as the day's removal sees them. Implemented by the schedule feature
 * (which owns the runs); it removes them on {@link ForumDayRemoving}.
 */
public interface DaySchedules {

    /** The day's schedule runs: how many there are, how many were published, whether one is being built now. */
    record Built(int runs, int published, boolean building) {
    }

    Built of(long dayId);
}
