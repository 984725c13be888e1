package org.b2bforum.schedule;

/**
 * Where a run of the scheduler is: solving, done (to review), failed, published as confirmed meetings, or stopped by
 * an organizer.
 */
public enum ScheduleRunStatus {
    RUNNING,
    DONE,
    FAILED,
    PUBLISHED,
    /** Stopped by an organizer before its time limit: nothing kept (its schedule is not finished). */
    STOPPED;

    public String translationKey() {
        return "schedule.status." + name();
    }
}
