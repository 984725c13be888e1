/**
 * In-app notifications and e-mail; implements base's {@link org.b2bforum.base.ui.UnreadNotifications}.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = { "base :: *", "company", "registration" })
package org.b2bforum.notification;

import org.springframework.modulith.ApplicationModule;
