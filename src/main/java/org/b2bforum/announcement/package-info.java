/**
 * Organizer announcements to everyone, a city, a sector or a session's companies.
 */
@ApplicationModule(displayName = "Announcements",
        allowedDependencies = { "base :: *", "company", "messaging", "program" })
package org.b2bforum.announcement;

import org.springframework.modulith.ApplicationModule;
