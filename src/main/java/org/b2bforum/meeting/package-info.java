/**
 * Meeting requests, bookings (companies' and the organizers' meeting grid), agendas.
 */
@ApplicationModule(displayName = "Meetings", allowedDependencies = { "base :: *", "company", "program",
        "registration", "notification", "venue", "announcement", "fair" })
package org.b2bforum.meeting;

import org.springframework.modulith.ApplicationModule;
