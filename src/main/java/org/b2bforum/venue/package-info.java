/**
 * At the venue: check-in, meetings held or missed, outcomes, live figures, staff log-ins.
 */
@ApplicationModule(displayName = "Venue", allowedDependencies = { "base :: *", "company", "program", "fair" })
package org.b2bforum.venue;

import org.springframework.modulith.ApplicationModule;
