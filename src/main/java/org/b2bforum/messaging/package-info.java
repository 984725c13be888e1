/**
 * Messages between approved companies: conversations, mute and block (which meeting requests obey), reports.
 */
@ApplicationModule(displayName = "Messages", allowedDependencies = { "base :: *", "company" })
package org.b2bforum.messaging;

import org.springframework.modulith.ApplicationModule;
