package org.b2bforum.meeting.ui;

import java.util.Locale;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.meeting.MeetingLimit;
import org.b2bforum.program.BookingSettings;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/** What the request page shows in place of a form that could not be sent (stop 52): why, and where to go. */
final class RequestRefusal {

    private RequestRefusal() {
    }

    /**
     * Booking still to open is information, not an error (no alert): the page becomes the form at the opening by
     * itself (RequestMeetingView's timer and live updates). At the meeting limit, a link to the meetings to cancel one of.
     */
    static Component of(Div error, BookingSettings settings, BookingSettings.Closed closed, MeetingLimit limit,
            ForumTime forumTime, Locale locale) {
        if (closed == BookingSettings.Closed.NOT_YET_OPEN) {
            Paragraph opens = new Paragraph(error.getTranslation("request-meeting.booking-opens",
                    forumTime.format(settings.opensAt(), locale)));
            opens.setId("request-opens");
            opens.addClassName("hint");
            return opens;
        }
        if (closed != null) {
            error.setText(error.getTranslation(closed == BookingSettings.Closed.WISHES_PHASE
                    ? "meeting.error.wishes-phase" : "meeting.error.window-closed"));
            return error;
        }
        error.setText(error.getTranslation("meeting.limit-reached", limit.limit(), limit.active()));
        Anchor toMeetings = new Anchor("meetings", error.getTranslation("request-meeting.to-meetings"));
        toMeetings.setId("request-to-meetings");
        return new Div(error, toMeetings);
    }
}
