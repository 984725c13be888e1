package org.b2bforum.meeting.ui;

import org.b2bforum.meeting.Cancellation;
import org.b2bforum.meeting.MeetingDetails;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * On a cancelled meeting of the company's list, who cancelled it and the reason they wrote ("Cancelled by Мосдорсервис:
 * the director is ill"). The reason of the "Cancel meeting" dialog was kept in the meeting's history and shown to
 * nobody: the other company read "Cancelled" and never learnt why, nor whether the organizers had done it (ux91).
 */
final class CancelledBy extends Paragraph {

    CancelledBy(MeetingDetails meeting, long me, Cancellation cancellation) {
        setId("cancelled-by-" + meeting.id());
        addClassName("meeting-line");
        addClassName("meeting-quote");
        Long by = cancellation.byCompanyId();
        String who = cancellation.byOrganizers() ? getTranslation("meetings.cancelled-by.organizers")
                : by != null && by == me ? getTranslation("meetings.cancelled-by.you")
                : by != null && by == meeting.counterpartId(me)
                        ? getTranslation("meetings.cancelled-by.them", meeting.counterpartName(me))
                        : getTranslation("meetings.cancelled-by.unknown");
        Span label = new Span(who + ": ");
        label.addClassName("line-label");
        add(label, new Span(cancellation.reason() == null ? getTranslation("meetings.cancelled-by.no-reason")
                : cancellation.registrationWithdrawn((key, language) -> getTranslation(language, key))
                        ? getTranslation("meetings.cancelled-by.registration-withdrawn")
                        : cancellation.reason()));
    }
}
