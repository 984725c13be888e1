package org.b2bforum.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.b2bforum.fair.FairFigures.ExhibitorFigure;
import org.b2bforum.fair.FairFigures.ZoneFigure;
import org.b2bforum.reporting.ForumResults.CityFigure;
import org.b2bforum.reporting.ForumResults.CityPair;
import org.b2bforum.reporting.ForumResults.MeetingFigures;
import org.b2bforum.reporting.ForumResults.RoundTableFigure;
import org.b2bforum.reporting.ForumResults.SectorPair;
import org.b2bforum.venue.Outcome;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's charts, drawn by JFreeChart on the server: the same chart becomes vectors in the
 * PDF and SVG on the page. Bars, no gradients or shadows, the values written at the bars, as a
 * printed document wants them.
 */
final class ResultsCharts {

    /** The charts, in the report's order; the names are stable (file names and element ids). */
    enum Kind {
        CITIES, MEETINGS, SECTOR_PAIRS, CITY_PAIRS, OUTCOMES, ROUND_TABLES, FAIR_ZONES, FAIR_EXHIBITORS;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        boolean fair() {
            return this == FAIR_ZONES || this == FAIR_EXHIBITORS;
        }
    }

    static final int TOP = 12;
    /** The most lines a bar's label takes; each horizontal bar is given their height (30 points). */
    private static final int LABEL_LINES = 3;
    private static final Color[] SERIES = {new Color(0x1e, 0x5a, 0xa8), new Color(0x8f, 0xb4, 0xe3),
            new Color(0x2e, 0x7d, 0x32), new Color(0xb3, 0x26, 0x1e)};
    private static final Color GRID = new Color(0xd0, 0xd4, 0xda);
    private static final Color INK = new Color(0x1a, 0x1c, 0x20);

    private final ForumResults results;
    private final ReportText text;

    ResultsCharts(ForumResults results, ReportText text) {
        this.results = results;
        this.text = text;
    }

    JFreeChart chart(Kind kind) {
        return switch (kind) {
            case CITIES -> cities();
            case MEETINGS -> meetings();
            case SECTOR_PAIRS -> sectorPairs();
            case CITY_PAIRS -> cityPairs();
            case OUTCOMES -> outcomes();
            case ROUND_TABLES -> roundTables();
            case FAIR_ZONES -> fairZones();
            case FAIR_EXHIBITORS -> fairExhibitors();
        };
    }

    /** The chart's title; "(top 12)" only when there are more rows than the chart shows (4 cities are all). */
    String title(Kind kind) {
        String title = text.t("report.chart." + kind.id());
        long rows = switch (kind) {
            case CITIES -> results.cities().size();
            case SECTOR_PAIRS -> results.sectorPairs().size();
            case CITY_PAIRS -> results.cityPairs().size();
            case FAIR_EXHIBITORS -> results.fair().exhibitors().stream().filter(e -> e.leads() > 0 || e.meetings() > 0)
                    .count();
            default -> 0;
        };
        return rows > TOP ? text.t("report.chart.top", title, TOP) : title;
    }

    /**
     * Whether the chart would show nothing but zeros: before the forum no outcome is reported and no exhibitor has
     * a lead or a meeting at the stand; the outcomes' chart was an empty frame from 0 to 1.
     */
    boolean empty(Kind kind) {
        return switch (kind) {
            case OUTCOMES -> results.outcomes().values().stream().allMatch(count -> count == 0);
            case FAIR_EXHIBITORS -> topExhibitors().isEmpty();
            default -> false;
        };
    }

