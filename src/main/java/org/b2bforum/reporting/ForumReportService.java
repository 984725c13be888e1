package org.b2bforum.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.reporting.ResultsCharts.Kind;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * The results report for the Moscow Government and the Minsk City Executive Committee: the
 * figures, their charts (SVG for the page), the PDF document and the XLSX workbook, in Russian or
 * English. Organizers only.
 */
@Service
public class ForumReportService {

    private final ResultsReadModel readModel;
    private final I18NProvider i18n;
    private final ForumTime forumTime;
    private final Clock clock;
    ForumReportService(ResultsReadModel readModel, I18NProvider i18n, ForumTime forumTime, Clock clock) {
        this.readModel = readModel;
        this.i18n = i18n;
        this.forumTime = forumTime;
        this.clock = clock;
    }

    /** The figures as of now. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public ForumResults results() {
        return readModel.read();
    }

    /** The report's charts of the given figures as SVG, {@code width} pixels wide, titled in the language. */
    @PreAuthorize("hasRole('ORGANIZER')")
    public List<ResultsChart> charts(ForumResults results, Locale locale, int width) {
        ResultsCharts charts = new ResultsCharts(results, text(locale));
        List<ResultsChart> out = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (kind == Kind.ROUND_TABLES && results.roundTables().isEmpty()
                    || kind.fair() && results.fair().empty() || charts.empty(kind)) {
                continue;
            }
            out.add(new ResultsChart(kind.id(), charts.title(kind), charts.svg(kind, width)));
        }
        return out;
    }

    /** The one-page summary's paragraph, in the language. */
    @PreAuthorize("hasRole('ORGANIZER')")
    public String summary(ForumResults results, Locale locale) {
        return new ResultsDocument(results, text(locale)).summary();
    }

    /** Writes the report as PDF: the figures as of now, in the language. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public void writePdf(Locale locale, OutputStream out) throws IOException {
        Locale language = language(locale);
        new ResultsDocument(readModel.read(), text(language)).write(today(), out);
    }

    /** Writes the report's figures as XLSX: as of now, in the language. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public void writeXlsx(Locale locale, OutputStream out) throws IOException {
        Locale language = language(locale);
        new ResultsWorkbook(readModel.read(), text(language)).write(today(), out);
    }

    private ReportText text(Locale locale) {
        return new ReportText(i18n, language(locale), forumTime.zone());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(forumTime.zone()));
    }

    private static Locale language(Locale locale) {
        return locale != null && Languages.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Languages.ENGLISH
                : Languages.RUSSIAN;
    }
}
