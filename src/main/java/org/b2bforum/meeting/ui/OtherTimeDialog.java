package org.b2bforum.meeting.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.b2bforum.base.ui.Notices;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.DelegateChoice;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.MeetingDetails;
import org.b2bforum.meeting.SlotOption;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * A request that cannot be accepted at its time (taken while the company was answering): the
 * company proposes another time, free for both, which the requester then accepts or declines, or
 * declines the request.
 */
class OtherTimeDialog extends Dialog {

    final CheckboxGroup<DelegateChoice> delegates = new CheckboxGroup<>();
    final Select<SlotOption> slot = new Select<>();
    /**
     * The day whose free times the time's list shows, when they span several days: all of them in one list were 141
     * times on a phone (35 free times in 4 halls over 3 days, ux52). The request's own day first.
     */
    final Select<LocalDate> day = new Select<>();
    final TextArea message = new TextArea();
    final Paragraph noSlots = new Paragraph();
    final Div error = new Div();
    final Button propose = new Button();
    final Button decline = new Button();

    private final MeetingQueries meetings;
    private final MeetingRequests requests;
    private final MeetingDetails request;
    private final long me;
    private final Runnable done;
    private final ForumDates dates;
    private List<SlotOption> options = List.of();

    /**
     * @param reason  why the asked time is gone, in words, or null when opened from the list
     * @param done    reloads the list after an answer
     */
    OtherTimeDialog(MeetingQueries meetings, MeetingRequests requests, MeetingDetails request, long me, ForumDates dates, String reason,
            Runnable done) {
        this.meetings = meetings;
        this.requests = requests;
        this.request = request;
        this.me = me;
        this.done = done;
        this.dates = dates;
        setId("other-time-dialog");
        setHeaderTitle(getTranslation("meetings.other-time.title", request.counterpartName(me)));
        setWidth("min(100vw, 34em)");

        Paragraph why = new Paragraph(reason == null ? getTranslation("meetings.taken-meanwhile") : reason);
        why.setId("other-time-reason");
        why.addClassName("form-error");
        Paragraph how = new Paragraph(getTranslation("meetings.other-time.hint", request.counterpartName(me),
                dates.when(request.startsAt(), request.endsAt())));
        how.addClassName("hint");

        List<DelegateChoice> mine = meetings.myDelegates();
        delegates.setId("other-time-delegates");
        DelegateField.setUp(delegates, mine, getTranslation("meetings.accept.delegates"),
                getTranslation("meeting.error.no-delegates"));
        delegates.addValueChangeListener(e -> refreshSlots());

        day.setId("other-time-day");
        day.setLabel(getTranslation("meetings.other-time.day"));
        day.setItemLabelGenerator(dates::day);
        day.setWidthFull();
        day.setVisible(false);
        day.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                showDay();
            }
        });

        slot.setId("other-time-slot");
        slot.setLabel(getTranslation("request-meeting.slot"));
        slot.setPlaceholder(getTranslation("request-meeting.slot.placeholder"));
        slot.setErrorMessage(getTranslation("request-meeting.slot.required"));
        slot.setItemLabelGenerator(o -> dates.when(o.startsAt(), o.endsAt()) + " · " + o.hallName(getLocale()));
        slot.setWidthFull();
        noSlots.setId("other-time-no-slots");
        noSlots.addClassName("hint");
        noSlots.setText(getTranslation("request-meeting.no-slots"));

        message.setId("other-time-message");
        message.setLabel(getTranslation("request-meeting.message"));
        message.setHelperText(getTranslation("meetings.optional"));
        message.setMaxLength(1000);
        message.setWidthFull();

        error.setId("other-time-error");
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        VerticalLayout body = new VerticalLayout(why, how, delegates, day, slot, noSlots, message, error);
        body.setPadding(false);
        add(body);

        propose.setText(getTranslation("meetings.other-time.propose"));
        propose.setId("confirm-other-time");
        propose.addThemeVariants(ButtonVariant.PRIMARY);
        propose.addClickListener(e -> propose());
        decline.setText(getTranslation("meetings.decline"));
        decline.setId("other-time-decline");
        decline.addClickListener(e -> answer(() -> requests.decline(request.id(), message.getValue()),
                "meetings.declined", Notices::done));
        Button close = new Button(getTranslation("action.cancel"), e -> close());
        close.setId("close-other-time");
        getFooter().add(close, decline, propose);
        refreshSlots();
    }

    /**
     * Takes over what was chosen and written in the refused acceptance: the delegates (the times are loaded for them)
     * and the answer, now the message that goes with the other time.
     */
    OtherTimeDialog carryOver(java.util.Set<DelegateChoice> chosen, String text) {
        if (!chosen.isEmpty()) {
            delegates.setValue(chosen);
        }
        message.setValue(text == null ? "" : text);
        return this;
    }

    private void refreshSlots() {
        options = delegates.getValue().isEmpty() ? List.of()
                : meetings.freeSlotsWith(request.counterpartId(me),
                        delegates.getValue().stream().map(DelegateChoice::id).toList());
        List<LocalDate> days = options.stream().map(o -> dates.day(o.startsAt())).distinct().toList();
        LocalDate shown = day.getValue() != null && days.contains(day.getValue()) ? day.getValue()
                : days.contains(dates.day(request.startsAt())) ? dates.day(request.startsAt())
                : days.isEmpty() ? null : days.getFirst();
        day.setItems(days);
        day.setValue(shown);
        day.setVisible(days.size() > 1);
        showDay();
        slot.setEnabled(!options.isEmpty());
        noSlots.setVisible(options.isEmpty());
        propose.setEnabled(!options.isEmpty());
    }

    /** Lists the free times of the day chosen, keeping the time chosen if it is among them. */
    private void showDay() {
        SlotOption chosen = slot.getValue();
        List<SlotOption> shown = options.stream()
                .filter(o -> day.getValue() == null || dates.day(o.startsAt()).equals(day.getValue())).toList();
        slot.setItems(shown);
        slot.setValue(chosen != null && shown.contains(chosen) ? chosen : null);
    }

    private void propose() {
        delegates.setInvalid(delegates.getValue().isEmpty());
        slot.setInvalid(slot.getValue() == null);
        if (delegates.isInvalid() || slot.isInvalid()) {
            return;
        }
        answer(() -> requests.proposeOtherTime(request.id(), slot.getValue().slotId(),
                delegates.getValue().stream().map(DelegateChoice::id).toList(), message.getValue()),
                "meetings.other-time.sent", Notices::success);
    }

    /**
     * Runs the answer and says it is done as {@code notice} does (a declined request is not good news); a refusal stays
     * in the dialog, in words, with the times loaded again.
     */
    private void answer(Runnable action, String doneKey, Consumer<String> notice) {
        try {
            action.run();
            close();
            notice.accept(getTranslation(doneKey, request.counterpartName(me)));
        } catch (BookingRefusedException e) {
            error.setText(getTranslation(e.key(), e.args()));
            error.setVisible(true);
            refreshSlots();
        }
        done.run();
    }
}
