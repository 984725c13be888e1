package org.b2bforum.venue.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.TemplateText;
import org.b2bforum.program.ForumDay;
import org.b2bforum.program.NegotiationSession;
import org.b2bforum.program.ProgramGrid;
import org.b2bforum.program.ProgramService;
import org.b2bforum.program.Slot;
import org.b2bforum.venue.Attendance;
import org.b2bforum.venue.AttendanceService;
import org.b2bforum.venue.TableMeeting;
import org.b2bforum.venue.VenueRefusedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;

import jakarta.annotation.security.RolesAllowed;

/**
 * At the tables: organizers and staff pick a day, a session and a slot (the current or next slot
 * unless chosen, kept in the URL as {@code venue?slot=12}) and mark each table's confirmed meeting
 * held or no-show once it has begun. A mark can be corrected. The days, sessions and slots to choose from are the
 * program as one read found it when the page opened ({@link ProgramService#grid()}); the meetings are read afresh.
 */
@Route("venue")
@Menu(title = "menu.venue", icon = "CHECK_SQUARE_O", order = 12)
@RolesAllowed({Role.ORGANIZER_NAME, Role.STAFF_NAME})
class VenueView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Select<ForumDay> day = new Select<>();
    final Select<NegotiationSession> session = new Select<>();
    final Select<Slot> slot = new Select<>();
    /** The slot's tables, drawn by the browser for the rows in sight (see {@link #rowRenderer()}). */
    final VirtualList<TableMeeting> tables = new VirtualList<>();
    /** What the slot's list cannot say: no slot chosen, none begun yet, no meetings. */
    final Div hints = new Div();
    final Paragraph summary = new Paragraph();

    private final ProgramService program;
    private final AttendanceService attendance;
    private final Clock clock;
    private final VenueTimes times;
    private List<NegotiationSession> allSessions = List.of();
    private List<Slot> allSlots = List.of();
    private boolean selecting;
    private boolean begun;

    VenueView(ProgramService program, AttendanceService attendance, ForumTime forumTime, Clock clock) {
        this.program = program;
        this.attendance = attendance;
        this.clock = clock;
        this.times = new VenueTimes(forumTime, clock, getLocale());
        addClassName("page");
        addClassName("venue-view");

        day.setId("venue-day");
        day.setLabel(getTranslation("venue.day"));
        day.setItemLabelGenerator(d -> times.day(d.day()));
        day.setWidth("min(100%, 17em)");
        session.setId("venue-session");
        session.setLabel(getTranslation("venue.session"));
        session.setItemLabelGenerator(s -> s.hallName(getLocale()) + " · " + s.name(getLocale()));
        session.setWidth("min(100%, 30em)");
        session.addClassName("wrap-value");
        slot.setId("venue-slot");
        slot.setLabel(getTranslation("venue.slot"));
        slot.setItemLabelGenerator(s -> times.range(s.startsAt(), s.endsAt()));
        slot.setWidth("9em");
        day.addValueChangeListener(e -> {
            if (!selecting) {
                chooseDay(e.getValue(), null, null);
            }
        });
        session.addValueChangeListener(e -> {
            if (!selecting) {
                chooseSession(e.getValue(), null);
            }
        });
        slot.addValueChangeListener(e -> {
            if (!selecting) {
                show();
                rememberInUrl();
            }
        });
        Button refresh = new Button(getTranslation("venue.refresh"), VaadinIcon.REFRESH.create(), e -> show());
        refresh.setId("venue-refresh");
        refresh.addThemeVariants(ButtonVariant.TERTIARY);

        HorizontalLayout filters = new HorizontalLayout(day, session, slot, refresh);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        tables.setId("venue-tables");
        tables.addClassName("venue-list");
        tables.setRenderer(rowRenderer());
        // the page fills the window and the list the rest of it, as the directory does; on a short phone screen
        // the page scrolls and the list keeps room for a few rows
        tables.setMinHeight("20rem");
        hints.setId("venue-hints");
        setSizeFull();
        summary.setId("venue-summary");
        summary.addClassName("grid-summary");
        add(new H1(getTranslation("venue.title")), new Paragraph(getTranslation("venue.intro", times.zoneName())),
                filters, summary, hints, tables);
        setFlexGrow(1, tables);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // one read: a session or day removed meanwhile is in none of the lists or in all (review56)
        ProgramGrid grid = program.grid();
        allSessions = grid.sessions();
        allSlots = grid.slots();
        List<Slot> slots = allSlots;
        Optional<Slot> chosen = event.getLocation().getQueryParameters().getSingleParameter("slot")
                .flatMap(id -> slots.stream().filter(s -> String.valueOf(s.id()).equals(id)).findFirst())
                .or(() -> currentOrNext(slots));
        List<ForumDay> days = grid.days();
        selecting = true;
        try {
            day.setItems(days);
        } finally {
            selecting = false;
        }
        Optional<NegotiationSession> sessionOf = chosen.flatMap(target -> allSessions.stream()
                .filter(s -> s.id() == target.sessionId()).findFirst());
        Optional<ForumDay> dayOfSession = sessionOf.flatMap(of -> days.stream().filter(d -> d.id() == of.dayId())
                .findFirst());
        if (dayOfSession.isPresent()) {
            Slot target = chosen.get();
            NegotiationSession of = sessionOf.get();
            ForumDay dayOf = dayOfSession.get();
            selecting = true;
            try {
                day.setValue(dayOf);
            } finally {
                selecting = false;
            }
            chooseDay(dayOf, of, target);
        } else {
            chooseDay(days.isEmpty() ? null : days.getFirst(), null, null);
        }
    }

    /** The slot running now, else the next one, else the last one of the forum. */
    private Optional<Slot> currentOrNext(List<Slot> slots) {
        Instant now = clock.instant();
        return slots.stream().filter(s -> s.endsAt().isAfter(now))
                .min(Comparator.comparing(Slot::startsAt).thenComparing(Slot::hallName))
                .or(() -> slots.stream().max(Comparator.comparing(Slot::startsAt)));
    }

    private void chooseDay(ForumDay chosenDay, NegotiationSession preferred, Slot preferredSlot) {
        List<NegotiationSession> ofDay = chosenDay == null ? List.of()
                : allSessions.stream().filter(s -> s.dayId() == chosenDay.id()).toList();
        selecting = true;
        try {
            session.setItems(ofDay);
            session.setValue(preferred != null && ofDay.contains(preferred) ? preferred
                    : ofDay.isEmpty() ? null : ofDay.getFirst());
        } finally {
            selecting = false;
        }
        chooseSession(session.getValue(), preferredSlot);
    }

    private void chooseSession(NegotiationSession chosen, Slot preferred) {
        List<Slot> slots = chosen == null ? List.of()
                : allSlots.stream().filter(s -> s.sessionId() == chosen.id()).toList();
        selecting = true;
        try {
            slot.setItems(slots);
            Instant now = clock.instant();
            slot.setValue(preferred != null && slots.contains(preferred) ? preferred
                    : slots.stream().filter(s -> s.endsAt().isAfter(now)).findFirst()
                            .orElse(slots.isEmpty() ? null : slots.getFirst()));
        } finally {
            selecting = false;
        }
        show();
        rememberInUrl();
    }

    private void rememberInUrl() {
        Slot selected = slot.getValue();
        QueryParameters parameters = selected == null ? QueryParameters.empty()
                : QueryParameters.of("slot", String.valueOf(selected.id()));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(RouteConfiguration.forSessionScope().getUrl(VenueView.class), parameters)));
    }

    void show() {
        Slot selected = slot.getValue();
        hints.removeAll();
        if (selected == null) {
            summary.setText("");
            showMeetings(List.of(), false);
            hints.add(hint(getTranslation("venue.no-slot")));
            return;
        }
        List<TableMeeting> meetings = attendance.meetingsInSlot(selected.id());
        boolean begun = !selected.startsAt().isAfter(clock.instant());
        long held = meetings.stream().filter(m -> m.attendance() == Attendance.HELD).count();
        long missed = meetings.stream().filter(m -> m.attendance() == Attendance.NO_SHOW).count();
        summary.setText(getTranslation("venue.summary", meetings.size(), held, missed));
        if (!begun) {
            // "The slot starts: 18 Sept, 14:00" read as a form, not a sentence (ux37, ux47)
            Instant start = selected.startsAt();
            hints.add(hint(times.isToday(start) ? getTranslation("venue.not-begun.today", times.time(start))
                    : getTranslation("venue.not-begun", times.date(start), times.time(start))));
        }
        if (meetings.isEmpty()) {
            hints.add(hint(getTranslation("venue.no-meetings")));
        }
        showMeetings(meetings, begun);
    }

    private void showMeetings(List<TableMeeting> meetings, boolean begun) {
        this.begun = begun;
        tables.setItems(meetings);
        tables.setVisible(!meetings.isEmpty());
        hints.setVisible(hints.getElement().getChildCount() > 0);
    }

    /**
     * A table's row, drawn by the browser for the rows in sight: the place, the two companies, who attends, the mark
     * and the two buttons (named by their words, as the buttons they were; the one of the mark made is pressed). A
     * component per row held 1,851 components a tab at a full slot of 105 tables (bench/README.md, run-report, ux69).
     */
    private LitRenderer<TableMeeting> rowRenderer() {
        String heldText = TemplateText.literal(getTranslation("venue.mark." + Attendance.HELD.name()));
        String missedText = TemplateText.literal(getTranslation("venue.mark." + Attendance.NO_SHOW.name()));
        return LitRenderer.<TableMeeting>of("""
                <div class="venue-item"><div class="venue-row ${item.state}" id="venue-meeting-${item.id}">\
                <span class="venue-table-number">${item.place}</span>\
                <div class="venue-body"><div class="venue-pair"><span>${item.pair}</span></div>\
                <p class="agenda-small" ?hidden=${!item.people}>${item.people}</p>\
                <p class="venue-mark" id="venue-mark-${item.id}">${item.mark}</p></div>\
                <div class="venue-actions">\
                <vaadin-button id="held-${item.id}" theme="${item.attendance === 'HELD' ? 'primary success' : ''}" \
                .ariaPressed=${item.attendance === 'HELD' ? 'true' : null} ?disabled=${!item.begun} @click=${held}>\
                <vaadin-icon icon="vaadin:check" slot="prefix"></vaadin-icon>%s</vaadin-button>\
                <vaadin-button id="no-show-${item.id}" theme="${item.attendance === 'NO_SHOW' ? 'primary error' : ''}" \
                .ariaPressed=${item.attendance === 'NO_SHOW' ? 'true' : null} ?disabled=${!item.begun} @click=${missed}>\
                <vaadin-icon icon="vaadin:close" slot="prefix"></vaadin-icon>%s</vaadin-button>\
                </div></div></div>""".formatted(heldText, missedText))
                .withProperty("id", TableMeeting::meetingId)
                .withProperty("state", m -> m.attendance() == null ? ""
                        : "venue-" + m.attendance().name().toLowerCase().replace('_', '-'))
                .withProperty("place", this::place)
                .withProperty("pair", m -> m.requesterName() + " — " + m.partnerName())
                .withProperty("people", m -> String.join(", ", m.delegates()))
                .withProperty("mark", this::markWords)
                .withProperty("attendance", m -> m.attendance() == null ? "" : m.attendance().name())
                .withProperty("begun", m -> begun)
                .withFunction("held", m -> mark(m, Attendance.HELD))
                .withFunction("missed", m -> mark(m, Attendance.NO_SHOW));
    }

    /** "Встреча состоялась · отметил(а) Иванова в 10:05", or "Не отмечена". */
    private String markWords(TableMeeting meeting) {
        return meeting.attendance() == null ? getTranslation("venue.unmarked")
                : getTranslation(meeting.attendance().translationKey())
                        // who and when are unknown for a mark not made here (set in the database by hand, imported)
                        + (meeting.markedAt() == null || meeting.markedBy() == null ? ""
                                : " · " + getTranslation("venue.marked-by", meeting.markedBy(),
                                        times.moment(meeting.markedAt())));
    }

    /** "Стол 3", or "Стенд B-14" for a meeting at an exhibitor's stand. */
    private String place(TableMeeting meeting) {
        return meeting.standNumber() != null ? getTranslation("venue.stand", meeting.standNumber())
                : getTranslation("venue.table", meeting.tableNumber());
    }

    private void mark(TableMeeting meeting, Attendance value) {
        try {
            attendance.mark(meeting.meetingId(), value);
            // "not held" in green read as good news at a glance, beside the red row it marks (stop 49's second reading)
            Notification.show(getTranslation("venue.marked", place(meeting),
                    getTranslation(value.translationKey())), 3000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(value == Attendance.HELD ? NotificationVariant.SUCCESS
                            : NotificationVariant.WARNING);
        } catch (VenueRefusedException e) {
            Notification.show(getTranslation(e.key()), 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.ERROR);
        }
        show();
    }

    private static Paragraph hint(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("empty-hint");
        return paragraph;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("venue.title") + " · " + getTranslation("app.short-title");
    }
}
