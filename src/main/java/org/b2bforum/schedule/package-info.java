/**
 * Meeting wishes and schedule runs: build in the background with the optimizer, review, publish.
 */
@ApplicationModule(displayName = "Schedule runs", allowedDependencies = { "base :: *", "company", "meeting", "program", "optimizer" })
package org.b2bforum.schedule;

import org.springframework.modulith.ApplicationModule;
