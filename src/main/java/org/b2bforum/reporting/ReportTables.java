package org.b2bforum.reporting;

import java.util.ArrayList;
import java.util.List;

import org.b2bforum.company.Country;
import org.b2bforum.fair.FairFigures;
import org.b2bforum.fair.FairFigures.ExhibitorFigure;
import org.b2bforum.fair.FairFigures.SectorFigure;
import org.b2bforum.fair.FairFigures.VisitorCityFigure;
import org.b2bforum.fair.FairFigures.ZoneFigure;
import org.b2bforum.reporting.ForumResults.CityFigure;
import org.b2bforum.reporting.ForumResults.CityPair;
import org.b2bforum.reporting.ForumResults.CountryFigure;
import org.b2bforum.reporting.ForumResults.MeetingFigures;
import org.b2bforum.reporting.ForumResults.OutcomeMeeting;
import org.b2bforum.reporting.ForumResults.RoundTableFigure;
import org.b2bforum.reporting.ForumResults.SectorPair;
import org.b2bforum.venue.Outcome;

/**
 * The report's tables, once for both files: the PDF sets them as numbered tables, the XLSX as
 * sheets. Cells are text, numbers ({@link Long}, or {@link Double} for shares) or times ({@link java.time.LocalDateTime},
 * the forum's clock): the workbook keeps each as what it is, to be sorted and filtered.
 */
final class ReportTables {

    /**
     * A table: its caption, its sheet's name, the columns and the rows; {@code total}: its last row sums the others
     * (a sheet's filter leaves it out, so that sorting keeps it last).
     */
    record Table(String caption, String sheet, List<ReportPdf.Column> columns, List<List<Object>> rows, boolean total) {

        Table(String caption, String sheet, List<ReportPdf.Column> columns, List<List<Object>> rows) {
            this(caption, sheet, columns, rows, false);
        }

        Table limit(int rows) {
            return rows >= this.rows.size() ? this
                    : new Table(caption, sheet, columns, this.rows.subList(0, rows), total);
        }
    }

    private final ForumResults results;
    private final ReportText text;

    ReportTables(ForumResults results, ReportText text) {
        this.results = results;
        this.text = text;
    }

