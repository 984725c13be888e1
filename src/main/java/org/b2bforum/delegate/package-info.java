/**
 * Delegates' own log-ins: invitations and the invitation page.
 */
@ApplicationModule(displayName = "Delegate log-ins", allowedDependencies = { "base :: *", "company", "badge" })
package org.b2bforum.delegate;

import org.springframework.modulith.ApplicationModule;
