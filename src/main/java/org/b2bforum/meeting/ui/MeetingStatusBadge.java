package org.b2bforum.meeting.ui;

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
     * The meeting's status, or what became of it once its time came: after the forum "Подтверждена" read as if nothing
     * had happened since, and "Запрошена" as if the request could still be answered (the service refuses it then).
     */
    static Span of(MeetingDetails meeting) {
        if (meeting.status() == MeetingStatus.CONFIRMED && meeting.attendance() != null) {
            // the venue staff's mark, as on the agenda
            return new AttendanceBadge(meeting.attendance().name(), "attendance-" + meeting.id());
        }
        return meeting.unanswered() ? unanswered("expired-" + meeting.id()) : new MeetingStatusBadge(meeting.status());
    }

    /** "Без ответа: время прошло": a request whose slot began before anyone answered it. */
    static Span unanswered(String id) {
        Span expired = new Span();
        expired.setText(expired.getTranslation("meetings.expired"));
        expired.addClassNames("status-badge", "meeting-status-expired");
        expired.setId(id);
        return expired;
    }
}
