package org.b2bforum.meeting.ui;

import org.b2bforum.meeting.MeetingStatus;

import com.vaadin.flow.component.html.Span;

/** A coloured label with a meeting's status. */
class MeetingStatusBadge extends Span {

    MeetingStatusBadge(MeetingStatus status) {
        setText(getTranslation(status.translationKey()));
        addClassNames("status-badge", "meeting-status-" + status.name().toLowerCase());
    }
}
