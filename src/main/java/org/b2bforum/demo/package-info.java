/**
 * The demo forum, loaded into an empty database in demo mode: it uses every feature's API and no
 * feature uses it.
 */
@ApplicationModule(displayName = "Demo forum", allowedDependencies = { "base :: *", "company", "meeting", "program", "registration", "schedule", "venue", "fair" })
package org.b2bforum.demo;

import org.springframework.modulith.ApplicationModule;
