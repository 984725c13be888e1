package org.b2bforum.venue.ui;

import static org.b2bforum.base.text.Csv.cell;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.b2bforum.base.i18n.Plural;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.ui.Downloads;
import org.b2bforum.base.ui.FigureCard;
import org.b2bforum.base.security.Role;
import org.b2bforum.venue.Attendance;
import org.b2bforum.venue.FiguresPageSection;
import org.b2bforum.venue.ForumFigures;
import org.b2bforum.venue.Outcome;
import org.b2bforum.venue.OutcomeReport;
import org.b2bforum.venue.OutcomeService;
import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

/**
 * The organizers' live figures: delegates checked in, meetings held and missed, outcomes by kind,
 * refreshed every {@value #POLL_MILLIS} ms while the page is open; below, every marked meeting with
 * both companies' outcomes, and the same as a CSV file for the two city governments.
 */
@Route("figures")
@Menu(title = "menu.figures", icon = "CHART", order = 13)
@RolesAllowed(Role.ORGANIZER_NAME)
class FiguresView extends VerticalLayout implements HasDynamicTitle {

    static final int POLL_MILLIS = 10_000;
    /** The report's rows read at a time. */
    static final int REPORT_PAGE = 50;

    final Div cards = FigureCard.grid();
    final Grid<OutcomeReport> report = new Grid<>();
    final Paragraph updated = new Paragraph();
    final Anchor export;
    /** Why there is nothing to download yet; before the forum the file was a header row without a word why. */
    final Paragraph nothingToExport = new Paragraph();

    private final OutcomeService outcomes;
    private final VenueTimes times;
    private final ZoneId zone;
    private Registration polling;
    /** The report's size at the last refresh: the lazy grid's count, read once per refresh rather than per page. */
    private int reportSize;

    FiguresView(OutcomeService outcomes, ForumTime forumTime, Clock clock,
            ObjectProvider<FiguresPageSection> sections) {
        this.outcomes = outcomes;
        this.times = new VenueTimes(forumTime, clock, getLocale());
        this.zone = forumTime.zone();
        addClassName("page");
        addClassName("figures-view");
        cards.setId("figures");
        updated.setId("figures-updated");
        updated.addClassName("agenda-small");

        report.setId("figures-report");
        report.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        // a page at a time from the database, in a box of its own height: at forum scale (some 19,000 marked meetings)
        // all rows visible sent every row to the browser, and the tab held them all and read them again at each poll
        report.setHeight("32rem");
        report.setPageSize(REPORT_PAGE);
        report.setItems(query -> outcomes.report(query.getOffset(), query.getLimit()).stream(), query -> reportSize);
        // the companies first and frozen: on a phone at the venue the report scrolls sideways to the outcomes and
        // the row's meeting stays in sight
        report.addColumn(r -> r.requesterName() + " — " + r.partnerName())
                .setHeader(getTranslation("figures.column.companies")).setWidth("12rem").setFlexGrow(2).setFrozen(true);
        report.addColumn(r -> times.moment(r.startsAt())).setHeader(getTranslation("figures.column.when"))
                .setAutoWidth(true).setFlexGrow(0);
        report.addColumn(r -> r.place().describe(getLocale(), this::getTranslation))
                .setHeader(getTranslation("figures.column.place")).setAutoWidth(true);
        report.addColumn(r -> label(r.attendance())).setHeader(getTranslation("figures.column.attendance"))
                .setAutoWidth(true);
        report.addColumn(r -> outcome(r.requesterOutcome(), r.requesterComment()))
                .setHeader(getTranslation("figures.column.requester-outcome")).setWidth("10rem").setFlexGrow(2);
        report.addColumn(r -> outcome(r.partnerOutcome(), r.partnerComment()))
                .setHeader(getTranslation("figures.column.partner-outcome")).setWidth("10rem").setFlexGrow(2);

        export = new Anchor(Downloads.toldOnFailure(event -> {
            byte[] csv = csv(outcomes.report()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "forum-results.csv", "text/csv;charset=UTF-8",
                    csv.length);
        }), getTranslation("figures.export"));
        export.setId("figures-export");
        export.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        nothingToExport.setId("figures-export-empty");
        nothingToExport.addClassName("agenda-small");
        nothingToExport.setText(getTranslation("figures.export.empty"));

        H2 reportHeading = new H2(getTranslation("figures.report"));
        reportHeading.addClassName("meetings-heading");
        add(new H1(getTranslation("figures.title")), updated, cards);
        // the charts are drawn once when the page opens, not at every poll: the figures above stay live
        sections.orderedStream().forEach(section -> add(section.create()));
        add(reportHeading, export, nothingToExport, report);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }

