package org.b2bforum.program.ui;

import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

import org.b2bforum.base.i18n.Bilingual;
import org.b2bforum.base.ui.FieldErrors;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.program.ForumDay;
import org.b2bforum.program.Hall;
import org.b2bforum.program.InvalidProgramException;
import org.b2bforum.program.NegotiationSession;
import org.b2bforum.program.ProgramChangeRefusedException;
import org.b2bforum.program.ProgramLabels;
import org.b2bforum.program.ProgramService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/** Negotiation sessions: blocks of slots in one hall. The list, a dialog to rename one, removal, and a form to add one. */
class SessionsPanel extends VerticalLayout {

    static final int MAX_NAME = 200;

    final Grid<NegotiationSession> grid = new Grid<>();
    final Select<ForumDay> day = new Select<>();
    final Select<Hall> hall = new Select<>();
    final TextField name = new TextField();
    final TextField nameEn = new TextField();
    final TimePicker start = new TimePicker();
    final TimePicker end = new TimePicker();
    final IntegerField slotMinutes = new IntegerField();
    final IntegerField pauseMinutes = new IntegerField();
    final Button add = new Button();
    private final ProgramService program;
    private final ProgramLabels labels;
    private final Runnable changed;
    private final FieldErrors errors = new FieldErrors(this);

    SessionsPanel(ProgramService program, ProgramLabels labels, Runnable changed) {
        this.program = program;
        this.labels = labels;
        this.changed = changed;
        setPadding(false);
        addClassName("program-section");

        grid.setId("sessions-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(s -> labels.date(s.startsAt())).setHeader(getTranslation("program.column.day")).setAutoWidth(true);
        grid.addColumn(s -> s.hallName(getLocale())).setHeader(getTranslation("program.column.hall")).setWidth("9rem")
                .setFlexGrow(1);
        grid.addColumn(s -> s.name(getLocale())).setHeader(getTranslation("program.column.session")).setWidth("10rem")
                .setFlexGrow(3)
                .setTooltipGenerator(s -> s.name(getLocale()));
        grid.addColumn(s -> labels.timeRange(s.startsAt(), s.endsAt())).setHeader(getTranslation("program.column.time"))
                .setAutoWidth(true);
        grid.addColumn(NegotiationSession::slotMinutes).setHeader(getTranslation("program.column.slot-minutes"))
                .setWidth("6rem").setFlexGrow(0);
        grid.addColumn(NegotiationSession::pauseMinutes).setHeader(getTranslation("program.column.pause-minutes"))
                .setWidth("6rem").setFlexGrow(0);
        grid.addColumn(NegotiationSession::slotCount).setHeader(getTranslation("program.column.slots")).setWidth("5rem")
                .setFlexGrow(0); // the numbers' headers on two lines rather than the session's name cut to a word,
                                 // and all of it no wider than the page at 1280 px
        grid.addColumn(new ComponentRenderer<>(session -> {
            Button change = ChangeDialog.rowButton(getTranslation("program.action.change-session"), "change-session",
                    () -> change(session));
            Button remove = ChangeDialog.removeButton(getTranslation("program.action.remove-session"),
                    "remove-session", () -> confirmRemoval(session));
            return ChangeDialog.rowActions(change, remove);
        })).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true); // in reach on a phone, where the grid scrolls
        grid.setEmptyStateText(getTranslation("program.sessions.empty"));
        grid.setAllRowsVisible(true);

        day.setId("session-day");
        day.setLabel(getTranslation("program.field.day"));
        day.setItemLabelGenerator(d -> labels.date(d.day()));
        day.setRequiredIndicatorVisible(true);
        hall.setId("session-hall");
        hall.setLabel(getTranslation("program.field.hall"));
        hall.setItemLabelGenerator(h -> h.name(getLocale()));
        hall.setRequiredIndicatorVisible(true);
        name.setId("session-name");
        name.setLabel(getTranslation("program.field.session-name"));
        name.setMaxLength(MAX_NAME);
        name.setRequiredIndicatorVisible(true);
        nameEn.setId("session-name-en");
        nameEn.setLabel(getTranslation("program.field.session-name-en"));
        nameEn.setHelperText(getTranslation("program.field.name-en.helper"));
        nameEn.setMaxLength(MAX_NAME);
        for (TimePicker time : List.of(start, end)) {
            time.setStep(Duration.ofMinutes(5));
            time.setRequiredIndicatorVisible(true);
            time.setHelperText(getTranslation("program.forum-time", labels.zoneName()));
            time.setWidth("9em");
        }
        start.setId("session-start");
        start.setLabel(getTranslation("program.field.start"));
        end.setId("session-end");
        end.setLabel(getTranslation("program.field.end"));
        slotMinutes.setId("session-slot-minutes");
        slotMinutes.setLabel(getTranslation("program.field.slot-minutes"));
        slotMinutes.setMin(5);
        slotMinutes.setMax(240);
        slotMinutes.setValue(20);
        pauseMinutes.setId("session-pause-minutes");
        pauseMinutes.setLabel(getTranslation("program.field.pause-minutes"));
        pauseMinutes.setMin(0);
        pauseMinutes.setMax(120);
        pauseMinutes.setValue(0);
        for (IntegerField minutes : List.of(slotMinutes, pauseMinutes)) {
            minutes.setStepButtonsVisible(true);
            minutes.setRequiredIndicatorVisible(true);
            minutes.setWidth("10em");
        }
        add.setText(getTranslation("program.action.add-session"));
        add.setId("add-session");
        add.setIcon(VaadinIcon.PLUS.create());
        add.addClickListener(e -> addSession());
        errors.validating(day, hall, name, nameEn, start, end, slotMinutes, pauseMinutes)
                .on("validation.required", name).on("validation.too-long", name)
                .on("program.error.session-en-too-long", nameEn).on("program.error.end-before-start", end)
                .on("program.error.slot-length", slotMinutes).on("program.error.hall-busy", hall)
                .on("program.error.slot-longer-than-session", slotMinutes);

        HorizontalLayout where = new HorizontalLayout(day, hall, name, nameEn);
        HorizontalLayout when = new HorizontalLayout(start, end, slotMinutes, pauseMinutes, add);
        for (HorizontalLayout row : List.of(where, when)) {
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
        }
        name.setWidth("24em");
        nameEn.setWidth("24em");
        add(new H2(getTranslation("program.sessions")), grid, where, when);
    }

