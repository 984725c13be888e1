package org.b2bforum.meeting.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.ApprovedCompaniesOnly;
import org.b2bforum.base.ui.MessageLink;
import org.b2bforum.meeting.AgendaEntry;
import org.b2bforum.meeting.DelegateChoice;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingDetails;
import org.b2bforum.program.ForumDay;
import org.b2bforum.program.ProgramItems;
import org.b2bforum.program.ProgramService;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The company's day at the forum: its meetings (with hall, table and, once confirmed, the
 * counterpart's contacts) and the program items its delegates attend, in time order, for one day
 * and one delegate or all. Below, the day's program, to sign delegates up. The day and the
 * delegate live in the URL ({@code agenda?day=2026-09-18&delegate=12}).
 */
@Route("agenda")
@Menu(title = "menu.agenda", icon = "CALENDAR_CLOCK", order = 7)
@RolesAllowed(Role.COMPANY_NAME)
@ApprovedCompaniesOnly
class AgendaView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Select<ForumDay> day = new Select<>();
    final Select<DelegateChoice> delegate = new Select<>();
    final Div entries = new Div();
    final ProgramSignUp program;
    final H2 programHeading = new H2();

    private final MeetingQueries meetings;
    private final ProgramService programService;
    private final ForumDates dates;
    private final Clock clock;
    private final long me;
    private final List<DelegateChoice> myDelegates;
    private boolean applyingUrl;

    AgendaView(MeetingQueries meetings, ProgramService programService, ProgramItems programItems,
            CurrentUser currentUser, ForumTime forumTime, Clock clock) {
        this.meetings = meetings;
        this.programService = programService;
        this.clock = clock;
        this.dates = new ForumDates(forumTime, getLocale());
        this.me = currentUser.requireCompanyId();
        this.myDelegates = meetings.myDelegates();
        this.program = new ProgramSignUp(programItems, myDelegates, dates, this::refresh);
        addClassName("page");
        addClassName("agenda-view");

        day.setId("agenda-day");
        day.setLabel(getTranslation("agenda.day"));
        day.setItemLabelGenerator(d -> dates.day(d.day()));
        day.setWidth("min(100%, 18em)");

        delegate.setId("agenda-delegate");
        delegate.setLabel(getTranslation("agenda.delegate"));
        delegate.setItems(myDelegates);
        delegate.setEmptySelectionAllowed(true);
        delegate.setEmptySelectionCaption(getTranslation("agenda.delegate.all"));
        delegate.setItemLabelGenerator(d -> d == null ? getTranslation("agenda.delegate.all") : d.fullName());
        delegate.setWidth("min(100%, 18em)");

        day.addValueChangeListener(e -> pushToUrl());
        delegate.addValueChangeListener(e -> pushToUrl());

        HorizontalLayout filters = new HorizontalLayout(day, delegate);
        filters.setWrap(true);
        filters.setWidthFull();
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        entries.setId("agenda-entries");
        entries.addClassName("agenda-list");
        programHeading.setText(getTranslation("agenda.program"));
        programHeading.addClassName("meetings-heading");
        add(new H1(getTranslation("menu.agenda")), filters, entries, programHeading, program);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters params = event.getLocation().getQueryParameters();
        List<ForumDay> days = programService.days();
        applyingUrl = true;
        try {
            day.setItems(days);
            Optional<ForumDay> chosen = params.getSingleParameter("day").flatMap(AgendaView::parseDate)
                    .flatMap(d -> days.stream().filter(f -> f.day().equals(d)).findFirst());
            day.setValue(chosen.orElseGet(() -> defaultDay(days)));
            delegate.setValue(params.getSingleParameter("delegate").flatMap(id -> myDelegates.stream()
                    .filter(d -> String.valueOf(d.id()).equals(id)).findFirst()).orElse(null));
        } finally {
            applyingUrl = false;
        }
        refresh();
    }

    /** The day of the company's next meeting or program item; else today or the next forum day; else the last one. */
    private ForumDay defaultDay(List<ForumDay> days) {
        if (days.isEmpty()) {
            return null;
        }
        LocalDate today = dates.day(clock.instant());
        Map<LocalDate, ForumDay> byDate = days.stream()
                .collect(Collectors.toMap(ForumDay::day, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Optional<ForumDay> next = meetings.myAgenda(null).stream()
                .map(entry -> dates.day(entry.startsAt())).filter(d -> !d.isBefore(today)).sorted()
                .map(byDate::get).filter(Objects::nonNull).findFirst();
        return next.orElseGet(() -> days.stream().filter(d -> !d.day().isBefore(today)).findFirst()
                .orElse(days.getLast()));
    }

    private void pushToUrl() {
        if (applyingUrl) {
            return;
        }
        Map<String, String> params = new HashMap<>();
        Optional.ofNullable(day.getValue()).ifPresent(d -> params.put("day", d.day().toString()));
        Optional.ofNullable(delegate.getValue()).ifPresent(d -> params.put("delegate", String.valueOf(d.id())));
        getUI().ifPresent(ui -> ui.navigate(AgendaView.class, QueryParameters.simple(params)));
    }

    void refresh() {
        entries.removeAll();
        ForumDay selected = day.getValue();
        if (selected == null) {
            entries.add(hint("agenda.no-days"));
            program.show(null, Set.of());
            return;
        }
        DelegateChoice who = delegate.getValue();
        List<AgendaEntry> agenda = meetings.myAgenda(who == null ? null : who.id()).stream()
                .filter(entry -> dates.day(entry.startsAt()).equals(selected.day()))
                .sorted(Comparator.comparing(AgendaEntry::startsAt)).toList();
        Map<Long, MeetingDetails> meetingsById = agenda.stream().anyMatch(e -> e.kind() == AgendaEntry.Kind.MEETING)
                ? meetings.myMeetings().stream().collect(Collectors.toMap(MeetingDetails::id, Function.identity()))
                : Map.of();
        // the program items of the list are left out of the day's program below, and signed up for in their line
        Set<Long> listed = agenda.stream().map(AgendaEntry::programItemId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        program.show(selected, listed);
        programHeading.setText(getTranslation(listed.isEmpty() ? "agenda.program" : "agenda.program.others"));
        for (AgendaEntry entry : agenda) {
            entries.add(entry(entry, entry.meetingId() == null ? null : meetingsById.get(entry.meetingId())));
        }
        if (agenda.isEmpty()) {
            entries.add(hint("agenda.empty"));
        }
    }

    private Div entry(AgendaEntry entry, MeetingDetails meeting) {
        AgendaRow row = new AgendaRow(entry, dates, meeting == null ? new Span(entry.title(getLocale()))
                : new CompanyLink(meeting.counterpartId(me), entry.title()));
        if (entry.kind() == AgendaEntry.Kind.MEETING) {
            row.setId("agenda-meeting-" + entry.meetingId());
        }
        if (meeting != null) {
            row.addAction(new MessageLink(meeting.counterpartId(me)));
        }
        if (entry.programItemId() != null) {
            program.attendance(entry.programItemId()).forEach(row::addAction);
        }
        return row;
    }

    private Paragraph hint(String key) {
        Paragraph paragraph = new Paragraph(getTranslation(key));
        paragraph.addClassName("empty-hint");
        return paragraph;
    }

    private static Optional<LocalDate> parseDate(String value) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.agenda") + " · " + getTranslation("app.short-title");
    }
}
