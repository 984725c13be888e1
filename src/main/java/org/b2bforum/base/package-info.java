/**
 * The shared kernel every feature builds on: accounts, roles and log-in (security), languages
 * and forum time (i18n), typed text and CSV (text), e-mail in two languages (mail), the public URL
 * (web), the main layout and shared UI pieces (ui); plus its internals, the embedded database and
 * operations (database, ops), which no other module uses. Not an open module: each sub-package other
 * modules use is a named interface, and base depends on no feature (the bell's count comes through
 * {@link org.b2bforum.base.ui.UnreadNotifications}, which the notification module implements).
 */
@ApplicationModule(displayName = "Base", allowedDependencies = {})
package org.b2bforum.base;

import org.springframework.modulith.ApplicationModule;
