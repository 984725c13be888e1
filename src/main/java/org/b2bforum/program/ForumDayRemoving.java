package org.b2bforum.program;

/**
 * A forum day is being removed: published in the removing transaction, before the day's row goes, once nothing booked
 * is on it and none of its schedules was published or is being built. A feature that keeps rows of the day (the
 * schedule runs built to try) removes them in a plain synchronous listener, so they go, or stay, with the day.
 */
public record ForumDayRemoving(long dayId) {
}
