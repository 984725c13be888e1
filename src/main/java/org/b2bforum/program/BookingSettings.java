package org.b2bforum.program;

import java.time.Instant;
import java.util.Optional;

/**
 * When companies may book meetings, how many each may have, and whether a request into a free
 * slot is confirmed at once. A null opening or closing time leaves that side of the window open.
 * In the wishes phase companies book no slots: they list the companies they want to meet, and the
 * organizers let the scheduler build the grid.
 */
public record BookingSettings(Instant opensAt, Instant closesAt, int meetingLimit, boolean instantBooking,
        boolean wishesPhase) {

    /** Settings for booking slots directly (no wishes phase). */
    public BookingSettings(Instant opensAt, Instant closesAt, int meetingLimit, boolean instantBooking) {
        this(opensAt, closesAt, meetingLimit, instantBooking, false);
    }

    /** Whether the window is still to open at {@code instant}. */
    public boolean opensAfter(Instant instant) {
        return opensAt != null && instant.isBefore(opensAt);
    }

    public boolean isOpenAt(Instant instant) {
        return (opensAt == null || !instant.isBefore(opensAt)) && (closesAt == null || instant.isBefore(closesAt));
    }

    /** Why no meeting can be booked: the organizers collect wishes, the window is still to open, or it is over. */
    public enum Closed { WISHES_PHASE, NOT_YET_OPEN, OVER }

    /** Why booking is closed at {@code instant}; empty while it is open. One reason for every page that says it. */
    public Optional<Closed> closedAt(Instant instant) {
        if (wishesPhase) {
            return Optional.of(Closed.WISHES_PHASE);
        }
        return opensAfter(instant) ? Optional.of(Closed.NOT_YET_OPEN)
                : isOpenAt(instant) ? Optional.empty() : Optional.of(Closed.OVER);
    }
}
