package org.b2bforum.reporting.ui;

import org.b2bforum.reporting.ForumReportService;
import org.b2bforum.venue.FiguresPageSection;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;

/** The report's charts and a link to the report, on the organizers' live <i>Forum results</i> page. */
@Component
class ResultsChartsOnFiguresPage implements FiguresPageSection {

    private final ForumReportService reports;

    ResultsChartsOnFiguresPage(ForumReportService reports) {
        this.reports = reports;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        ResultsChartsPanel charts = new ResultsChartsPanel(reports, reports.results());
        Anchor toReport = new Anchor(ResultsReportView.ROUTE, charts.getTranslation("figures.to-report"));
        toReport.setId("figures-to-report");
        return new Div(toReport, charts);
    }
}
