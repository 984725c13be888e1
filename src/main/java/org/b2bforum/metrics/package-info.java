/**
 * The forum's own Prometheus metrics, counted around feature services by an advisor: it observes
 * meeting, venue, schedule and badge, and nothing depends on it (it lived in base/ops, which made base
 * depend on four features).
 */
@ApplicationModule(displayName = "Metrics", allowedDependencies = { "meeting", "venue", "schedule", "badge" })
package org.b2bforum.metrics;

import org.springframework.modulith.ApplicationModule;
