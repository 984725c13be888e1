/**
 * In-app notifications and e-mail; implements base's {@link org.b2bforum.base.ui.UnreadNotifications}.
 * Meetings' notices are written in the booking's transaction (meeting calls this module); an
 * announcement's notifications after it has committed, as a listener of its event.
 */
@ApplicationModule(displayName = "Notifications",
        allowedDependencies = { "base :: *", "company", "registration", "announcement", "program" })
package org.b2bforum.notification;

import org.springframework.modulith.ApplicationModule;
