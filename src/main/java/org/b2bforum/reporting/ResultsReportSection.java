package org.b2bforum.reporting;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A section another feature adds to the results report, after the report's own sections: the
 * exhibition-fair's visits and leads are meant to come this way (issue 20), so that the report
 * reads no feature's tables but its own read model. A Spring bean implementing this is picked up
 * by {@link ForumReportService}; its table is numbered with the report's tables and becomes an
 * XLSX sheet of its own.
 */
public interface ResultsReportSection {

    /** The section in the given language, or empty when there is nothing to report. */
    Optional<Section> section(Locale locale);

    /**
     * A titled section: a paragraph, then a table (the first column is text, the others numbers
     * or text); {@code sheetName} names its XLSX sheet (at most 31 characters).
     */
    record Section(String title, String paragraph, String tableCaption, String sheetName, List<String> header,
            List<List<Object>> rows) {
    }
}
