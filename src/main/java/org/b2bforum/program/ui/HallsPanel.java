package org.b2bforum.program.ui;

import java.util.List;

import org.b2bforum.base.i18n.Plural;
import org.b2bforum.base.i18n.Bilingual;
import org.b2bforum.base.ui.FieldErrors;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.program.Hall;
import org.b2bforum.program.InvalidProgramException;
import org.b2bforum.program.ProgramChangeRefusedException;
import org.b2bforum.program.ProgramService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/** Halls and their numbered tables: the list, a form to add a hall, and a dialog to change a hall's table count. */
class HallsPanel extends VerticalLayout {

    static final int MAX_NAME = 100;

    final Grid<Hall> grid = new Grid<>();
    final TextField name = new TextField();
    final TextField nameEn = new TextField();
    final IntegerField tables = tableField();
    final Button add = new Button();
    private final ProgramService program;
    private final Runnable changed;
    private final FieldErrors errors = new FieldErrors(this);

    HallsPanel(ProgramService program, Runnable changed) {
        this.program = program;
        this.changed = changed;
        setPadding(false);
        addClassName("program-section");

        grid.setId("halls-grid");
        // the hall's name wraps rather than ending in "…" beside the wide button on a phone
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(hall -> hall.name(getLocale())).setHeader(getTranslation("program.column.hall")).setFlexGrow(2);
        grid.addColumn(Hall::tableCount).setHeader(getTranslation("program.column.tables")).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(hall -> {
            Button change = new Button(getTranslation("program.action.change-tables"), VaadinIcon.EDIT.create(),
                    e -> changeTables(hall));
            change.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            change.addClassName("change-tables"); // only its icon on a phone (forum.css): the hall's name needs the room
            change.setTooltipText(getTranslation("program.action.change-tables"));
            change.getElement().setAttribute("aria-label", getTranslation("program.action.change-tables"));
            return change;
        })).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("program.halls.empty"));
        grid.setAllRowsVisible(true);

        name.setId("hall-name");
        name.setLabel(getTranslation("program.field.hall-name"));
        name.setMaxLength(MAX_NAME);
        name.setRequiredIndicatorVisible(true);
        englishName(nameEn);
        tables.setId("hall-tables");
        add.setText(getTranslation("program.action.add-hall"));
        add.setId("add-hall");
        add.setIcon(VaadinIcon.PLUS.create());
        add.addClickListener(e -> addHall());
        errors.validating(name, nameEn, tables).on("validation.required", name).on("validation.too-long", name)
                .on("program.error.hall-exists", name).on("program.error.hall-en-too-long", nameEn)
                .on("program.error.table-count", tables);

        HorizontalLayout form = new HorizontalLayout(name, nameEn, tables, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(new H2(getTranslation("program.halls")), grid, form);
    }

    void show(List<Hall> halls) {
        grid.setItems(halls);
    }

    private void addHall() {
        errors.clear();
        if (!errors.required(name, tables)) {
            return;
        }
        try {
            program.addHall(name.getValue(), nameEn.getValue(), tables.getValue());
            Notices.success(getTranslation("program.hall-added", name.getValue().trim()));
            name.clear();
            nameEn.clear();
            changed.run();
        } catch (InvalidProgramException ex) {
            errors.show(ex.key());
        }
    }

    private void changeTables(Hall hall) {
        Dialog dialog = new Dialog(getTranslation("program.change-tables.title", hall.name(getLocale())));
        dialog.setId("change-tables-dialog");
        IntegerField count = tableField();
        count.setId("new-table-count");
        count.setValue(hall.tableCount());
        TextField english = englishName(new TextField());
        english.setId("new-hall-name-en");
        english.setValue(hall.nameEn() == null ? "" : hall.nameEn());
        FieldErrors dialogErrors = new FieldErrors(dialog).validating(english, count)
                .on("program.error.hall-en-too-long", english).on("program.error.table-count", count);
        Button save = new Button(getTranslation("action.save"), e -> {
            dialogErrors.clear();
            if (!dialogErrors.required(count)) {
                return;
            }
            try {
                program.changeHall(hall.id(), english.getValue(), count.getValue());
                dialog.close();
                Notices.success(getTranslation(Plural.key("program.tables-changed", count.getValue(), getLocale()),
                        new Bilingual(hall.name(), english.getValue().trim()).in(getLocale()), count.getValue()));
                changed.run();
            } catch (InvalidProgramException ex) {
                dialogErrors.show(ex.key());
            } catch (ProgramChangeRefusedException ex) {
                dialog.close();
                ConflictDialog.show(ex.affectedMeetings());
            }
        });
        save.setId("save-table-count");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.add(new VerticalLayout(english, count));
        dialog.getFooter().add(cancel, save);
        dialog.open();
        count.focus();
    }

    private TextField englishName(TextField field) {
        field.setId(field.getId().orElse("hall-name-en"));
        field.setLabel(getTranslation("program.field.hall-name-en"));
        field.setHelperText(getTranslation("program.field.name-en.helper"));
        field.setMaxLength(MAX_NAME);
        field.setWidth("18em"); // its label whole, not cut to "Название зала на англ…" (AccessibilityIT)
        return field;
    }

    private IntegerField tableField() {
        IntegerField field = new IntegerField(getTranslation("program.field.tables"));
        field.setMin(1);
        field.setMax(500);
        field.setStepButtonsVisible(true);
        field.setValue(10);
        field.setRequiredIndicatorVisible(true);
        field.setWidth("10em");
        return field;
    }
}
