package org.b2bforum.meeting.ui;

import java.time.Instant;

import org.b2bforum.base.ui.AttendanceBadge;
import org.b2bforum.meeting.MeetingDetails;
import org.b2bforum.meeting.MeetingStatus;

import com.vaadin.flow.component.html.Span;

/** A coloured label with a meeting's status. */
class MeetingStatusBadge extends Span {

    MeetingStatusBadge(MeetingStatus status) {
        setText(getTranslation(status.translationKey()));
        addClassNames("status-badge", "meeting-status-" + status.name().toLowerCase());
    }

    /**
     * The meeting's status, or what became of it once its time came ({@code now}): after the forum "Подтверждена" read
     * as if nothing had happened since, and "Запрошена" as if the request could still be answered (the service refuses
     * it then).
     */
    static Span of(MeetingDetails meeting, Instant now) {
        if (meeting.status() == MeetingStatus.CONFIRMED && meeting.attendance() != null) {
            // the venue staff's mark, as on the agenda
            return new AttendanceBadge(meeting.attendance().name(), "attendance-" + meeting.id());
        }
        if (meeting.status() == MeetingStatus.REQUESTED && !meeting.startsAt().isAfter(now)) {
            Span expired = new Span();
            expired.setText(expired.getTranslation("meetings.expired"));
            expired.addClassNames("status-badge", "meeting-status-expired");
            expired.setId("expired-" + meeting.id());
            return expired;
        }
        return new MeetingStatusBadge(meeting.status());
    }
}
