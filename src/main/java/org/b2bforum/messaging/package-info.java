/**
 * Messages between approved companies: conversations, mute and block (which meeting requests obey), reports.
 */
@ApplicationModule(displayName = "Messages", allowedDependencies = { "base :: *" })
package org.b2bforum.messaging;

import org.springframework.modulith.ApplicationModule;
