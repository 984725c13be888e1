package org.b2bforum.schedule.ui;

import java.util.List;

import org.b2bforum.base.ui.PhoneColumns;
import org.b2bforum.schedule.ScheduleReview;
import org.b2bforum.schedule.ScheduleReview.PlacedMeeting;
import org.b2bforum.schedule.ScheduleReview.SlotUse;
import org.b2bforum.schedule.ScheduleReview.UnplacedMeeting;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;

/**
 * The schedule's sections under its figures on {@link ScheduleView}: the meetings not placed with the reason, each
 * company's day, the tables' use per slot, and the meetings placed. None for a failed run.
 */
class ScheduleSections extends Div {

    /**
     * The meetings not placed are listed in full up to this many; a longer list scrolls in a grid of its own height.
     * All rows of a long one are more than a grid fetches in one go (ten pages): on ux50's forum day the 1,678
     * meetings not placed made every opening of the review end in "something went wrong".
     */
    static final int UNPLACED_IN_FULL = 20;

    final Grid<UnplacedMeeting> unplaced = new Grid<>();
    final Grid<PlacedMeeting> placed = new Grid<>();
    final CompanyDaysGrid timelines = new CompanyDaysGrid();
    final Grid<SlotUse> tables = new Grid<>();

    private final ScheduleTexts texts;

    ScheduleSections(ScheduleTexts texts) {
        this.texts = texts;
        configureGrids();
        add(heading("schedule.unplaced"), unplaced,
                heading("schedule.timelines"), new Paragraph(getTranslation("schedule.timelines.legend")), timelines,
                heading("schedule.tables"), tables,
                heading("schedule.placed"), placed);
    }

    /** The review's meetings, days and tables. */
    void show(ScheduleReview review) {
        unplaced.setItems(review.unplaced());
        boolean inFull = review.unplaced().size() <= UNPLACED_IN_FULL;
        unplaced.setAllRowsVisible(inFull);
        unplaced.setHeight(inFull ? null : "30em");
        placed.setItems(review.placed());
        tables.setItems(review.slots());
        timelines.show(review, texts);
    }

    /** Nothing shown: a failed run has no schedule. */
    void clear() {
        unplaced.setItems(List.of());
        placed.setItems(List.of());
        timelines.setItems(List.of());
        tables.setItems(List.of());
    }

    private void configureGrids() {
        unplaced.setId("schedule-unplaced");
        // on a phone the priority and the reason under the pair, their columns left out (PhoneColumns): at 390 px the
        // reason, what the organizer looks for, was off the screen, its first letters cut ("У д (ли б", ux89)
        unplaced.addColumn(LitRenderer.<UnplacedMeeting>of(
                "<span>${item.pair}</span><span class=\"phone-detail\">${item.detail}</span>")
                .withProperty("pair", m -> m.companyA() + " — " + m.companyB())
                .withProperty("detail", m -> priority(m) + " · " + texts.reason(m)))
                .setHeader(getTranslation("schedule.column.pair")).setWidth("14rem").setFlexGrow(1).setKey("pair");
        Grid.Column<UnplacedMeeting> priority = unplaced.addColumn(this::priority)
                .setHeader(getTranslation("wishes.priority")).setAutoWidth(true).setKey("priority");
        Grid.Column<UnplacedMeeting> reason = unplaced.addColumn(texts::reason)
                .setHeader(getTranslation("schedule.column.reason")).setWidth("16rem").setFlexGrow(2).setKey("reason");
        PhoneColumns.leaveOut(unplaced, priority, reason);
        unplaced.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        unplaced.setEmptyStateText(getTranslation("schedule.unplaced.none"));
        unplaced.setAllRowsVisible(true);

        placed.setId("schedule-placed");
        placed.addColumn(m -> texts.times(m.startsAt(), m.endsAt())).setHeader(getTranslation("schedule.column.time"))
                .setAutoWidth(true).setKey("time");
        placed.addColumn(m -> getTranslation("schedule.place", m.hallName(getLocale()), m.tableNumber()))
                .setHeader(getTranslation("schedule.column.place")).setAutoWidth(true).setKey("place");
        placed.addColumn(m -> m.companyA() + " — " + m.companyB()).setHeader(getTranslation("schedule.column.pair"))
                .setFlexGrow(1).setKey("pair");
        placed.addColumn(m -> getTranslation("schedule.kind." + m.kind().name()))
                .setHeader(getTranslation("schedule.column.kind")).setAutoWidth(true).setKey("kind");
        placed.setHeight("30em");

        tables.setId("schedule-tables");
        tables.addColumn(s -> texts.times(s.startsAt(), s.endsAt())).setHeader(getTranslation("schedule.column.time"))
                .setAutoWidth(true).setKey("time");
        tables.addColumn(s -> getTranslation("schedule.tables.used", s.used(), s.tables()))
                .setHeader(getTranslation("schedule.column.tables")).setAutoWidth(true).setKey("used");
        tables.addColumn(new ComponentRenderer<>(s -> {
            ProgressBar bar = new ProgressBar(0, Math.max(1, s.tables()), s.used());
            bar.setWidth("12em");
            bar.getElement().setAttribute("aria-label", getTranslation("schedule.tables.used", s.used(), s.tables()));
            return bar;
        })).setFlexGrow(1).setKey("bar");
        tables.setAllRowsVisible(true);
    }

    private String priority(UnplacedMeeting meeting) {
        return getTranslation("schedule.kind." + meeting.kind().name());
    }

    private H2 heading(String key) {
        return new H2(getTranslation(key));
    }
}
