package org.b2bforum.program.ui;

import java.time.Duration;
import java.util.List;

import org.b2bforum.base.i18n.Bilingual;
import org.b2bforum.base.ui.FieldErrors;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.program.ForumDay;
import org.b2bforum.program.InvalidProgramException;
import org.b2bforum.program.ProgramItem;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.program.ProgramItems;
import org.b2bforum.program.ProgramLabels;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/** Plenary sessions, round tables and presentations: the list, a dialog to change one's names, and a form to add one. */
class ProgramItemsPanel extends VerticalLayout {

    static final int MAX_TITLE = 300;
    static final int MAX_PLACE = 200;

    final Grid<ProgramItem> grid = new Grid<>();
    final Select<ForumDay> day = new Select<>();
    final Select<ProgramItemKind> kind = new Select<>();
    final TextField title = new TextField();
    final TextField titleEn = new TextField();
    final TextField place = new TextField();
    final TextField placeEn = new TextField();
    final TimePicker start = new TimePicker();
    final TimePicker end = new TimePicker();
    final Button add = new Button();
    private final ProgramItems programItems;
    private final ProgramLabels labels;
    private final Runnable changed;
    private final FieldErrors errors = new FieldErrors(this);

    ProgramItemsPanel(ProgramItems programItems, ProgramLabels labels, Runnable changed) {
        this.programItems = programItems;
        this.labels = labels;
        this.changed = changed;
        setPadding(false);
        addClassName("program-section");

        grid.setId("program-items-grid");
        // titles are long ("Круглый стол «…»"): wrapped, they are read whole, on a phone too, not cut to "Круглый с…"
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(p -> labels.date(p.startsAt())).setHeader(getTranslation("program.column.day")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.kind().translationKey())).setHeader(getTranslation("program.column.kind"))
                .setAutoWidth(true);
        // 10.5rem growing: a row with its change button no wider than the page at 1280 px beside the menu
        grid.addColumn(p -> p.title(getLocale())).setHeader(getTranslation("program.column.title")).setWidth("10.5rem")
                .setFlexGrow(2)
                .setTooltipGenerator(p -> p.title(getLocale()));
        grid.addColumn(p -> p.place(getLocale())).setHeader(getTranslation("program.column.place")).setWidth("9rem")
                .setFlexGrow(1);
        grid.addColumn(p -> labels.timeRange(p.startsAt(), p.endsAt())).setHeader(getTranslation("program.column.time"))
                .setAutoWidth(true);
        grid.addColumn(ProgramItem::attendeeCount).setHeader(getTranslation("program.column.attendees"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(item -> ChangeDialog.rowActions(ChangeDialog.rowButton(
                getTranslation("program.action.change-item"), "change-item", () -> change(item)),
                ChangeDialog.removeButton(getTranslation("program.action.remove-item"), "remove-item",
                        () -> confirmRemoval(item)))))
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true); // in reach on a phone, where the grid scrolls
        grid.setEmptyStateText(getTranslation("program.items.empty"));
        grid.setAllRowsVisible(true);

