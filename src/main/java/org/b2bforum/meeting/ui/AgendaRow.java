package org.b2bforum.meeting.ui;

import org.b2bforum.base.ui.AttendanceBadge;
import org.b2bforum.meeting.AgendaEntry;
import org.b2bforum.meeting.MeetingStatus;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * One line of an agenda: a meeting (time, counterpart, status, hall and table or the fair stand, delegates, and the
 * counterpart's contacts once confirmed) or a program item (time, title, place).
 */
class AgendaRow extends Div {

    private final Div body = new Div();

    /** @param counterpart how the meeting's counterpart is shown (a link or a plain name); unused for program items */
    AgendaRow(AgendaEntry entry, ForumDates dates, Component counterpart) {
        this(entry, dates, counterpart, "meetings.delegates.yours");
    }

    /**
     * @param delegatesKey the label of the company's own people: a delegate reading the company's agenda is one of them,
     *        and "Your delegates" read to them as if they had delegates of their own
     */
    AgendaRow(AgendaEntry entry, ForumDates dates, Component counterpart, String delegatesKey) {
        addClassName("agenda-entry");
        Span time = new Span(dates.times(entry.startsAt(), entry.endsAt()));
        time.addClassName("agenda-time");
        body.addClassName("agenda-body");
        if (entry.kind() == AgendaEntry.Kind.MEETING) {
            addClassName("agenda-meeting");
            Div title = new Div(new Span(getTranslation("agenda.meeting-with") + " "), counterpart, badge(entry));
            title.addClassName("agenda-title");
            body.add(title, place(entry.meetingPlace().describe(getLocale(), this::getTranslation)));
            if (!entry.delegates().isEmpty()) {
                // the company's own people: the other side's names read as if they came from it too
                body.add(small(getTranslation(delegatesKey) + ": " + String.join(", ", entry.delegates())));
            }
            if (entry.status() == MeetingStatus.CONFIRMED && entry.counterpartContacts() != null) {
                Paragraph contacts = small(getTranslation("agenda.contacts") + ": " + entry.counterpartContacts());
                contacts.addClassName("agenda-contacts");
                body.add(contacts);
            }
        } else {
            addClassName("agenda-program");
            Div title = new Div(new Span(entry.title(getLocale())));
            title.addClassName("agenda-title");
            body.add(title, place(entry.place(getLocale())));
        }
        add(time, body);
    }

    /**
     * Adds an action (writing to the counterpart) under the meeting's details. Added to the row itself it became a third
     * cell of its grid, under the time in the time's narrow column ("Write a / message" on two lines).
     */
    void addAction(Component action) {
        body.add(action);
    }

    /**
     * The meeting's status; once venue staff marked a confirmed meeting held or no-show, their mark instead (after the
     * forum "Confirmed" read as if nothing had happened since), and "Unanswered" for a request whose time came
     * ("Requested" read as if it could still be accepted).
     */
    private static Span badge(AgendaEntry entry) {
        if (entry.unanswered()) {
            return MeetingStatusBadge.unanswered("agenda-expired-" + entry.meetingId());
        }
        if (entry.attendance() == null) {
            return new MeetingStatusBadge(entry.status());
        }
        return new AttendanceBadge(entry.attendance().name(), "agenda-attendance-" + entry.meetingId());
    }

    private static Paragraph place(String text) {
        Paragraph place = new Paragraph(text);
        place.addClassName("agenda-place");
        return place;
    }

    private static Paragraph small(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("agenda-small");
        return paragraph;
    }
}
