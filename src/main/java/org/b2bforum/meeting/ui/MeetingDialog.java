package org.b2bforum.meeting.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.b2bforum.base.ui.Notices;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.meeting.MeetingDetails;
import org.b2bforum.program.ProgramLabels;
import org.b2bforum.program.Slot;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

/** One confirmed meeting of the grid: an organizer moves it to another slot of the session, or cancels it. */
class MeetingDialog extends Dialog {

    final Select<Slot> moveTo = new Select<>();
    final Button move = new Button();
    final HorizontalLayout moving;
    final TextArea reason = new TextArea();
    final Button cancelMeeting = new Button();
    private final MeetingDetails meeting;
    private final OrganizerBookings meetings;
    private final MeetingRequests requests;
    private final Runnable changed;

    MeetingDialog(MeetingDetails meeting, List<Slot> sessionSlots, ProgramLabels labels, OrganizerBookings meetings,
            MeetingRequests requests,
            Runnable changed) {
        this.meeting = meeting;
        this.meetings = meetings;
        this.requests = requests;
        this.changed = changed;
        setId("meeting-dialog");
        setHeaderTitle(meeting.requesterName() + " — " + meeting.partnerName());
        setWidth("36em");

        Paragraph when = new Paragraph(getTranslation("meeting-grid.meeting.when", labels.date(meeting.startsAt()),
                labels.timeRange(meeting.startsAt(), meeting.endsAt()),
                meeting.standNumber() != null || meeting.tableNumber() != null
                        ? meeting.place().describe(getLocale(), this::getTranslation)
                        : getTranslation("meetings.hall-table", meeting.place().hall(getLocale()), "—")));
        when.setId("meeting-when");
        Div who = new Div();
        who.setId("meeting-who");
        List<String> perCompany = whoAttends(meeting, this::getTranslation);
        if (perCompany.isEmpty()) {
            who.add(new Paragraph(getTranslation("meeting-grid.meeting.delegates", "—")));
        }
        perCompany.forEach(line -> who.add(new Paragraph(line)));

        moveTo.setId("move-to-slot");
        moveTo.setLabel(getTranslation("meeting-grid.field.move-to"));
        moveTo.setItems(sessionSlots.stream().filter(s -> s.id() != meeting.slotId()).toList());
        moveTo.setItemLabelGenerator(s -> labels.timeRange(s.startsAt(), s.endsAt()));
        moveTo.setWidth("14em");
        moveTo.setManualValidation(true);
        move.setText(getTranslation("meeting-grid.action.move"));
        move.setId("move-meeting");
        move.setIcon(VaadinIcon.ARROWS_LONG_V.create());
        move.addClickListener(e -> move());
        moving = new HorizontalLayout(moveTo, move);
        // on a phone the button goes under the slot: side by side they were wider than the dialog, which then
        // scrolled sideways and cut "Move meeting" (seen at 390 px)
        moving.setWrap(true);
        moving.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        reason.setId("cancel-reason");
        reason.setLabel(getTranslation("meeting-grid.field.cancel-reason"));
        reason.setMaxLength(1000);
        reason.setWidthFull();
        cancelMeeting.setText(getTranslation("meeting-grid.action.cancel-meeting"));
        cancelMeeting.setId("cancel-meeting");
        cancelMeeting.addThemeVariants(ButtonVariant.ERROR);
        // a cancelled meeting is told to both companies at once and comes back only by booking it again: one click
        // beside "Move meeting" was too easy a slip
        cancelMeeting.addClickListener(e -> confirmCancel(labels));

        VerticalLayout content = new VerticalLayout(when, who, new H3(getTranslation("meeting-grid.move")), moving,
                new H3(getTranslation("meeting-grid.cancel")), reason, cancelMeeting);
        content.setPadding(false);
        content.addClassName("meeting-dialog-content");
        add(content);
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("close-meeting-dialog");
        getFooter().add(close);
    }

    private void move() {
        moveTo.setInvalid(false);
        if (moveTo.getValue() == null) {
            moveTo.setErrorMessage(getTranslation("validation.required"));
            moveTo.setInvalid(true);
            return;
        }
        Slot target = moveTo.getValue();
        try {
            meetings.move(meeting.id(), target.id());
            close();
            Notices.success(getTranslation("meeting-grid.moved"));
            changed.run();
        } catch (BookingRefusedException e) {
            Notices.error(getTranslation(e.key(), e.args()));
        }
    }

    private void confirmCancel(ProgramLabels labels) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-cancel-meeting");
        confirm.setHeader(getTranslation("meeting-grid.cancel-confirm.title"));
        confirm.setText(getTranslation("meeting-grid.cancel-confirm.text",
                meeting.requesterName() + " — " + meeting.partnerName(), labels.date(meeting.startsAt()),
                labels.timeRange(meeting.startsAt(), meeting.endsAt())));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("meeting-grid.cancel-confirm.keep"));
        confirm.setConfirmText(getTranslation("meeting-grid.action.cancel-meeting"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> cancelMeeting());
        confirm.open();
    }

    private void cancelMeeting() {
        try {
            requests.cancel(meeting.id(), reason.getValue());
            close();
            Notices.done(getTranslation("meeting-grid.cancelled"));
            changed.run();
        } catch (BookingRefusedException e) {
            Notices.error(getTranslation(e.key(), e.args()));
        }
    }
    /**
     * Who attends, one line a company ("Delegates of A: …"): the two companies' people in one list read as if they
     * all came from one side ("Иван Петров, Иван Петров").
     */
    static List<String> whoAttends(MeetingDetails meeting, BiFunction<String, Object[], String> translation) {
        List<String> lines = new ArrayList<>();
        List<String> requester = meeting.delegatesOf(meeting.requesterId());
        if (!requester.isEmpty()) {
            lines.add(translation.apply("meeting-grid.meeting.delegates-of",
                    new Object[] {meeting.requesterName(), String.join(", ", requester)}));
        }
        List<String> partner = meeting.delegatesOf(meeting.partnerId());
        if (!partner.isEmpty()) {
            lines.add(translation.apply("meeting-grid.meeting.delegates-of",
                    new Object[] {meeting.partnerName(), String.join(", ", partner)}));
        }
        return lines;
    }
}
