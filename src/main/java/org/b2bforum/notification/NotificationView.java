package org.b2bforum.notification;

import java.time.Instant;

/** An in-app notification as shown to its reader. */
public record NotificationView(long id, String messageKey, String detail, Instant createdAt, boolean read) {

    /** The key of an organizers' announcement's notification, its text the detail. */
    public static final String ANNOUNCEMENT = "notification.announcement";

    /**
     * The key of the one notification a delegate's new log-in gets of the confirmed meetings ahead that they attend,
     * the meetings' lines joined by "; " its detail.
     */
    public static final String ATTENDING = "notification.meeting.ATTENDING";
    /** A meeting booked at once by the other company, none of the company's delegates on it: who attends is to be chosen. */
    public static final String CHOOSE_ATTENDEES = "notification.meeting.CHOOSE_ATTENDEES";
    /** A meeting the organizers booked with the company's first delegate, chosen by nobody of the company. */
    public static final String FIRST_DELEGATE_SENT = "notification.meeting.FIRST_DELEGATE_SENT";
    /** A delegate sent to a confirmed meeting by their company (meeting.MeetingAttendees): it leads to their schedule. */
    public static final String ATTENDEE_ADDED = "notification.meeting.ATTENDEE_ADDED";

    /**
     * Whether the detail is someone's comment (the organizers' on a registration decision, or their reason for
     * declining a new name), not a description of what happened (the meeting in one line, the name accepted).
     */
    public boolean detailIsComment() {
        return messageKey.startsWith("notification.registration.")
                || messageKey.equals("notification.identity-change.declined");
    }

    /** Whether the detail is an organizers' announcement (written text, not the meeting in one line). */
    public boolean isAnnouncement() {
        return messageKey.equals(ANNOUNCEMENT);
    }
}
