package org.b2bforum.meeting.ui;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.b2bforum.base.ui.Notices;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.DelegateChoice;
import org.b2bforum.meeting.MeetingAttendees;
import org.b2bforum.meeting.MeetingDetails;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Who of the company attends one of its confirmed meetings: those attending ticked, or the first delegate when nobody
 * goes yet (a meeting the other side booked instantly, ux57). A refusal stays in the dialog, in words, except a delegate
 * removed meanwhile: then the dialog's list is out of date, and the page's list is read again under a warning.
 */
class AttendeesDialog extends Dialog {

    /** A delegate ticked here was removed by the company meanwhile: the dialog closes and the list is read again. */
    static final String DELEGATE_REMOVED = "meeting.error.delegate-removed";

    final CheckboxGroup<DelegateChoice> delegates = new CheckboxGroup<>();
    final Div error = new Div();

    /** @param done reloads the list after a change */
    AttendeesDialog(MeetingAttendees attendees, List<DelegateChoice> mine, MeetingDetails meeting, long me,
            String whenAndWhere, Runnable done) {
        setId("attendees-dialog");
        setHeaderTitle(getTranslation("meetings.attendees.title", meeting.counterpartName(me)));
        setWidth("min(100vw, 34em)");
        delegates.setId("attendees-delegates");
        DelegateField.setUp(delegates, mine, getTranslation("meetings.accept.delegates"),
                getTranslation("meeting.error.no-delegates"));
        Set<Long> now = attendees.myAttendees(meeting.id());
        if (!now.isEmpty()) {
            delegates.setValue(mine.stream().filter(d -> now.contains(d.id())).collect(Collectors.toSet()));
        }
        error.setId("dialog-error");
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        Button save = new Button(getTranslation("meetings.attendees.save"), e -> {
            if (delegates.getValue().isEmpty()) {
                delegates.setInvalid(true);
                return;
            }
            try {
                attendees.choose(meeting.id(), delegates.getValue().stream().map(DelegateChoice::id).toList());
            } catch (BookingRefusedException refused) {
                if (DELEGATE_REMOVED.equals(refused.key())) {
                    // the list of delegates ticked here is out of date: the list is read again, and the words stay
                    close();
                    Notices.warning(getTranslation(refused.key()));
                    done.run();
                    return;
                }
                error.setText(getTranslation(refused.key(), refused.args()));
                error.setVisible(true);
                return;
            }
            close();
            Notices.success(getTranslation("meetings.attendees.saved"));
            done.run();
        });
        save.setId("confirm-attendees");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button close = new Button(getTranslation("action.cancel"), e -> close());
        close.setId("close-dialog");
        VerticalLayout body = new VerticalLayout(new Paragraph(whenAndWhere), delegates, error);
        body.setPadding(false);
        add(body);
        getFooter().add(close, save);
    }
}
