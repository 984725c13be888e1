package org.b2bforum.program.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.b2bforum.base.i18n.Plural;
import org.b2bforum.base.ui.FieldErrors;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.program.ForumDay;
import org.b2bforum.program.InvalidProgramException;
import org.b2bforum.program.ProgramLabels;
import org.b2bforum.program.ProgramService;

import org.b2bforum.base.ui.ComponentTexts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/** The forum's days: the list, a date picker to add one, and a button to remove one with nothing on it. */
class DaysPanel extends VerticalLayout {

    /**
     * How far ahead a forum day may lie: the office sets up this year's forum or the next one. A day further off is a
     * mistyped year (2207, 2072 for 2027), which the date picker took as it was: the frame's dates, the badges and the
     * results report then spanned two centuries (ux90).
     */
    static final int YEARS_AHEAD = 2;

    final Grid<ForumDay> grid = new Grid<>();
    final DatePicker day = new DatePicker();
    final Button add = new Button();
    private final FieldErrors errors = new FieldErrors(this);

    private final ProgramService program;
    private final ProgramLabels labels;
    private final Runnable changed;
    private final Clock clock;
    private final ZoneId zone;

    DaysPanel(ProgramService program, ProgramLabels labels, Runnable changed, Clock clock, ZoneId zone) {
        this.program = program;
        this.labels = labels;
        this.changed = changed;
        this.clock = clock;
        this.zone = zone;
        setPadding(false);
        addClassName("program-section");

        grid.setId("days-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(d -> labels.longDate(d.day())).setHeader(getTranslation("program.column.day"));
        // a day added by mistake (a wrong date) would otherwise stay in the frame's dates, on badges and in the report
        grid.addColumn(new ComponentRenderer<>(forumDay -> ChangeDialog.removeButton(
                getTranslation("program.action.remove-day"), "remove-day", () -> confirmRemoval(forumDay))))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("program.days.empty"));
        grid.setAllRowsVisible(true);

        day.setId("day-date");
        day.setLabel(getTranslation("program.field.date"));
        ComponentTexts.datePicker(day);
        add.setText(getTranslation("program.action.add-day"));
        add.setId("add-day");
        add.setIcon(VaadinIcon.PLUS.create());
        add.addClickListener(e -> {
            errors.clear();
            if (!errors.required(day) || !withinReach(day.getValue())) {
                return;
            }
            try {
                program.addDay(day.getValue());
                Notices.success(getTranslation("program.day-added", labels.longDate(day.getValue())));
                day.clear();
                changed.run();
            } catch (InvalidProgramException ex) {
                errors.show(ex.key());
            }
        });
        errors.validating(day).on("program.error.day-exists", day).on("program.error.day-past", day)
                .on(Plural.key("program.error.day-far", YEARS_AHEAD, getLocale()), day);

        HorizontalLayout form = new HorizontalLayout(day, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(new H2(getTranslation("program.days")), grid, form);
    }

    /**
     * A day gone by, or one further ahead than {@link #YEARS_AHEAD} years, is refused next to the field, saying the
     * first or the last day accepted: a forum day is today or ahead (a past date is a typo of the month or the year).
     */
    private boolean withinReach(LocalDate date) {
        LocalDate today = today();
        if (date.isBefore(today)) {
            errors.show("program.error.day-past", labels.longDate(today));
            return false;
        }
        LocalDate last = today.plusYears(YEARS_AHEAD);
        if (date.isAfter(last)) {
            errors.show(Plural.key("program.error.day-far", YEARS_AHEAD, getLocale()), labels.longDate(last),
                    YEARS_AHEAD);
            return false;
        }
        return true;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private void confirmRemoval(ForumDay forumDay) {
        String text = getTranslation("program.remove-day.text");
        int runs = program.schedulesOf(forumDay.id()).runs();
        if (runs > 0) {
            // the runs built to try go with the day: the organizer reads so before, not after
            text = text + " " + getTranslation(Plural.key("program.remove-day.schedules", runs, getLocale()),
                    runs);
        }
        ChangeDialog.confirmRemoval("confirm-remove-day",
                getTranslation("program.remove-day.title", labels.longDate(forumDay.day())), text,
                getTranslation("program.action.remove-day"), () -> remove(forumDay));
    }

    private void remove(ForumDay forumDay) {
        try {
            program.removeDay(forumDay.id());
            Notices.done(getTranslation("program.day-removed", labels.longDate(forumDay.day())));
        } catch (InvalidProgramException ex) {
            Notices.error(getTranslation(ex.key(), labels.longDate(forumDay.day())));
        }
        changed.run();
    }

    void show(List<ForumDay> days) {
        grid.setItems(days);
    }
}
