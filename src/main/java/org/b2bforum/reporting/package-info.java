/**
 * The results report to the two city governments: a read model across the features' tables, its
 * charts, the PDF and the XLSX; its charts on the venue's Forum results page.
 */
@ApplicationModule(displayName = "Results report", allowedDependencies = { "base :: *", "company", "venue", "fair",
        "meeting" })
package org.b2bforum.reporting;

import org.springframework.modulith.ApplicationModule;
