package org.b2bforum.meeting.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.MessageLink;
import org.b2bforum.meeting.AgendaEntry;
import org.b2bforum.meeting.MeetingQueries;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * For a delegate's own log-in: the agenda of their whole company, day by day, to read (only the
 * company's representative requests, accepts or signs up), with a link to write to each meeting's other company.
 */
@Route("company-agenda")
@Menu(title = "menu.company-agenda", icon = "CALENDAR_CLOCK", order = 1)
@RolesAllowed(Role.DELEGATE_NAME)
class CompanyAgendaView extends VerticalLayout implements HasDynamicTitle {

    final Div entries = new Div();

    CompanyAgendaView(MeetingQueries meetings, ForumTime forumTime) {
        ForumDates dates = new ForumDates(forumTime, getLocale());
        addClassName("page");
        addClassName("company-agenda-view");
        entries.setId("company-agenda-entries");
        Paragraph hint = new Paragraph(getTranslation("company-agenda.hint"));
        hint.addClassName("hint");
        add(new H1(getTranslation("menu.company-agenda")), hint, entries);

        Optional<List<AgendaEntry>> agenda = meetings.myCompanyAgenda();
        if (agenda.isEmpty()) {
            // the company took this delegate off its list since the request began: words, not an error page
            Paragraph removed = new Paragraph(getTranslation("delegate.removed-meanwhile"));
            removed.setId("company-agenda-removed");
            removed.addClassName("empty-hint");
            entries.add(removed);
            return;
        }
        Map<LocalDate, List<AgendaEntry>> byDay = agenda.get().stream().collect(Collectors.groupingBy(
                entry -> dates.day(entry.startsAt()), TreeMap::new, Collectors.toList()));
        if (byDay.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("company-agenda.empty"));
            empty.addClassName("empty-hint");
            entries.add(empty);
        }
        byDay.forEach((day, dayEntries) -> {
            H2 heading = new H2(dates.day(day));
            heading.addClassName("meetings-heading");
            Div list = new Div();
            list.addClassName("agenda-list");
            dayEntries.forEach(entry -> {
                AgendaRow row = new AgendaRow(entry, dates, new Span(entry.title(getLocale())),
                        "company-agenda.delegates");
                if (entry.counterpartId() != null) {
                    // a delegate writes in the company's name: from here, as the representative does from the agenda
                    row.addAction(new MessageLink(entry.counterpartId()));
                }
                list.add(row);
            });
            entries.add(heading, list);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.company-agenda") + " · " + getTranslation("app.short-title");
    }
}
