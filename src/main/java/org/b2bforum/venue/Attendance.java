package org.b2bforum.venue;

/** Whether a confirmed meeting took place, as marked at the table by organizers or staff. */
public enum Attendance {
    HELD,
    NO_SHOW;

    public String translationKey() {
        return "venue.attendance." + name();
    }

    static Attendance of(String value) {
        return value == null ? null : valueOf(value);
    }
}
