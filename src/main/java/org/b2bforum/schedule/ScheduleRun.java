package org.b2bforum.schedule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One run of the scheduler for a forum day: while it runs, the best solution so far; once done,
 * its figures. {@code meetings} counts the fixed meetings too, and so does {@code placed}.
 */
public record ScheduleRun(long id, long dayId, LocalDate day, ScheduleRunStatus status, String scheduler,
        int timeLimitSeconds, int companies, int slots, int meetings, int fixedMeetings, int placed,
        Integer totalBreaks, Integer maxBreaks, Integer fairnessGap, Integer lowerBound, boolean provedOptimal,
        double seconds, String error, Instant startedAt, Instant finishedAt, Instant publishedAt) {

    /** Wished meetings this run had to place. */
    public int toPlace() {
        return meetings - fixedMeetings;
    }

    /** Wished meetings placed so far. */
    public int placedWishes() {
        return Math.max(0, placed - fixedMeetings);
    }

    public boolean running() {
        return status == ScheduleRunStatus.RUNNING;
    }
}
