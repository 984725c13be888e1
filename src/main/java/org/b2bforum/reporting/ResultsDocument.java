package org.b2bforum.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.b2bforum.base.i18n.Plural;
import org.b2bforum.company.Country;
import org.b2bforum.fair.FairFigures;
import org.b2bforum.reporting.ForumResults.CityPair;
import org.b2bforum.reporting.ForumResults.SectorPair;
import org.b2bforum.reporting.ReportTables.Table;
import org.b2bforum.reporting.ResultsCharts.Kind;
import org.b2bforum.venue.Outcome;

/**
 * The results report as a PDF a forum official signs: a first page with the title, the forum, its
 * dates, the date of the report, a one-page summary with the key figures and a place to sign; then
 * numbered sections with charts and tables (the exhibition-fair's last), and an appendix listing
 * the agreements.
 */
final class ResultsDocument {

    /** Tables of pairs list this many rows in the PDF; the XLSX has them all. */
    static final int PDF_PAIR_ROWS = 25;

    private final ForumResults results;
    private final ReportText text;
    private final ReportTables tables;
    private final ResultsCharts charts;

    ResultsDocument(ForumResults results, ReportText text) {
        this.results = results;
        this.text = text;
        this.tables = new ReportTables(results, text);
        this.charts = new ResultsCharts(results, text);
    }

    void write(LocalDate today, OutputStream out) throws IOException {
        try (ReportPdf pdf = new ReportPdf()) {
            pdf.info(text.t("report.title") + " · " + text.forumTitle(), text.t("report.recipients"));
            pdf.newPage();
            summaryPage(pdf, today);

            pdf.newPage();
            int section = 0;
            pdf.heading(++section + ". " + text.t("report.section.participants"), keep(Kind.CITIES));
            pdf.paragraph(text.t("report.participants.text", text.number(results.companies()),
                    text.number(results.cities().size()), text.number(results.delegates()),
                    text.number(results.checkedIn())));
            figure(pdf, Kind.CITIES);
            table(pdf, tables.cities());
            table(pdf, tables.countries());

            pdf.heading(++section + ". " + text.t("report.section.meetings"), keep(Kind.MEETINGS));
            pdf.paragraph(text.t("report.meetings.text"));
            figure(pdf, Kind.MEETINGS);
            table(pdf, tables.meetings());

            pdf.heading(++section + ". " + text.t("report.section.sector-pairs"), keep(Kind.SECTOR_PAIRS));
            pdf.paragraph(text.t("report.sector-pairs.text"));
            figure(pdf, Kind.SECTOR_PAIRS);
            pairTable(pdf, tables.sectorPairs());

            pdf.heading(++section + ". " + text.t("report.section.city-pairs"), keep(Kind.CITY_PAIRS));
            figure(pdf, Kind.CITY_PAIRS);
            pairTable(pdf, tables.cityPairs());

            pdf.heading(++section + ". " + text.t("report.section.outcomes"), keep(Kind.OUTCOMES));
            pdf.paragraph(text.t("report.outcomes.text"));
            if (charts.empty(Kind.OUTCOMES)) {
                pdf.paragraph(text.t("report.outcomes.none"));
            } else {
                figure(pdf, Kind.OUTCOMES);
            }
            table(pdf, tables.outcomes());

            pdf.heading(++section + ". " + text.t("report.section.round-tables"), keep(Kind.ROUND_TABLES));
            if (results.roundTables().isEmpty()) {
                pdf.paragraph(text.t("report.round-tables.none"));
            } else {
                figure(pdf, Kind.ROUND_TABLES);
                table(pdf, tables.roundTables());
            }

            pdf.heading(++section + ". " + text.t("report.section.fair"), keep(Kind.FAIR_ZONES));
            FairFigures fair = results.fair();
            if (fair.empty()) {
                pdf.paragraph(text.t("report.fair.none"));
            } else {
                pdf.paragraph(text.t("report.fair.text", text.number(fair.stands()), text.number(fair.zones().size()),
                        text.number(fair.exhibitorCount()), text.number(fair.meetings()), text.number(fair.held()),
                        text.number(fair.leads()), text.number(fair.visitors()), text.number(fair.visitorCompanies())));
                figure(pdf, Kind.FAIR_ZONES);
                table(pdf, tables.fairZones());
                table(pdf, tables.fairSectors());
                if (!charts.empty(Kind.FAIR_EXHIBITORS)) {
                    figure(pdf, Kind.FAIR_EXHIBITORS);
                }
                pairTable(pdf, tables.fairExhibitors());
                pairTable(pdf, tables.fairVisitorCities());
            }

            pdf.newPage();
            pdf.heading(text.t("report.appendix.agreements"), 120);
            Table agreements = tables.outcomeMeetings(List.of(Outcome.AGREEMENT_SIGNED,
                    Outcome.AGREEMENT_IN_PREPARATION), "report.table.agreements");
            pdf.paragraph(text.t("report.appendix.agreements.text"));
            if (agreements.rows().isEmpty()) {
                pdf.paragraph(text.t("report.appendix.agreements.none"));
            } else {
                table(pdf, agreements);
            }
            pdf.save(text.t("report.title") + " · " + text.t("app.short-title"), text.t("report.page-of"), out);
        }
    }