    Table keyFigures() {
        MeetingFigures m = results.meetings();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(text.t("report.key.companies"), results.companies()));
        for (CountryFigure country : results.countries()) {
            rows.add(row(text.t("report.key.companies-of", text.country(country.country())), country.companies()));
        }
        rows.add(row(text.t("report.key.cities"), (long) results.cities().stream().map(CityFigure::city).distinct()
                .count()));
        rows.add(row(text.t("report.key.delegates"), results.delegates()));
        rows.add(row(text.t("report.key.checked-in"), results.checkedIn()));
        rows.add(row(text.t("report.key.requested"), m.requested()));
        rows.add(row(text.t("report.key.confirmed"), m.confirmed()));
        rows.add(row(text.t("report.key.held"), m.held()));
        rows.add(row(text.t("report.key.no-shows"), m.noShows()));
        for (Outcome outcome : List.of(Outcome.FOLLOW_UP, Outcome.AGREEMENT_IN_PREPARATION, Outcome.AGREEMENT_SIGNED)) {
            rows.add(row(text.t("report.key.outcome", text.outcome(outcome)), results.outcomes().get(outcome)));
        }
        rows.add(row(text.t("report.key.round-tables"), (long) results.roundTables().size()));
        rows.add(row(text.t("report.key.round-table-sign-ups"),
                results.roundTables().stream().mapToLong(RoundTableFigure::signedUp).sum()));
        FairFigures fair = results.fair();
        if (!fair.empty()) {
            rows.add(row(text.t("report.key.fair-exhibitors"), fair.exhibitorCount()));
            rows.add(row(text.t("report.key.fair-meetings-held"), fair.held()));
            rows.add(row(text.t("report.key.fair-leads"), fair.leads()));
            rows.add(row(text.t("report.key.fair-visitors"), fair.visitors()));
        }
        return new Table(text.t("report.table.key-figures"), text.t("report.sheet.summary"),
                List.of(col("report.column.figure", 5, false), col("report.column.value", 1.3f, true)), rows);
    }

    Table cities() {
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (CityFigure city : results.cities()) {
            rows.add(List.of(++n + "", text.city(city.city()), text.country(city.country()), city.companies(),
                    city.delegates(), city.checkedIn()));
        }
        return new Table(text.t("report.table.cities"), text.t("report.sheet.cities"),
                List.of(col("report.column.number", 0.5f, true), col("report.column.city", 2.2f, false),
                        col("report.column.country", 1.6f, false), col("report.column.companies", 1.3f, true),
                        col("report.column.delegates", 1.5f, true), col("report.column.checked-in", 1.3f, true)),
                rows);
    }

    Table countries() {
        List<List<Object>> rows = new ArrayList<>();
        for (CountryFigure country : results.countries()) {
            rows.add(List.of(text.country(country.country()), country.companies(), country.delegates(),
                    country.checkedIn()));
        }
        rows.add(List.of(text.t("report.total"), results.companies(), results.delegates(), results.checkedIn()));
        return new Table(text.t("report.table.countries"), text.t("report.sheet.countries"),
                List.of(col("report.column.country", 2.6f, false), col("report.column.companies", 1.2f, true),
                        col("report.column.delegates", 1.2f, true), col("report.column.checked-in", 1.2f, true)),
                rows, true);
    }

    Table meetings() {
        MeetingFigures m = results.meetings();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(text.t("report.meetings.requested"), m.requested(), share(m.requested(), m.requested())));
        rows.add(List.of(text.t("report.meetings.confirmed"), m.confirmed(), share(m.confirmed(), m.requested())));
        rows.add(List.of(text.t("report.meetings.held"), m.held(), share(m.held(), m.requested())));
        rows.add(List.of(text.t("report.meetings.no-shows"), m.noShows(), share(m.noShows(), m.requested())));
        rows.add(List.of(text.t("report.meetings.unmarked"), m.unmarked(), share(m.unmarked(), m.requested())));
        rows.add(List.of(text.t("report.meetings.declined"), m.declined(), share(m.declined(), m.requested())));
        rows.add(List.of(text.t("report.meetings.cancelled"), m.cancelled(), share(m.cancelled(), m.requested())));
        rows.add(List.of(text.t("report.meetings.open"), m.open(), share(m.open(), m.requested())));
        rows.add(List.of(text.t("report.meetings.unanswered"), m.unanswered(), share(m.unanswered(), m.requested())));
        return new Table(text.t("report.table.meetings"), text.t("report.sheet.meetings"),
                List.of(col("report.column.stage", 4, false), col("report.column.meetings", 1.3f, true),
                        col("report.column.share-of-requested", 1.5f, true)), rows);
    }

    Table sectorPairs() {
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (SectorPair pair : results.sectorPairs()) {
            rows.add(List.of(++n + "", text.sector(pair.first()), text.sector(pair.second()), pair.meetings(),
                    pair.held()));
        }
        return new Table(text.t("report.table.sector-pairs"), text.t("report.sheet.sector-pairs"),
                List.of(col("report.column.number", 0.5f, true), col("report.column.sector", 2.6f, false),
                        col("report.column.sector", 2.6f, false), col("report.column.confirmed", 1.2f, true),
                        col("report.column.held", 1.2f, true)), rows);
    }

    Table cityPairs() {
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (CityPair pair : results.cityPairs()) {
            rows.add(List.of(++n + "", text.city(pair.first()), text.city(pair.second()), pair.meetings(),
                    pair.held()));
        }
        return new Table(text.t("report.table.city-pairs"), text.t("report.sheet.city-pairs"),
                List.of(col("report.column.number", 0.5f, true), col("report.column.city", 2.2f, false),
                        col("report.column.city", 2.2f, false), col("report.column.confirmed", 1.2f, true),
                        col("report.column.held", 1.2f, true)), rows);
    }

    Table outcomes() {
        List<List<Object>> rows = new ArrayList<>();
        for (Outcome outcome : List.of(Outcome.AGREEMENT_SIGNED, Outcome.AGREEMENT_IN_PREPARATION, Outcome.FOLLOW_UP,
                Outcome.NO_INTEREST)) {
            rows.add(List.of(text.outcome(outcome), results.outcomes().get(outcome),
                    results.outcomeCompanies().get(outcome)));
        }
        return new Table(text.t("report.table.outcomes"), text.t("report.sheet.outcomes"),
                List.of(col("report.column.outcome", 3.5f, false), col("report.column.meetings", 1.3f, true),
                        col("report.column.companies", 1.6f, true)), rows);
    }

    /** The meetings that led somewhere, strongest first; only the given outcomes. */
    Table outcomeMeetings(List<Outcome> wanted, String captionKey) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (OutcomeMeeting m : results.outcomeMeetings()) {
            if (wanted.contains(m.outcome())) {
                rows.add(List.of(++n + "", text.local(m.startsAt()),
                        m.firstCompany() + " (" + text.city(m.firstCity()) + ")",
                        m.secondCompany() + " (" + text.city(m.secondCity()) + ")", text.outcome(m.outcome())));
            }
        }
        return new Table(text.t(captionKey), text.t("report.sheet.agreements"),
                List.of(col("report.column.number", 0.6f, true), col("report.column.when", 1.75f, false),
                        col("report.column.company", 2.3f, false), col("report.column.company", 2.3f, false),
                        col("report.column.outcome", 2.2f, false)), rows);
    }

    Table roundTables() {
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (RoundTableFigure table : results.roundTables()) {
            rows.add(List.of(++n + "", table.title(text.locale()), text.local(table.startsAt()),
                    table.place(text.locale()), table.signedUp(),
                    table.checkedIn()));
        }
        return new Table(text.t("report.table.round-tables"), text.t("report.sheet.round-tables"),
                List.of(col("report.column.number", 0.5f, true), col("report.column.round-table", 3.2f, false),
                        col("report.column.when", 1.4f, false), col("report.column.place", 1.5f, false),
                        col("report.column.signed-up", 1.2f, true), col("report.column.checked-in", 1.2f, true)),
                rows);
    }

    Table fairZones() {
        List<List<Object>> rows = new ArrayList<>();
        FairFigures fair = results.fair();
        for (ZoneFigure zone : fair.zones()) {
            rows.add(List.of(zone.zone().name(text.locale()), zone.stands(), zone.exhibitors(), zone.meetings(),
                    zone.held(), zone.leads()));
        }
        rows.add(List.of(text.t("report.total"), fair.stands(), fair.exhibitorCount(), fair.meetings(), fair.held(),
                fair.leads()));
        return new Table(text.t("report.table.fair-zones"), text.t("report.sheet.fair-zones"),
                List.of(col("report.column.zone", 2.6f, false), col("report.column.stands", 1.1f, true),
                        col("report.column.exhibitors", 1.3f, true), col("report.column.stand-meetings", 1.5f, true),
                        col("report.column.held", 1.2f, true), col("report.column.leads", 1.1f, true)), rows, true);
    }

    Table fairSectors() {
        List<List<Object>> rows = new ArrayList<>();
        for (SectorFigure sector : results.fair().sectors()) {
            rows.add(List.of(text.sector(sector.sector()), sector.exhibitors(), sector.meetings(), sector.leads()));
        }
        return new Table(text.t("report.table.fair-sectors"), text.t("report.sheet.fair-sectors"),
                List.of(col("report.column.sector", 3.2f, false), col("report.column.exhibitors", 1.3f, true),
                        col("report.column.stand-meetings", 1.5f, true), col("report.column.leads", 1.1f, true)),
                rows);
    }

    /**
     * Every exhibitor, those with the most leads first. The stand column is as wide as a zone's words need to go on
     * a second line whole ("B-14, Павильон B ·" over "Техника и технологии"): at 1.7 it broke them onto three.
     */
    Table fairExhibitors() {
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (ExhibitorFigure exhibitor : results.fair().exhibitors()) {
            rows.add(List.of(++n + "", exhibitor.company() + " (" + text.city(exhibitor.city()) + ")",
                    exhibitor.stand() + ", " + exhibitor.zone().name(text.locale()), exhibitor.meetings(),
                    exhibitor.held(), exhibitor.leads()));
        }
        return new Table(text.t("report.table.fair-exhibitors"), text.t("report.sheet.fair-exhibitors"),
                List.of(col("report.column.number", 0.5f, true), col("report.column.exhibitor", 2.6f, false),
                        col("report.column.stand", 2.4f, false), col("report.column.stand-meetings", 1.3f, true),
                        col("report.column.held", 1.25f, true), col("report.column.leads", 0.85f, true)), rows);
    }

    Table fairVisitorCities() {
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (VisitorCityFigure city : results.fair().visitorCities()) {
            rows.add(List.of(++n + "", text.city(city.city()), text.country(city.country()), city.visitors(),
                    city.leads()));
        }
        return new Table(text.t("report.table.fair-visitor-cities"), text.t("report.sheet.fair-visitor-cities"),
                List.of(col("report.column.number", 0.5f, true), col("report.column.city", 2.2f, false),
                        col("report.column.country", 1.6f, false), col("report.column.visitors", 1.3f, true),
                        col("report.column.leads", 1.1f, true)), rows);
    }

    long countryCompanies(Country country) {
        return results.countries().stream().filter(c -> c.country() == country).mapToLong(CountryFigure::companies)
                .sum();
    }

    /** A share as a number, or a dash when the whole is nothing. */
    private static Object share(long part, long whole) {
        return whole == 0 ? "—" : (Object) ((double) part / whole);
    }

    private static List<Object> row(String label, long value) {
        return List.of(label, value);
    }

    private ReportPdf.Column col(String key, float share, boolean numeric) {
        return new ReportPdf.Column(text.t(key), share, numeric);
    }
}