    void refresh() {
        showFigures(outcomes.figures());
        showReport(outcomes.reportSize());
    }

    /** The cards; their numbers grouped as the locale groups them ("2 520", not "2520"). */
    void showFigures(ForumFigures figures) {
        cards.removeAll();
        cards.add(card("figures-checked-in", "figures.checked-in", number(figures.checkedIn()) + " / "
                + number(figures.delegates())),
                counted("figures-confirmed", "figures.confirmed", figures.confirmedMeetings()),
                counted("figures-held", "figures.held", figures.held()),
                counted("figures-no-shows", "figures.no-shows", figures.noShows()),
                counted("figures-unmarked", "figures.unmarked", figures.begunUnmarked()));
        for (Outcome outcome : Outcome.values()) {
            cards.add(card("figures-outcome-" + outcome.name(), "figures.outcome." + outcome.name(),
                    number(figures.outcomes().getOrDefault(outcome, 0L))));
        }
        updated.setText(getTranslation("figures.updated", times.moment(figures.at())));
    }

    private String number(long value) {
        return FigureCard.number(value, getLocale());
    }

    /** The marked meetings (read again a page at a time), and the CSV to download only once there is one. */
    void showReport(int size) {
        reportSize = size;
        report.getDataProvider().refreshAll();
        // hidden rather than greyed out: a disabled link's grey fails the text's contrast, and it says nothing
        export.setVisible(size > 0);
        nothingToExport.setVisible(size == 0);
        // an empty grid under that paragraph said the same once more ("No meeting has been marked yet")
        report.setVisible(size > 0);
    }

    private FigureCard card(String id, String labelKey, String value) {
        return new FigureCard(id, value, getTranslation(labelKey));
    }

    /** A count whose label agrees with it: "1 встреча состоялась", "3 встречи состоялись", "5 встреч состоялось". */
    private FigureCard counted(String id, String labelKey, long count) {
        return card(id, Plural.key(labelKey, count, getLocale()), number(count));
    }

    private String label(Attendance attendance) {
        return attendance == null ? "" : getTranslation(attendance.translationKey());
    }

    private String outcome(Outcome outcome, String comment) {
        if (outcome == null) {
            return "";
        }
        String text = getTranslation(outcome.translationKey());
        return comment == null ? text : text + ": " + comment;
    }

    /** The report as CSV (semicolons, as spreadsheets in Russian locales expect; UTF-8 with a BOM). */
    String csv(List<OutcomeReport> rows) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(";", getTranslation("figures.column.when"), getTranslation("figures.column.place"),
                getTranslation("figures.column.requester"), getTranslation("figures.column.partner"),
                getTranslation("figures.column.attendance"), getTranslation("figures.column.requester-outcome"),
                getTranslation("figures.column.requester-comment"), getTranslation("figures.column.partner-outcome"),
                getTranslation("figures.column.partner-comment"))).append("\r\n");
        for (OutcomeReport r : rows) {
            out.append(String.join(";", format.format(r.startsAt()),
                    cell(r.place().describe(getLocale(), this::getTranslation)),
                    cell(r.requesterName()), cell(r.partnerName()), cell(label(r.attendance())),
                    cell(r.requesterOutcome() == null ? "" : getTranslation(r.requesterOutcome().translationKey())),
                    cell(r.requesterComment()),
                    cell(r.partnerOutcome() == null ? "" : getTranslation(r.partnerOutcome().translationKey())),
                    cell(r.partnerComment()))).append("\r\n");
        }
        return out.toString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("figures.title") + " · " + getTranslation("app.short-title");
    }
}
