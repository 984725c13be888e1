package org.b2bforum.program.ui;

import java.util.List;

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

/** The forum's days: the list and a date picker to add one. */
class DaysPanel extends VerticalLayout {

    final Grid<ForumDay> grid = new Grid<>();
    final DatePicker day = new DatePicker();
    final Button add = new Button();
    private final FieldErrors errors = new FieldErrors(this);

    DaysPanel(ProgramService program, ProgramLabels labels, Runnable changed) {
        setPadding(false);
        addClassName("program-section");

        grid.setId("days-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(d -> labels.longDate(d.day())).setHeader(getTranslation("program.column.day"));
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
            if (!errors.required(day)) {
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
        errors.validating(day).on("program.error.day-exists", day);

        HorizontalLayout form = new HorizontalLayout(day, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(new H2(getTranslation("program.days")), grid, form);
    }

    void show(List<ForumDay> days) {
        grid.setItems(days);
    }
}
