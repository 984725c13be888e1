/**
 * iCalendar downloads and private subscriptions; {@link org.b2bforum.calendar.ui.CalendarExportPanel}
 * is a named interface for the badge pages.
 */
@ApplicationModule(displayName = "Calendar", allowedDependencies = { "base :: *", "company", "program", "fair" })
package org.b2bforum.calendar;

import org.springframework.modulith.ApplicationModule;