        day.setId("item-day");
        day.setLabel(getTranslation("program.field.day"));
        day.setItemLabelGenerator(d -> labels.date(d.day()));
        kind.setId("item-kind");
        kind.setLabel(getTranslation("program.field.kind"));
        kind.setItems(ProgramItemKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.translationKey()));
        kind.setWidth("16em");
        title.setId("item-title");
        title.setLabel(getTranslation("program.field.title"));
        title.setMaxLength(MAX_TITLE);
        title.setWidth("30em");
        place.setId("item-place");
        place.setLabel(getTranslation("program.field.place"));
        place.setMaxLength(MAX_PLACE);
        titleEn.setId("item-title-en");
        titleEn.setLabel(getTranslation("program.field.title-en"));
        titleEn.setMaxLength(MAX_TITLE);
        titleEn.setWidth("30em");
        placeEn.setId("item-place-en");
        placeEn.setLabel(getTranslation("program.field.place-en"));
        placeEn.setMaxLength(MAX_PLACE);
        placeEn.setWidth("16em");
        List.of(titleEn, placeEn).forEach(field -> field.setHelperText(getTranslation("program.field.name-en.helper")));
        for (TimePicker time : List.of(start, end)) {
            time.setStep(Duration.ofMinutes(5));
            time.setHelperText(getTranslation("program.forum-time", labels.zoneName()));
            time.setWidth("9em");
        }
        start.setId("item-start");
        start.setLabel(getTranslation("program.field.start"));
        end.setId("item-end");
        end.setLabel(getTranslation("program.field.end"));
        List.of(day, kind).forEach(select -> select.setRequiredIndicatorVisible(true));
        List.of(title, place).forEach(field -> field.setRequiredIndicatorVisible(true));
        List.of(start, end).forEach(field -> field.setRequiredIndicatorVisible(true));
        add.setText(getTranslation("program.action.add-item"));
        add.setId("add-item");
        add.setIcon(VaadinIcon.PLUS.create());
        add.addClickListener(e -> addItem());
        errors.validating(kind, title, titleEn, place, placeEn, day, start, end)
                .on("validation.required", title).on("validation.too-long", title)
                .on("program.error.title-en-too-long", titleEn).on("program.error.place-required", place)
                .on("program.error.place-too-long", place)
                .on("program.error.place-en-too-long", placeEn).on("program.error.end-before-start", end);

        HorizontalLayout what = new HorizontalLayout(kind, title, place);
        HorizontalLayout inEnglish = new HorizontalLayout(titleEn, placeEn);
        HorizontalLayout when = new HorizontalLayout(day, start, end, add);
        for (HorizontalLayout row : List.of(what, inEnglish, when)) {
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
        }
        add(new H2(getTranslation("program.items")), grid, what, inEnglish, when);
    }

    void show(List<ProgramItem> items, List<ForumDay> days) {
        grid.setItems(items);
        SessionsPanel.setKeepingSelection(day, days, ForumDay::id);
    }

    private void confirmRemoval(ProgramItem item) {
        ChangeDialog.confirmRemoval("confirm-remove-item",
                getTranslation("program.remove-item.title", item.title(getLocale())),
                getTranslation("program.remove-item.text", getTranslation(item.kind().translationKey()),
                        labels.date(item.startsAt()), labels.timeRange(item.startsAt(), item.endsAt()),
                        item.attendeeCount()),
                getTranslation("program.action.remove-item"), () -> remove(item));
    }

    private void remove(ProgramItem item) {
        try {
            programItems.remove(item.id());
            Notices.done(getTranslation("program.item-removed", item.title(getLocale())));
        } catch (InvalidProgramException e) {
            Notices.error(getTranslation(e.key(), item.title(getLocale())));
        }
        changed.run();
    }

    /**
     * Changes an item's title and place in Russian and English; its kind, day and times stay (delegates are
     * signed up to them).
     */
    private void change(ProgramItem item) {
        ChangeDialog dialog = new ChangeDialog("change-item-dialog",
                getTranslation("program.change-item.title", item.title(getLocale())),
                getTranslation("program.change-item.hint"));
        TextField newTitle = dialog.field("change-item-title", "program.field.title", MAX_TITLE, item.title(), true);
        TextField newTitleEn = dialog.field("change-item-title-en", "program.field.title-en", MAX_TITLE,
                item.titleEn(), false);
        TextField newPlace = dialog.field("change-item-place", "program.field.place", MAX_PLACE, item.place(), true);
        TextField newPlaceEn = dialog.field("change-item-place-en", "program.field.place-en", MAX_PLACE,
                item.placeEn(), false);
        dialog.on("validation.required", newTitle).on("validation.too-long", newTitle)
                .on("program.error.title-en-too-long", newTitleEn).on("program.error.place-required", newPlace)
                .on("program.error.place-too-long", newPlace).on("program.error.place-en-too-long", newPlaceEn);
        dialog.open(() -> {
            programItems.change(item.id(), newTitle.getValue(), newTitleEn.getValue(), newPlace.getValue(),
                    newPlaceEn.getValue());
            Notices.success(getTranslation("program.item-changed",
                    new Bilingual(newTitle.getValue().trim(), newTitleEn.getValue().trim()).in(getLocale())));
            changed.run();
        });
    }

    private void addItem() {
        errors.clear();
        if (!errors.required(kind, title, place, day, start, end)) {
            return;
        }
        try {
            programItems.add(day.getValue().id(), kind.getValue(), title.getValue(), titleEn.getValue(),
                    place.getValue(), placeEn.getValue(), start.getValue(), end.getValue());
            Notices.success(getTranslation("program.item-added", title.getValue().trim()));
            title.clear();
            titleEn.clear();
            changed.run();
        } catch (InvalidProgramException ex) {
            errors.show(ex.key());
        }
    }
}
