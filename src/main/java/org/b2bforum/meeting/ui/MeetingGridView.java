package org.b2bforum.meeting.ui;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.company.DirectoryService;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.meeting.MeetingStatus;
import org.b2bforum.meeting.MeetingDetails;
import org.b2bforum.program.Hall;
import org.b2bforum.program.NegotiationSession;
import org.b2bforum.program.ProgramLabels;
import org.b2bforum.program.ProgramService;
import org.b2bforum.program.Slot;

import com.vaadin.flow.component.grid.ColumnRendering;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
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
 * The organizers' meeting grid of one negotiation session: a row per slot, a column per table with
 * the confirmed meeting there, and the slot's requests awaiting an answer. A meeting opens a dialog to move
 * or cancel it; below, organizers book a meeting themselves.
 */
@Route("meeting-grid")
@Menu(title = "menu.meeting-grid", icon = "TABLE", order = 11)
@RolesAllowed(Role.ORGANIZER_NAME)
class MeetingGridView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /**
     * One slot of the session: the cells of its confirmed meetings, table 1 first (null at a free table), and its
     * requests awaiting an answer. The rows are held for as long as the tab is open: they carry the words shown and the
     * meeting's id, not the meeting; whole {@link MeetingDetails} (messages, answers, every delegate) were 2,520 a
     * session per tab (bench/README.md, run-report, ux69).
     */
    record SlotRow(Slot slot, Cell[] cellsByTable, long requests) {

        Cell cell(int table) {
            return table <= cellsByTable.length ? cellsByTable[table - 1] : null;
        }

        int confirmed() {
            return (int) Arrays.stream(cellsByTable).filter(Objects::nonNull).count();
        }
    }

    /**
     * A confirmed meeting's cell: its id (the dialog reads the meeting at the click), its two companies and who attends
     * from each (null for none). The tooltip and the button's name are made of these as the row is sent, not kept: a
     * session's 2,447 tooltips were 0.85 MB a tab (bench/README.md, run-report, ux69); the names and lists of people are
     * one {@code String} each however many of the session's cells show them (a company meets in several slots).
     */
    record Cell(long meetingId, String requester, String partner, String requesterPeople, String partnerPeople) {

        static Cell of(MeetingDetails meeting, Map<String, String> shared) {
            return new Cell(meeting.id(), shared(meeting.requesterName(), shared),
                    shared(meeting.partnerName(), shared),
                    people(meeting.delegatesOf(meeting.requesterId()), shared),
                    people(meeting.delegatesOf(meeting.partnerId()), shared));
        }

        String pair() {
            return requester + " — " + partner;
        }

        private static String people(List<String> delegates, Map<String, String> shared) {
            return delegates.isEmpty() ? null : shared(String.join(", ", delegates), shared);
        }

        private static String shared(String words, Map<String, String> shared) {
            return shared.computeIfAbsent(words, w -> w);
        }
    }

    /**
     * A table's cell: the meeting's two companies as a button that opens it; nothing at a free table. The button's
     * name is the tooltip's words (the two companies whole, then who attends): a screen reader does not read a grid's
     * tooltip, so a user who reached the cell by the keyboard heard only the two names, perhaps cut (ux70). The name
     * begins with the words shown, as a name must (WCAG 2.5.3).
     */
    static final String MEETING_CELL = "<vaadin-button theme=\"tertiary small\" class=\"grid-meeting\" "
            + "?hidden=${!item.pair} aria-label=${item.said} @click=${open}>${item.pair}</vaadin-button>";

    final Select<NegotiationSession> session = new Select<>();
    final Grid<SlotRow> grid = new Grid<>();
    final Span summary = new Span();
    final OrganizerBookingForm booking;
    private final ProgramService program;
    private final MeetingQueries meetings;
    private final OrganizerBookings bookings;
    private final MeetingRequests requests;
    private final ProgramLabels labels;

    MeetingGridView(ProgramService program, MeetingQueries meetings, OrganizerBookings bookings,
            MeetingRequests requests, DirectoryService directory, ForumTime forumTime) {
        this.program = program;
        this.meetings = meetings;
        this.bookings = bookings;
        this.requests = requests;
        this.labels = new ProgramLabels(forumTime, getLocale());
        addClassName("page");
        addClassName("meeting-grid-page");

        session.setId("grid-session");
        session.setLabel(getTranslation("meeting-grid.session"));
        session.setPlaceholder(getTranslation("meeting-grid.choose-session"));
        session.setItemLabelGenerator(s -> labels.date(s.startsAt()) + " · " + s.hallName(getLocale()) + " · "
                + s.name(getLocale()) + " · " + labels.timeRange(s.startsAt(), s.endsAt()));
        session.setItems(program.sessions());
        session.setWidthFull();
        session.setMaxWidth("60em");
        session.addClassName("wrap-value");
        session.addValueChangeListener(e -> {
            show();
            rememberInUrl(e.getValue());
        });

        grid.setId("meeting-grid");
        grid.addThemeVariants(GridVariant.COLUMN_BORDERS, GridVariant.ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("meeting-grid.no-session"));
        grid.setAllRowsVisible(true);
        // the browser draws the columns in sight, not all 105 tables of a hall
        grid.setColumnRendering(ColumnRendering.LAZY);
        summary.setId("grid-summary");
        summary.addClassName("grid-summary");

        booking = new OrganizerBookingForm(bookings, directory, labels, this::show);
        add(new H1(getTranslation("meeting-grid.title")),
                new Paragraph(getTranslation("meeting-grid.intro", labels.zoneName())), session, summary, grid,
                booking);
        show();
    }

    /**
     * "meeting-grid?session=12" opens that session's grid (also after switching the language);
     * without one, the first session is shown.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("session").map(MeetingGridView::parseId)
                .flatMap(id -> session.getListDataView().getItems().filter(s -> s.id() == id).findFirst())
                .or(() -> session.getListDataView().getItems().findFirst())
                .ifPresent(session::setValue);
    }

    private void rememberInUrl(NegotiationSession selected) {
        QueryParameters parameters = selected == null ? QueryParameters.empty()
                : QueryParameters.of("session", String.valueOf(selected.id()));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(RouteConfiguration.forSessionScope().getUrl(MeetingGridView.class), parameters)));
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void show() {
        NegotiationSession selected = session.getValue();
        grid.removeAllColumns();
        if (selected == null) {
            grid.setItems(List.of());
            summary.setText("");
            booking.showSlots(List.of());
            return;
        }
        List<Slot> slots = program.slots(selected.id());
        int tables = program.halls().stream().filter(h -> h.id() == selected.hallId()).mapToInt(Hall::tableCount)
                .findFirst().orElse(0);
        List<MeetingDetails> inSession = meetings.meetingsInSession(selected.id());
        Map<String, String> shared = new HashMap<>();
        List<SlotRow> rows = slots.stream().map(slot -> row(slot, tables, inSession, shared)).toList();

        grid.addColumn(r -> labels.timeRange(r.slot().startsAt(), r.slot().endsAt()))
                .setHeader(getTranslation("meeting-grid.column.time")).setFrozen(true).setAutoWidth(true).setFlexGrow(0);
        for (int number = 1; number <= tables; number++) {
            int table = number;
            // a template drawn in the browser, not a component per cell: a session of 105 tables and 24 slots had
            // 2,520 buttons with tooltips held on the server for each open tab (bench/README.md, run-report, ux65)
            grid.addColumn(LitRenderer.<SlotRow>of(MEETING_CELL)
                    .withProperty("pair", r -> r.cell(table) == null ? "" : r.cell(table).pair())
                    .withProperty("said", r -> r.cell(table) == null ? "" : tooltip(r.cell(table)))
                    .withFunction("open", r -> open(r.cell(table), slots)))
                    .setTooltipGenerator(r -> r.cell(table) == null ? null : tooltip(r.cell(table)))
                    .setHeader(getTranslation("meeting-grid.column.table", table)).setWidth("14rem").setFlexGrow(1)
                    .setKey("table-" + table);
        }
        grid.addColumn(SlotRow::requests).setHeader(getTranslation("meeting-grid.column.requests"))
                .setTooltipGenerator(r -> getTranslation("meeting-grid.column.requests.tooltip"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0).setKey("requests");
        grid.setItems(rows);

        long confirmed = rows.stream().mapToLong(SlotRow::confirmed).sum();
        long requests = rows.stream().mapToLong(SlotRow::requests).sum();
        summary.setText(getTranslation("meeting-grid.summary", confirmed, requests,
                (long) tables * slots.size() - confirmed));
        booking.showSlots(slots);
    }

    private SlotRow row(Slot slot, int tables, List<MeetingDetails> inSession, Map<String, String> shared) {
        Cell[] cells = new Cell[tables];
        long requests = 0;
        for (MeetingDetails meeting : inSession) {
            if (meeting.slotId() != slot.id()) {
                continue;
            }
            if (meeting.awaitsAnswer()) {
                requests++;
            } else if (meeting.status() == MeetingStatus.CONFIRMED && meeting.tableNumber() != null
                    && meeting.tableNumber() >= 1 && meeting.tableNumber() <= tables
                    && cells[meeting.tableNumber() - 1] == null) {
                cells[meeting.tableNumber() - 1] = Cell.of(meeting, shared);
            }
        }
        return new SlotRow(slot, cells, requests);
    }

    /**
     * The cell may cut the names: the tooltip has them whole, with who attends (each company's people named apart,
     * as in the meeting's dialog).
     */
    String tooltip(Cell cell) {
        StringBuilder words = new StringBuilder(cell.pair());
        if (cell.requesterPeople() != null) {
            words.append(" · ").append(getTranslation("meeting-grid.meeting.delegates-of", cell.requester(),
                    cell.requesterPeople()));
        }
        if (cell.partnerPeople() != null) {
            words.append(" · ").append(getTranslation("meeting-grid.meeting.delegates-of", cell.partner(),
                    cell.partnerPeople()));
        }
        return words.toString();
    }

    /**
     * The meeting as it is now: moved by another organizer since the grid was drawn, the dialog has its new slot;
     * cancelled meanwhile, the grid is drawn again and says so.
     */
    private void open(Cell cell, List<Slot> slots) {
        if (cell == null) {
            return;
        }
        MeetingDetails meeting = meetings.meeting(cell.meetingId());
        if (meeting.status() != MeetingStatus.CONFIRMED) {
            show();
            Notices.warning(getTranslation("meeting-grid.meeting.gone"));
            return;
        }
        new MeetingDialog(meeting, slots, labels, bookings, requests, this::show).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("meeting-grid.title") + " · " + getTranslation("app.short-title");
    }
}
