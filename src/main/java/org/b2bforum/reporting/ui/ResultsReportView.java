package org.b2bforum.reporting.ui;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.ui.Downloads;
import org.b2bforum.base.security.Role;
import org.b2bforum.reporting.ForumReportService;
import org.b2bforum.venue.OutcomeService;
import org.b2bforum.reporting.ForumResults;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

/**
 * The results report for the two city governments: the summary and the charts as of opening the
 * page, and the PDF and XLSX made at download, in the language chosen (the page's by default).
 */
@Route(ResultsReportView.ROUTE)
@Menu(title = "menu.report", icon = "FILE_TEXT_O", order = 13.5)
@RolesAllowed(Role.ORGANIZER_NAME)
class ResultsReportView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "results-report";
    /** The venue's "At the tables" page (venue.ui.VenueView, not this module's to import). */
    private static final String VENUE_ROUTE = "venue";

    final Select<Locale> language = new Select<>();
    final Anchor pdf;
    final Anchor xlsx;
    final Paragraph summary = new Paragraph();
    /** Meetings begun and not marked held or no-show: the report counts them as neither (the page says so first). */
    final Paragraph unmarked = new Paragraph();

    private final ForumReportService reports;
    /** The language chosen, read by download requests (which do not hold the UI's lock). */
    private volatile Locale chosen;

    ResultsReportView(ForumReportService reports, OutcomeService outcomes) {
        this.reports = reports;
        addClassName("page");
        addClassName("results-report-view");

        language.setId("report-language");
        language.setLabel(getTranslation("report.page.language"));
        language.setItems(Languages.ALL);
        language.setItemLabelGenerator(locale -> locale.getDisplayLanguage(locale));
        language.setValue(Languages.ENGLISH.getLanguage().equals(getLocale().getLanguage()) ? Languages.ENGLISH
                : Languages.RUSSIAN);
        chosen = language.getValue();
        language.addValueChangeListener(event -> chosen = event.getValue());

        pdf = download("report-pdf", "report.page.download-pdf", "pdf", "application/pdf");
        xlsx = download("report-xlsx", "report.page.download-xlsx", "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Div downloads = new Div(language, pdf, xlsx);
        downloads.addClassName("report-downloads");

        ForumResults results = reports.results();
        summary.setId("report-summary");
        summary.setText(reports.summary(results, getLocale()));
        // walked the day after the forum (ux67): "состоялось: 2 (1,5 % подтверждённых)" with 134 meetings nobody had
        // marked, said only on the live figures' page; the office would send that to both governments
        long begunUnmarked = outcomes.begunUnmarked();
        unmarked.setId("report-unmarked");
        unmarked.addClassName("report-unmarked");
        unmarked.setText(getTranslation("report.page.unmarked", begunUnmarked));
        // the sentence named the page to mark them on, and the office looked for it in the menu (walked, ux74)
        Anchor venue = new Anchor(VENUE_ROUTE, getTranslation("report.page.unmarked-link"));
        venue.setId("report-unmarked-link");
        unmarked.add(new Text(" "), venue);
        unmarked.setVisible(begunUnmarked > 0);
        add(new H1(getTranslation("report.page.title")), new Paragraph(getTranslation("report.page.intro")),
                unmarked, downloads, new H2(getTranslation("report.page.summary")), summary,
                new ResultsChartsPanel(reports, results));
    }

    private Anchor download(String id, String labelKey, String extension, String contentType) {
        Anchor anchor = new Anchor(Downloads.toldOnFailure(event -> {
            Locale locale = chosen;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (extension.equals("pdf")) {
                reports.writePdf(locale, out);
            } else {
                reports.writeXlsx(locale, out);
            }
            byte[] bytes = out.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(bytes),
                    "forum-results-" + locale.getLanguage() + "." + extension, contentType, bytes.length);
        }), getTranslation(labelKey));
        anchor.setId(id);
        anchor.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        anchor.addClassName("report-download");
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.page.title") + " · " + getTranslation("app.short-title");
    }
}
