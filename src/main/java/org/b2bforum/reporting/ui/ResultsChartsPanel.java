package org.b2bforum.reporting.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.b2bforum.reporting.ForumReportService;
import org.b2bforum.reporting.ForumResults;
import org.b2bforum.reporting.ResultsChart;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/** The results report's charts, drawn on the server as SVG, each under its title. */
class ResultsChartsPanel extends Div {

    /**
     * The charts' drawing width in pixels, the PDF's (about 480 points): the page scales them up to its column
     * (30rem at least), so their 7-8 px labels grow on a desktop; on a phone a chart keeps this width and scrolls
     * sideways in its box. Drawn 720 wide they were shrunk to half on a phone, the labels to 4 px.
     */
    static final int WIDTH = 480;

    ResultsChartsPanel(ForumReportService reports, ForumResults results) {
        addClassName("results-charts");
        setId("results-charts");
        add(new H2(getTranslation("figures.charts")));
        for (ResultsChart chart : reports.charts(results, getLocale(), WIDTH)) {
            byte[] svg = chart.svg().getBytes(StandardCharsets.UTF_8);
            Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(svg), chart.id() + ".svg", "image/svg+xml", svg.length)).inline(),
                    chart.title());
            image.setId("chart-" + chart.id());
            image.addClassName("results-chart");
            Div figure = new Div(new H3(chart.title()), image);
            figure.addClassName("results-chart-box");
            figure.setId("chart-box-" + chart.id());
            // the box scrolls sideways on a phone: the keyboard reaches it too (axe: scrollable-region-focusable)
            figure.getElement().setAttribute("tabindex", "0");
            figure.getElement().setAttribute("role", "group");
            figure.getElement().setAttribute("aria-label", chart.title());
            add(figure);
        }
    }
}