    void show(List<NegotiationSession> sessions, List<ForumDay> days, List<Hall> halls) {
        grid.setItems(sessions);
        setKeepingSelection(day, days, ForumDay::id);
        setKeepingSelection(hall, halls, Hall::id);
    }

    private void addSession() {
        errors.clear();
        if (!errors.required(day, hall, name, start, end, slotMinutes, pauseMinutes)) {
            return;
        }
        try {
            long id = program.addSession(day.getValue().id(), hall.getValue().id(), name.getValue(), nameEn.getValue(),
                    start.getValue(), end.getValue(), slotMinutes.getValue(), pauseMinutes.getValue());
            Notices.success(getTranslation("program.session-added", name.getValue().trim(), program.slots(id).size()));
            name.clear();
            nameEn.clear();
            changed.run();
        } catch (InvalidProgramException ex) {
            errors.show(ex.key(), ex.params());
        }
    }

    /** Renames a session in Russian and English; its times and slots stay (meetings are booked in them). */
    private void change(NegotiationSession session) {
        ChangeDialog dialog = new ChangeDialog("change-session-dialog",
                getTranslation("program.change-session.title", session.name(getLocale())),
                getTranslation("program.change-session.hint"));
        TextField newName = dialog.field("change-session-name", "program.field.session-name", MAX_NAME,
                session.name(), true);
        TextField newNameEn = dialog.field("change-session-name-en", "program.field.session-name-en", MAX_NAME,
                session.nameEn(), false);
        dialog.on("validation.required", newName).on("validation.too-long", newName)
                .on("program.error.session-en-too-long", newNameEn);
        dialog.open(() -> {
            program.changeSession(session.id(), newName.getValue(), newNameEn.getValue());
            Notices.success(getTranslation("program.session-changed",
                    new Bilingual(newName.getValue().trim(), newNameEn.getValue().trim()).in(getLocale())));
            changed.run();
        });
    }

    private void confirmRemoval(NegotiationSession session) {
        ChangeDialog.confirmRemoval("confirm-remove-session",
                getTranslation("program.remove-session.title", session.name(getLocale())),
                getTranslation("program.remove-session.text", session.hallName(getLocale()),
                        labels.date(session.startsAt()), labels.timeRange(session.startsAt(), session.endsAt()),
                        session.slotCount()),
                getTranslation("program.action.remove-session"), () -> remove(session));
    }

    private void remove(NegotiationSession session) {
        try {
            program.removeSession(session.id());
            Notices.done(getTranslation("program.session-removed", session.name(getLocale())));
        } catch (ProgramChangeRefusedException ex) {
            ConflictDialog.show(ex.affectedMeetings());
        }
        changed.run();
    }

    /** New items (a hall's table count may have changed), the same choice by id. */
    static <T> void setKeepingSelection(Select<T> select, List<T> items, ToLongFunction<T> id) {
        T selected = select.getValue();
        select.setItems(items);
        if (selected != null) {
            items.stream().filter(item -> id.applyAsLong(item) == id.applyAsLong(selected)).findFirst()
                    .ifPresent(select::setValue);
        }
    }
}
