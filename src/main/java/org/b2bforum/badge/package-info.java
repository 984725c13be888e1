/**
 * Badge PDFs, personal schedules, batch printing.
 */
@ApplicationModule(displayName = "Badges",
        allowedDependencies = { "base :: *", "company", "calendar :: export-panel", "fair" })
package org.b2bforum.badge;

import org.springframework.modulith.ApplicationModule;
