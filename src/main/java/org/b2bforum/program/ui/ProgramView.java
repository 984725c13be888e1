package org.b2bforum.program.ui;

import java.time.Clock;
import java.util.List;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.web.PublicUrl;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.ForumDay;
import org.b2bforum.program.Hall;
import org.b2bforum.program.NegotiationSession;
import org.b2bforum.program.ProgramItem;
import org.b2bforum.program.ProgramItems;
import org.b2bforum.program.ProgramLabels;
import org.b2bforum.program.ProgramService;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Organizers set up the forum program: days, halls with their tables, negotiation sessions cut
 * into slots, program items, and the booking window. All times are forum time.
 */
@Route("program")
@Menu(title = "menu.program", icon = "CALENDAR", order = 10)
@RolesAllowed(Role.ORGANIZER_NAME)
class ProgramView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    final FirstStepsPanel firstSteps;
    final DaysPanel days;
    final HallsPanel halls;
    final SessionsPanel sessions;
    final ProgramItemsPanel items;
    final BookingSettingsPanel booking;
    private final ProgramService program;
    private final ProgramItems programItems;
    private final BookingWindow bookingWindow;

    ProgramView(ProgramService program, ProgramItems programItems, BookingWindow bookingWindow, ForumTime forumTime,
            Clock clock, PublicUrl publicUrl) {
        this.program = program;
        this.programItems = programItems;
        this.bookingWindow = bookingWindow;
        addClassName("page");
        addClassName("program-page");
        ProgramLabels labels = new ProgramLabels(forumTime, getLocale());
        firstSteps = new FirstStepsPanel(publicUrl.of("/register"));
        days = new DaysPanel(program, labels, this::refresh, clock, forumTime.zone());
        halls = new HallsPanel(program, this::refresh);
        sessions = new SessionsPanel(program, labels, this::refresh);
        items = new ProgramItemsPanel(programItems, labels, this::refresh);
        booking = new BookingSettingsPanel(bookingWindow, labels);
        add(new H1(getTranslation("program.title")),
                new Paragraph(getTranslation("program.intro", labels.zoneName())),
                firstSteps, days, halls, sessions, items, booking);
    }

    /**
     * The lists are read at each arrival, not only when the view is made: the router keeps the view when it is
     * opened again from itself (the menu, or the start page, which leads here while the forum has no days), and it
     * showed the program as it was then. The booking window too (set at another desk meanwhile), but only here: a
     * day or a hall added must not undo what the organizer is typing into the booking form.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
        booking.show(bookingWindow.settings());
    }

    private void refresh() {
        List<ForumDay> allDays = program.days();
        List<Hall> allHalls = program.halls();
        List<NegotiationSession> allSessions = program.sessions();
        List<ProgramItem> allItems = programItems.all();
        firstSteps.show(allDays, allHalls, allSessions, allItems);
        days.show(allDays);
        halls.show(allHalls);
        sessions.show(allSessions, allDays, allHalls);
        items.show(allItems, allDays);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("program.title") + " · " + getTranslation("app.short-title");
    }
}