    /** A chart's preferred height for a width of about 480 points: horizontal bar charts grow with their bars. */
    double height(Kind kind) {
        int bars = switch (kind) {
            case CITIES -> Math.min(TOP, results.cities().size());
            case SECTOR_PAIRS -> Math.min(TOP, results.sectorPairs().size());
            case CITY_PAIRS -> Math.min(TOP, results.cityPairs().size());
            case ROUND_TABLES -> results.roundTables().size();
            case FAIR_ZONES -> results.fair().zones().size();
            case FAIR_EXHIBITORS -> topExhibitors().size();
            case MEETINGS, OUTCOMES -> 0;
        };
        // a label takes up to three lines (LABEL_LINES), so each bar has their height: a pair of long sector names
        // ("Пищевая промышленность и сельское хозяйство × Пищевая промышленность и сельское хозяйство") ended in "..."
        // in two lines (ux81); a long round table's title ran into its neighbour's at 24 points a bar (mend51b)
        return bars == 0 ? 230 : Math.max(150, 70 + bars * 30);
    }

    /** The chart as an SVG document, {@code width} wide. */
    String svg(Kind kind, double width) {
        double height = height(kind) * width / 480;
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // unquoted: JFreeSVG writes attributes in single quotes
        g.setFontFunction(family -> "DejaVu Sans, Noto Sans, Arial, sans-serif");
        chart(kind).draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }

    private JFreeChart cities() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String companies = text.t("report.series.companies");
        String delegates = text.t("report.series.delegates");
        List<CityFigure> top = results.cities().stream().limit(TOP).toList();
        for (CityFigure city : top) {
            String label = text.city(city.city()) + " (" + text.country(city.country()) + ")";
            data.addValue(city.companies(), companies, label);
            data.addValue(city.delegates(), delegates, label);
        }
        return bars(data, PlotOrientation.HORIZONTAL, true);
    }

    private JFreeChart meetings() {
        MeetingFigures m = results.meetings();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = text.t("report.series.meetings");
        data.addValue(m.requested(), series, text.t("report.meetings.requested"));
        data.addValue(m.confirmed(), series, text.t("report.meetings.confirmed"));
        data.addValue(m.held(), series, text.t("report.meetings.held"));
        data.addValue(m.noShows(), series, text.t("report.meetings.no-shows"));
        return bars(data, PlotOrientation.VERTICAL, false);
    }

    private JFreeChart sectorPairs() {
        return pairs(results.sectorPairs().stream().limit(TOP).toList(),
                p -> text.sector(p.first()) + " × " + text.sector(p.second()), SectorPair::meetings,
                SectorPair::held);
    }

    private JFreeChart cityPairs() {
        return pairs(results.cityPairs().stream().limit(TOP).toList(),
                p -> text.city(p.first()) + " × " + text.city(p.second()), CityPair::meetings, CityPair::held);
    }

    private <P> JFreeChart pairs(List<P> pairs, Function<P, String> label, Function<P, Long> meetings,
            Function<P, Long> held) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String confirmed = text.t("report.series.confirmed");
        String heldSeries = text.t("report.series.held");
        for (P pair : pairs) {
            data.addValue(meetings.apply(pair), confirmed, label.apply(pair));
            data.addValue(held.apply(pair), heldSeries, label.apply(pair));
        }
        return bars(data, PlotOrientation.HORIZONTAL, true);
    }

    private JFreeChart outcomes() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String meetings = text.t("report.series.meetings");
        String companies = text.t("report.series.companies");
        Map<Outcome, Long> outcomes = results.outcomes();
        for (Outcome outcome : List.of(Outcome.FOLLOW_UP, Outcome.AGREEMENT_IN_PREPARATION, Outcome.AGREEMENT_SIGNED,
                Outcome.NO_INTEREST)) {
            data.addValue(outcomes.get(outcome), meetings, text.outcome(outcome));
            data.addValue(results.outcomeCompanies().get(outcome), companies, text.outcome(outcome));
        }
        return bars(data, PlotOrientation.VERTICAL, true);
    }

    private JFreeChart roundTables() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String signedUp = text.t("report.series.signed-up");
        String checkedIn = text.t("report.series.checked-in");
        for (RoundTableFigure table : results.roundTables()) {
            String label = ReportFonts.printable(table.title(text.locale()));
            data.addValue(table.signedUp(), signedUp, label);
            data.addValue(table.checkedIn(), checkedIn, label);
        }
        return bars(data, PlotOrientation.HORIZONTAL, true);
    }

    /** Zones of the fair: their exhibitors, the meetings held at their stands and the leads collected there. */
    private JFreeChart fairZones() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String exhibitors = text.t("report.series.exhibitors");
        String meetings = text.t("report.series.stand-meetings");
        String leads = text.t("report.series.leads");
        for (ZoneFigure zone : results.fair().zones()) {
            String label = ReportFonts.printable(zone.zone().name(text.locale()));
            data.addValue(zone.exhibitors(), exhibitors, label);
            data.addValue(zone.held(), meetings, label);
            data.addValue(zone.leads(), leads, label);
        }
        return bars(data, PlotOrientation.HORIZONTAL, true);
    }

    private JFreeChart fairExhibitors() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String leads = text.t("report.series.leads");
        String meetings = text.t("report.series.stand-meetings");
        for (ExhibitorFigure exhibitor : topExhibitors()) {
            String label = ReportFonts.printable(exhibitor.company()) + " (" + exhibitor.stand() + ")";
            data.addValue(exhibitor.leads(), leads, label);
            data.addValue(exhibitor.held(), meetings, label);
        }
        return bars(data, PlotOrientation.HORIZONTAL, true);
    }

    /** The exhibitors with the most leads (then meetings), those with neither left out. */
    private List<ExhibitorFigure> topExhibitors() {
        return results.fair().exhibitors().stream().filter(e -> e.leads() > 0 || e.meetings() > 0).limit(TOP)
                .toList();
    }

    private JFreeChart bars(DefaultCategoryDataset data, PlotOrientation orientation, boolean legend) {
        StandardChartTheme theme = new StandardChartTheme("report");
        theme.setExtraLargeFont(ReportFonts.AWT_BOLD.deriveFont(12f));
        theme.setLargeFont(ReportFonts.AWT_BOLD.deriveFont(9f));
        theme.setRegularFont(ReportFonts.AWT_REGULAR.deriveFont(8f));
        theme.setSmallFont(ReportFonts.AWT_REGULAR.deriveFont(7f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.WHITE);
        theme.setRangeGridlinePaint(GRID);
        theme.setDomainGridlinePaint(GRID);
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setItemLabelPaint(INK);
        theme.setLegendItemPaint(INK);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);

        CategoryAxis categories = new CategoryAxis();
        categories.setMaximumCategoryLabelWidthRatio(orientation == PlotOrientation.HORIZONTAL ? 0.45f : 1f);
        categories.setMaximumCategoryLabelLines(LABEL_LINES);
        categories.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        categories.setCategoryMargin(0.25);
        NumberAxis values = new NumberAxis();
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits(text.locale()));
        values.setUpperMargin(0.12);
        BarRenderer renderer = new BarRenderer();
        renderer.setItemMargin(0.05);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                java.text.NumberFormat.getIntegerInstance(text.locale())));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setMaximumBarWidth(orientation == PlotOrientation.HORIZONTAL ? 0.2 : 0.12);
        if (orientation == PlotOrientation.HORIZONTAL) {
            renderer.setDefaultPositiveItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
            renderer.setItemLabelAnchorOffset(3);
        }
        if (allZero(data)) {
            values.setRange(0, 1); // else the axis centres an empty chart on 0
        }
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(orientation);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setInsets(new RectangleInsets(4, 4, 4, 12));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        theme.apply(chart);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
        }
        renderer.setDefaultItemLabelFont(ReportFonts.AWT_REGULAR.deriveFont(7f));
        if (legend) {
            LegendTitle title = chart.getLegend();
            title.setPosition(RectangleEdge.TOP);
            title.setItemFont(ReportFonts.AWT_REGULAR.deriveFont(8f));
            title.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setBorderVisible(false);
        return chart;
    }

    private static boolean allZero(DefaultCategoryDataset data) {
        for (int row = 0; row < data.getRowCount(); row++) {
            for (int column = 0; column < data.getColumnCount(); column++) {
                Number value = data.getValue(row, column);
                if (value != null && value.doubleValue() != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
