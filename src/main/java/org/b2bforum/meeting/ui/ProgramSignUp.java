package org.b2bforum.meeting.ui;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2bforum.base.i18n.MeetingLine;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.meeting.DelegateChoice;
import org.b2bforum.program.ForumDay;
import org.b2bforum.program.InvalidProgramException;
import org.b2bforum.program.ProgramChangeRefusedException;
import org.b2bforum.program.ProgramItem;
import org.b2bforum.program.ProgramItems;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * A day's program (plenary, round tables, presentations) with the company's delegates who attend
 * each item, and a dialog to sign them up or off. A sign-up that would clash with confirmed
 * meetings is refused, and those meetings are listed. The items the agenda's list above already
 * shows are left out here; their sign-up goes with their line there ({@link #attendance}).
 */
class ProgramSignUp extends Div {

    private final ProgramItems programItems;
    private final List<DelegateChoice> delegates;
    private final ForumDates dates;
    private final Runnable changed;

    ProgramSignUp(ProgramItems programItems, List<DelegateChoice> delegates, ForumDates dates, Runnable changed) {
        this.programItems = programItems;
        this.delegates = delegates;
        this.dates = dates;
        this.changed = changed;
        setId("agenda-program");
        addClassName("program-list");
    }

    private Map<Long, ProgramItem> dayItems = Map.of();
    private Map<Long, Set<DelegateChoice>> attendees = Map.of();

    /**
     * Shows the day's program but the items {@code listedAbove} (the agenda's list shows those, with
     * {@link #attendance}): an item the delegates attend was listed twice, in the list and here (ux56).
     */
    void show(ForumDay day, Set<Long> listedAbove) {
        removeAll();
        List<ProgramItem> items = day == null ? List.of()
                : programItems.all().stream().filter(item -> item.dayId() == day.id()).toList();
        dayItems = new HashMap<>();
        items.forEach(item -> dayItems.put(item.id(), item));
        attendees = attendees();
        List<ProgramItem> rest = items.stream().filter(item -> !listedAbove.contains(item.id())).toList();
        for (ProgramItem item : rest) {
            add(item(item, attendees.getOrDefault(item.id(), Set.of())));
        }
        if (rest.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation(items.isEmpty() ? "agenda.program.empty"
                    : "agenda.program.all-listed"));
            empty.addClassName("empty-hint");
            add(empty);
        }
    }

    /**
     * Who of the delegates attend an item of the day shown, and the button to change it, for the item's line in the
     * agenda's list; nothing for an item not of that day.
     */
    List<com.vaadin.flow.component.Component> attendance(long itemId) {
        ProgramItem item = dayItems.get(itemId);
        if (item == null) {
            return List.of();
        }
        Set<DelegateChoice> attending = attendees.getOrDefault(itemId, Set.of());
        return List.of(who(attending), signUpButton(item, attending));
    }

    /** Which of the company's delegates attend which program item. */
    private Map<Long, Set<DelegateChoice>> attendees() {
        Map<Long, Set<DelegateChoice>> attendees = new HashMap<>();
        for (DelegateChoice delegate : delegates) {
            for (ProgramItem item : programItems.attendedBy(List.of(delegate.id()))) {
                attendees.computeIfAbsent(item.id(), id -> new HashSet<>()).add(delegate);
            }
        }
        return attendees;
    }

    private Div item(ProgramItem item, Set<DelegateChoice> attending) {
        Div row = new Div();
        row.addClassName("agenda-entry");
        row.addClassName("program-item");
        row.setId("program-item-" + item.id());
        Span time = new Span(dates.times(item.startsAt(), item.endsAt()));
        time.addClassName("agenda-time");

        Span kind = new Span(getTranslation(item.kind().translationKey()));
        kind.addClassName("program-kind");
        Div title = new Div(new Span(item.title(getLocale())));
        title.addClassName("agenda-title");
        Paragraph place = new Paragraph(item.place(getLocale()));
        place.addClassName("agenda-place");
        Div body = new Div(kind, title, place, who(attending), signUpButton(item, attending));
        body.addClassName("agenda-body");
        row.add(time, body);
        return row;
    }

    private Paragraph who(Set<DelegateChoice> attending) {
        Paragraph who = new Paragraph(attending.isEmpty() ? getTranslation("agenda.program.nobody")
                : getTranslation("agenda.program.attending") + ": " + names(attending));
        who.addClassName("agenda-small");
        who.addClassName("program-attending");
        return who;
    }

    private Button signUpButton(ProgramItem item, Set<DelegateChoice> attending) {
        Button signUp = new Button(getTranslation(attending.isEmpty() ? "agenda.program.sign-up"
                : "agenda.program.change"), VaadinIcon.USER_CHECK.create(), e -> dialog(item, attending));
        signUp.setId("sign-up-" + item.id());
        signUp.addThemeVariants(ButtonVariant.SMALL);
        return signUp;
    }

    private String names(Set<DelegateChoice> attending) {
        return String.join(", ", delegates.stream().filter(attending::contains).map(DelegateChoice::fullName).toList());
    }

    private void dialog(ProgramItem item, Set<DelegateChoice> attending) {
        Dialog dialog = new Dialog(item.title(getLocale()));
        dialog.setId("sign-up-dialog");
        Paragraph when = new Paragraph(dates.when(item.startsAt(), item.endsAt()) + " · " + item.place(getLocale()));
        CheckboxGroup<DelegateChoice> who = new CheckboxGroup<>(getTranslation("agenda.program.who"));
        who.setId("sign-up-delegates");
        who.setItems(delegates);
        who.setItemLabelGenerator(DelegateChoice::fullName);
        who.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        who.setValue(attending);
        Div error = new Div();
        error.setId("sign-up-error");
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        Button save = new Button(getTranslation("action.save"), e -> save(dialog, error, item, attending, who.getValue()));
        save.setId("confirm-sign-up");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button close = new Button(getTranslation("action.cancel"), e -> dialog.close());
        VerticalLayout body = new VerticalLayout(when, who, error);
        body.setPadding(false);
        dialog.add(body);
        dialog.getFooter().add(close, save);
        dialog.setWidth("min(100vw, 34em)");
        dialog.open();
    }

    private void save(Dialog dialog, Div error, ProgramItem item, Set<DelegateChoice> before, Set<DelegateChoice> after) {
        List<Long> added = after.stream().filter(d -> !before.contains(d)).map(DelegateChoice::id).toList();
        List<Long> removed = before.stream().filter(d -> !after.contains(d)).map(DelegateChoice::id).toList();
        try {
            // signing up may be refused; withdrawing never is, so it goes second
            if (!added.isEmpty()) {
                programItems.signUp(item.id(), added);
            }
            if (!removed.isEmpty()) {
                programItems.withdraw(item.id(), removed);
            }
            dialog.close();
            Notices.success(getTranslation("agenda.program.saved"));
        } catch (ProgramChangeRefusedException e) {
            error.removeAll();
            error.add(new Paragraph(getTranslation("agenda.program.conflict")));
            UnorderedList list = new UnorderedList();
            e.affectedMeetings().forEach(m -> list.add(new ListItem(MeetingLine.inWords(m, getLocale(), this::getTranslation))));
            error.add(list);
            error.setVisible(true);
            Notices.error(getTranslation("agenda.program.conflict"));
        } catch (InvalidProgramException e) {
            error.removeAll();
            error.add(new Paragraph(getTranslation(e.key())));
            error.setVisible(true);
        }
        changed.run();
    }
}
