package org.b2bforum.reporting;

/** One of the report's charts as an SVG document, for the page: its stable id and its title. */
public record ResultsChart(String id, String title, String svg) {
}
