package org.b2bforum.calendar;

/**
 * The calendar's delegate is no longer there: their company took them off its list after this request's session check
 * (the next request finds their log-in gone). An answer for the user, in words ({@code delegate.removed-meanwhile}),
 * not a fault: no stack trace.
 */
public class CalendarOwnerRemovedException extends RuntimeException {

    public CalendarOwnerRemovedException(long delegateId) {
        super("No delegate " + delegateId + " (removed by their company)", null, false, false);
    }
}
