package org.b2bforum.schedule;

/** Where a run of the scheduler is: solving, done (to review), failed, or published as confirmed meetings. */
public enum ScheduleRunStatus {
    RUNNING,
    DONE,
    FAILED,
    PUBLISHED;

    public String translationKey() {
        return "schedule.status." + name();
    }
}
