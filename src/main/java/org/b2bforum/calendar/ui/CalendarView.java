package org.b2bforum.calendar.ui;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.ApprovedCompaniesOnly;
import org.b2bforum.calendar.CalendarService;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The company's whole agenda in a calendar app (delegates have the same panel, for their own
 * schedule, on their "My badge and schedule" page).
 */
@Route("my-calendar")
@ApprovedCompaniesOnly
@Menu(title = "menu.calendar", icon = "CALENDAR_USER", order = 8)
@RolesAllowed(Role.COMPANY_NAME)
class CalendarView extends VerticalLayout implements HasDynamicTitle {

    final CalendarExportPanel panel;

    CalendarView(CalendarService calendars, ForumTime forumTime) {
        addClassName("page");
        addClassName("calendar-view");
        panel = new CalendarExportPanel(calendars, forumTime);
        add(new H1(getTranslation("menu.calendar")), panel);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.calendar") + " · " + getTranslation("app.short-title");
    }
}