    private void summaryPage(ReportPdf pdf, LocalDate today) throws IOException {
        pdf.text(text.t("report.recipients"), pdf.regular, 9, ReportPdf.GREY, true);
        pdf.space(28);
        pdf.text(text.t("report.title").toUpperCase(text.locale()), pdf.bold, 17, ReportPdf.INK, true);
        pdf.space(4);
        pdf.text(text.forumTitle(), pdf.bold, 13, ReportPdf.INK, true);
        pdf.space(4);
        String dates = text.forumDates(results.firstDay(), results.lastDay());
        pdf.text(dates.isEmpty() ? text.t("report.place") : text.t("report.dates-place", dates, text.t("report.place")),
                pdf.regular, 11, ReportPdf.INK, true);
        pdf.space(14);
        pdf.text(text.t("report.drawn-up", text.date(today)), pdf.regular, 10, ReportPdf.GREY, true);
        pdf.space(18);

        pdf.heading(text.t("report.section.summary"), 120);
        pdf.paragraph(summary());
        table(pdf, tables.keyFigures());

        // the signature block sits at the foot of the first page
        float at = Math.min(pdf.y() - 10, ReportPdf.BOTTOM + 60);
        pdf.show(ReportFonts.printable(text.t("report.signature.position")), pdf.regular, 10, ReportPdf.INK,
                ReportPdf.LEFT, at);
        float lineFrom = ReportPdf.LEFT + ReportPdf.WIDTH * 0.48f;
        pdf.rule(lineFrom, lineFrom + 110, at - 2);
        pdf.rule(lineFrom + 125, ReportPdf.LEFT + ReportPdf.WIDTH, at - 2);
        pdf.show(ReportFonts.printable(text.t("report.signature.sign")), pdf.regular, 7, ReportPdf.GREY,
                lineFrom + 40, at - 11);
        pdf.show(ReportFonts.printable(text.t("report.signature.name")), pdf.regular, 7, ReportPdf.GREY,
                lineFrom + 150, at - 11);
        pdf.show(ReportFonts.printable(text.t("report.signature.date")), pdf.regular, 10, ReportPdf.INK,
                ReportPdf.LEFT, at - 34);
    }

    /**
     * The summary in words: who came, what the meetings gave, where most meetings were. A report made before the
     * forum's first day (or while it has no days) says who is taking part, not who "took part", and leaves out the
     * check-ins and the fair's "worked", which the forum's days have not yet had (the tables still give every figure).
     */
    String summary() {
        boolean before = results.firstDay() == null || text.day(results.at()).isBefore(results.firstDay());
        StringBuilder out = new StringBuilder(before
                ? text.t("report.summary.participants-before", text.number(results.companies()),
                        text.number(tables.countryCompanies(Country.RU)),
                        text.number(tables.countryCompanies(Country.BY)), text.number(results.delegates()))
                : text.t("report.summary.participants", text.number(results.companies()),
                        text.number(tables.countryCompanies(Country.RU)),
                        text.number(tables.countryCompanies(Country.BY)), text.number(results.delegates()),
                        text.number(results.checkedIn())));
        var m = results.meetings();
        out.append(' ').append(text.t("report.summary.meetings", text.number(m.requested()),
                text.number(m.confirmed()), text.number(m.held()), text.share(m.held(), m.confirmed()),
                text.number(m.noShows())));
        out.append(' ').append(text.t("report.summary.outcomes",
                text.number(results.outcomes().get(Outcome.AGREEMENT_SIGNED)),
                text.number(results.outcomes().get(Outcome.AGREEMENT_IN_PREPARATION)),
                text.number(results.outcomes().get(Outcome.FOLLOW_UP))));
        if (!results.cityPairs().isEmpty()) {
            CityPair top = results.cityPairs().getFirst();
            out.append(' ').append(text.t("report.summary.top-city-pair",
                    text.city(top.first()) + " × " + text.city(top.second()), text.number(top.meetings()),
                    text.number(top.held())));
        }
        if (!results.sectorPairs().isEmpty()) {
            SectorPair top = results.sectorPairs().getFirst();
            out.append(' ').append(text.t(Plural.key("report.summary.top-sector-pair", top.meetings(), text.locale()),
                    text.sector(top.first()) + " × " + text.sector(top.second()), text.number(top.meetings()),
                    text.number(top.held())));
        }
        FairFigures fair = results.fair();
        if (!fair.empty()) {
            out.append(' ').append(text.t(before ? "report.summary.fair-before" : "report.summary.fair",
                    text.number(fair.exhibitorCount()),
                    text.number(fair.held()), text.number(fair.leads()), text.number(fair.visitors())));
        }
        return out.toString();
    }

    /** What a section heading keeps on its page: an introduction and the section's chart. */
    private float keep(Kind kind) {
        return 70 + (charts.empty(kind) ? 0 : (float) charts.height(kind));
    }

    private void figure(ReportPdf pdf, Kind kind) throws IOException {
        pdf.figure(charts.chart(kind), (float) charts.height(kind), text.t("report.figure"), charts.title(kind));
    }

    private void pairTable(ReportPdf pdf, Table table) throws IOException {
        table(pdf, table.limit(PDF_PAIR_ROWS));
        if (table.rows().size() > PDF_PAIR_ROWS) {
            pdf.paragraph(text.t("report.more-in-xlsx", text.number(table.rows().size() - PDF_PAIR_ROWS)));
        }
    }

    private void table(ReportPdf pdf, Table table) throws IOException {
        List<List<String>> rows = new ArrayList<>(table.rows().size());
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (Object cell : row) {
                cells.add(switch (cell) {
                    case Double share -> text.share(Math.round(share * 1000), 1000);
                    case Long n -> text.number(n);
                    case Integer n -> text.number(n);
                    case LocalDateTime at -> text.dateTime(at);
                    case null -> "";
                    default -> cell.toString();
                });
            }
            rows.add(cells);
        }
        pdf.table(text.t("report.table"), text.t("report.table.continued"), table.caption(), table.columns(), rows);
    }
}
