package org.b2bforum.program;

import java.time.Instant;

/**
 * When companies may book meetings, how many each may have, and whether a request into a free
 * slot is confirmed at once. A null opening or closing time leaves that side of the window open.
 */
public record BookingSettings(Instant opensAt, Instant closesAt, int meetingLimit, boolean instantBooking) {

    public boolean isOpenAt(Instant instant) {
        return (opensAt == null || !instant.isBefore(opensAt)) && (closesAt == null || instant.isBefore(closesAt));
    }
}
