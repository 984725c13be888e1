package org.b2bforum.schedule.ui;

import java.util.List;
import java.util.Locale;

import org.b2bforum.schedule.ScheduleReview;
import org.b2bforum.schedule.ScheduleReview.Cell;
import org.b2bforum.schedule.ScheduleReview.CompanyDay;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;

/** The schedule review's timelines: each company's day, slot by slot (split from {@link ScheduleView}). */
class CompanyDaysGrid extends Grid<CompanyDay> {

    CompanyDaysGrid() {
        setId("schedule-timelines");
        addThemeVariants(GridVariant.COLUMN_BORDERS, GridVariant.LUMO_COMPACT);
        setHeight("30em");
        addClassName("schedule-timelines");
    }

    /**
     * A row per company, a column per slot: the counterpart of each meeting, breaks and program items marked. Each
     * cell is a light template filled from the row's data in the browser ({@link #CELL}), not a component: with a
     * component per cell a forum day's 500 x 21 timeline sent 1,050 components (678 KB) when the review opened and
     * 2,100 (1.2 MB, 1.3-1.9 s) at each scroll of the grid (ux51, stop 42).
     */
    void show(ScheduleReview review, ScheduleTexts texts) {
        removeAllColumns();
        addColumn(CompanyDay::name).setHeader(getTranslation("schedule.column.company")).setFrozen(true)
                .setWidth("14rem").setFlexGrow(0).setKey("company");
        for (int s = 0; s < review.slots().size(); s++) {
            int slot = s;
            addColumn(LitRenderer.<CompanyDay>of(CELL).withProperty("cell", c -> cell(c.cells().get(slot))))
                    .setHeader(texts.time(review.slots().get(s).startsAt())).setWidth("7rem").setFlexGrow(0)
                    .setKey("slot-" + s);
        }
        addColumn(CompanyDay::breaks).setHeader(getTranslation("schedule.column.breaks"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0).setKey("breaks");
        setItems(review.companies());
    }

    /**
     * A timeline cell from its data, {@code [kind, text, title]} (one short array per cell: three named properties
     * each repeated their renderer's long name and doubled the rows' size): the kind styles it
     * ({@code timeline-meeting}, ...), the title names the place in words.
     */
    static final String CELL = "<span class=\"timeline-cell timeline-${item.cell[0]}\" title=\"${item.cell[2]}\">"
            + "${item.cell[1]}</span>";

    private List<String> cell(Cell cell) {
        return List.of(cell.kind().name().toLowerCase(Locale.ROOT), cellText(cell), cellTitle(cell));
    }

    static String cellText(Cell cell) {
        return switch (cell.kind()) {
            case MEETING, FIXED -> cell.counterpart();
            case BREAK -> "·";
            case PROGRAM -> "▪";
            case FREE -> "";
        };
    }

    private String cellTitle(Cell cell) {
        return switch (cell.kind()) {
            case MEETING, FIXED -> cell.counterpart() + " · "
                    + getTranslation("schedule.place", cell.hall().in(getLocale()), cell.table());
            default -> getTranslation("schedule.cell." + cell.kind().name());
        };
    }
}
