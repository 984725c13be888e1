package org.b2bforum.badge.ui;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.b2bforum.badge.BadgeHolder;
import org.b2bforum.badge.BadgeHolderRemovedException;
import org.b2bforum.badge.BadgeService;
import org.b2bforum.badge.PersonalSchedule;
import org.b2bforum.badge.ScheduleEntry;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveUpdates;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.AttendanceBadge;
import org.b2bforum.base.ui.Downloads;
import org.b2bforum.base.ui.ForumDays;
import org.b2bforum.base.ui.GoneDownload;
import org.b2bforum.base.ui.MessageLink;
import org.b2bforum.calendar.CalendarService;
import org.b2bforum.calendar.ui.CalendarExportPanel;
import org.b2bforum.company.Cities;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

/**
 * A delegate's own page, made for the phone: who they are on the badge with the badge's code to show at the
 * doors and at the fair's stands (scanned like the printed badge), the badge as a PDF, and their schedule with
 * today's meetings first (time, table, counterpart, hall, "Write a message" to it), then the coming days, then the
 * days gone by. The schedule follows live updates: a meeting moved, cancelled or placed meanwhile shows where it is now, not only in the note.
 * After the forum's last day the badge's code is no longer asked for: the page says the forum is over and leads to what
 * is useful then, the contacts of the companies met (the company's agenda) and the messages to them, above the days
 * gone by (ux67's walk of the day after: it still said "show this code at the entrance").
 */
@Route("my-badge")
@Menu(title = "menu.my-badge", icon = "USER_CARD", order = 0)
@RolesAllowed(Role.DELEGATE_NAME)
class MyBadgeView extends VerticalLayout implements HasDynamicTitle {

    /** The badge's download; none after the forum, as the codes below. */
    Anchor download;
    /** The badge's QR code (the check-in link), drawn on the server as a PNG. */
    Image code;
    /** The short code printed under the badge's QR code ({@code 7KQ-3PX}). */
    Span shortCode;
    final Div today = new Div();
    final Div upcoming = new Div();
    final Div past = new Div();
    /** "Schedule" with the words of an empty one, shown while the delegate has nothing in it. */
    final Div empty = new Div();
    /** The calendar export: the .ics download and the private subscription link. */
    CalendarExportPanel calendarExport;
    /** After the forum's last day: the forum is over, and where to go now. */
    Div after;

    private final BadgeService badges;
    private final Clock clock;
    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final DateTimeFormatter longDay;

    MyBadgeView(BadgeService badges, CalendarService calendars, ForumTime forumTime, Clock clock,
            CurrentUser currentUser, LiveUpdates live, ForumDays forumDays) {
        this.badges = badges;
        this.clock = clock;
        this.zone = forumTime.zone();
        Locale locale = getLocale();
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
        this.longDay = DateTimeFormatter.ofPattern("EEEE, d MMMM", locale);
        addClassName("page");
        addClassName("my-badge-view");
        setPadding(false);

        Optional<PersonalSchedule> read = mySchedule();
        if (read.isEmpty()) {
            return;
        }
        PersonalSchedule schedule = read.get();
        BadgeHolder me = schedule.delegate();

        Div card = new Div();
        card.addClassName("my-badge-card");
        card.addClassName("badge-role-" + me.role().name().toLowerCase(Locale.ROOT));
        Span role = new Span(getTranslation("badge.role." + me.role().name()));
        role.addClassName("my-badge-role");
        H1 name = new H1(me.fullName());
        name.setId("my-badge-name");
        Paragraph position = new Paragraph(me.position());
        Paragraph company = new Paragraph(me.companyName() + " · " + Cities.inLanguage(me.city(), this::getTranslation) + ", "
                + getTranslation(me.country().translationKey()));
        company.addClassName("my-badge-company");
        card.add(role, name, position, company);
        calendarExport = new CalendarExportPanel(calendars, forumTime);
        Optional<LocalDate> over = forumDays.days().map(ForumDays.Days::last)
                .filter(last -> LocalDate.now(clock.withZone(zone)).isAfter(last));
        if (over.isPresent()) {
            // the code opens no door now: the badge card keeps who they are, the page what comes after (nor is a code
            // made for it)
            after = afterTheForum(over.get(), locale);
            card.add(after);
        } else {
            Optional<String> badgeCode = Optional.ofNullable(schedule.badgeCode()).or(this::madeBadgeCode);
            if (badgeCode.isEmpty()) {
                return;
            }
            card.add(pass(badgeCode.get()));
            // removed by their company after the page showed: words as on the page, 410 (not "something went wrong")
            download = new Anchor(Downloads.toldOnFailure(event -> GoneDownload.pdf("badge.pdf",
                    () -> badges.myBadgePdf(locale), BadgeHolderRemovedException.class, event.getUI(),
                    () -> getTranslation("delegate.removed-meanwhile"), () -> { })), AttachmentType.DOWNLOAD, "");
            download.setId("download-badge");
            download.addClassName("my-badge-download");
            download.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("my-badge.download")));
        }

        today.setId("my-schedule-today");
        upcoming.setId("my-schedule-upcoming");
        past.setId("my-schedule-past");
        empty.setId("my-schedule-empty");
        add(card);
        if (download != null) {
            add(download);
        }
        add(empty, today, upcoming, past, calendarExport);
        showSchedule(schedule.entries());
        live.whileAttached(this, currentUser.require(), this::changed);
    }

    /**
     * The badge's QR code for the phone's screen with its words, and the code printed under the QR code, for a stand
     * whose camera will not read the phone's screen (ux79).
     */
    private Div pass(String badgeCode) {
        code = new Image(Downloads.toldOnFailure(event -> {
            byte[] png = badges.myBadgeCodePng();
            return new DownloadResponse(new ByteArrayInputStream(png), "badge-code.png", "image/png", png.length);
        }), getTranslation("my-badge.code-alt"));
        code.setId("my-badge-code");
        Paragraph codeHint = new Paragraph(getTranslation("my-badge.code-hint"));
        codeHint.addClassName("my-badge-code-hint");
        shortCode = new Span(badgeCode);
        shortCode.setId("my-badge-short-code");
        shortCode.addClassName("my-badge-short-code");
        // read aloud as what it is and character by character ("Код бейджа: 6 6 7 J 4 5"), then its hint: the bare
        // "667-J45" was read as a number, a letter and another number, and said nothing of what it was
        shortCode.getElement().setAttribute("aria-hidden", "true");
        Span spokenCode = new Span(getTranslation("my-badge.short-code-spoken", spelled(badgeCode)));
        spokenCode.setId("my-badge-short-code-spoken");
        spokenCode.addClassName("visually-hidden");
        Paragraph shortCodeHint = new Paragraph(getTranslation("my-badge.short-code-hint"));
        shortCodeHint.addClassName("my-badge-code-hint");
        // the QR code's words right under it ("show this code"), then the short code and its words: in the other order
        // "show this code" stood under 667-J45, which nobody scans
        Div pass = new Div(code, codeHint, new Paragraph(spokenCode, shortCode), shortCodeHint);
        pass.addClassName("my-badge-pass");
        return pass;
    }

    /** The code's characters one by one, without the dash: {@code 6 6 7 J 4 5}. */
    static String spelled(String badgeCode) {
        return String.join(" ", badgeCode.replace("-", "").split(""));
    }

    /**
     * The badge's code made now (neither a print nor this page made it before); none when their company removed them
     * since the schedule's read: the page then says so.
     */
    private Optional<String> madeBadgeCode() {
        return unlessRemoved(badges::myBadgeCode);
    }

    private Div afterTheForum(LocalDate lastDay, Locale locale) {
        Paragraph over = new Paragraph(getTranslation("my-badge.over",
                DateTimeFormatter.ofPattern("d MMMM", locale).format(lastDay)));
        over.setId("my-badge-over");
        over.addClassName("my-badge-code-hint");
        Anchor contacts = new Anchor("company-agenda", "");
        contacts.setId("my-badge-after-contacts");
        contacts.add(VaadinIcon.CALENDAR_USER.create(), new Span(getTranslation("my-badge.after.contacts")));
        Anchor messages = new Anchor("messages", "");
        messages.setId("my-badge-after-messages");
        messages.add(VaadinIcon.ENVELOPE_O.create(), new Span(getTranslation("my-badge.after.messages")));
        // drawn as the badge's download, which they stand in for
        contacts.addClassName("my-badge-download");
        messages.addClassName("my-badge-download");
        Div links = new Div(contacts, messages);
        links.addClassName("my-badge-after-links");
        Div block = new Div(over, links);
        block.setId("my-badge-after");
        block.addClassName("my-badge-after");
        return block;
    }

    /**
     * A meeting moved, cancelled or placed by the organizers, the partner or the delegate's own company reaches the
     * delegate as a notification: the schedule is read again with it (a read that fails leaves the page as it was, and
     * the live update comes again). Before, only the note said so and the schedule below kept the meeting at its old
     * time and table: the delegate walked to a table nobody came to.
     */
    private void changed(LiveChange change) {
        if (change.kind() == LiveChange.Kind.NOTIFICATION) {
            mySchedule().ifPresent(schedule -> showSchedule(schedule.entries()));
        }
    }

    /** The delegate's schedule, or none when their company removed them meanwhile: the page then says so. */
    private Optional<PersonalSchedule> mySchedule() {
        return unlessRemoved(badges::mySchedule);
    }

    private <T> Optional<T> unlessRemoved(Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (BadgeHolderRemovedException removed) {
            showGone("delegate.removed-meanwhile", "my-badge-removed");
            return Optional.empty();
        } catch (AccessDeniedException notApproved) {
            // the company's approval was withdrawn, or its application is back with the organizers: "Something went
            // wrong" was all the delegate read (ux91's walk). A new name or tax number no longer does it (mend53a: a
            // proposal the office decides while the company stays approved)
            showGone("my-badge.not-approved", "my-badge-not-approved");
            return Optional.empty();
        }
    }

    /**
     * Their company took them off its list since this request's session check, or its registration is not approved
     * now: words, not an error page.
     */
    private void showGone(String key, String id) {
        removeAll();
        Paragraph gone = new Paragraph(getTranslation(key));
        gone.setId(id);
        gone.addClassName("empty-hint");
        add(new H1(getTranslation("menu.my-badge")), gone);
    }

    private void showSchedule(List<ScheduleEntry> entries) {
        LocalDate todayDate = LocalDate.now(clock.withZone(zone));
        List.of(empty, today, upcoming, past).forEach(section -> {
            section.removeAll();
            section.setVisible(false);
        });
        TreeMap<LocalDate, List<ScheduleEntry>> byDay = entries.stream().collect(Collectors.groupingBy(
                entry -> entry.startsAt().atZone(zone).toLocalDate(), TreeMap::new, Collectors.toList()));
        if (byDay.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("my-badge.empty"));
            none.addClassName("empty-hint");
            empty.add(heading("my-badge.schedule"), none);
            empty.setVisible(true);
            return;
        }
        List<ScheduleEntry> todays = byDay.remove(todayDate);
        if (todays != null) {
            // "Сегодня, суббота, 18 сентября": the weekday within the sentence, not capitalised as a title
            today.add(heading("my-badge.today", longDay.format(todayDate)));
            Instant now = clock.instant();
            ScheduleEntry next = todays.stream().filter(entry -> entry.startsAt().isAfter(now)).findFirst()
                    .orElse(null);
            // on the day, the phone says at a glance what is on now and what comes next; what is over steps back
            todays.forEach(entry -> today.add(marked(entry(entry), entry, now, entry == next)));
            today.setVisible(true);
        }
        Map<LocalDate, List<ScheduleEntry>> coming = new TreeMap<>(byDay.tailMap(todayDate, false));
        Map<LocalDate, List<ScheduleEntry>> gone = new TreeMap<>(byDay.headMap(todayDate, false));
        if (!coming.isEmpty()) {
            upcoming.add(heading(todays == null ? "my-badge.schedule" : "my-badge.next-days"));
            coming.forEach((date, dayEntries) -> upcoming.add(dayBlock(date, dayEntries)));
            upcoming.setVisible(true);
        }
        if (!gone.isEmpty()) {
            past.add(heading("my-badge.past-days"));
            gone.forEach((date, dayEntries) -> past.add(dayBlock(date, dayEntries)));
            past.setVisible(true);
        }
    }

    private Div marked(Div row, ScheduleEntry entry, Instant now, boolean next) {
        boolean running = !entry.startsAt().isAfter(now) && entry.endsAt().isAfter(now);
        if (!entry.endsAt().isAfter(now)) {
            row.addClassName("agenda-over");
        } else if (running || next) {
            Span label = new Span(getTranslation(running ? "my-badge.now" : "my-badge.next"));
            label.addClassName(running ? "agenda-now-label" : "agenda-next-label");
            row.addClassName(running ? "agenda-now" : "agenda-next");
            row.getChildren().findFirst().map(Span.class::cast).ifPresent(time -> time.add(label)); // entry(): time first
        }
        return row;
    }

    private Div dayBlock(LocalDate date, List<ScheduleEntry> entries) {
        Div block = new Div();
        block.addClassName("my-schedule-day");
        Paragraph title = new Paragraph(day(date));
        title.addClassName("my-schedule-day-title");
        block.add(title);
        entries.forEach(entry -> block.add(entry(entry)));
        return block;
    }

    private Div entry(ScheduleEntry entry) {
        Div row = new Div();
        row.addClassName("agenda-entry");
        row.addClassName(entry.kind() == ScheduleEntry.Kind.MEETING ? "agenda-meeting" : "agenda-program");
        Span when = new Span(time.format(entry.startsAt().atZone(zone)) + "–" + time.format(entry.endsAt().atZone(zone)));
        when.addClassName("agenda-time");
        Div body = new Div();
        body.addClassName("agenda-body");
        if (entry.kind() == ScheduleEntry.Kind.MEETING) {
            boolean atStand = entry.meetingPlace() != null && entry.meetingPlace().atStand();
            // a meeting at a stand opens the fair's map on that stand: the delegate walks there from this page (ux79)
            HtmlContainer table = atStand ? new Anchor("fair?stand=" + entry.meetingPlace().stand(),
                    getTranslation("fair.stand.label", entry.meetingPlace().stand()))
                    : new Span(entry.tableNumber() == null ? getTranslation("my-badge.no-table")
                            : getTranslation("my-badge.table", entry.tableNumber()));
            table.addClassName("my-schedule-table");
            Div title = new Div(new Span(getTranslation("agenda.meeting-with") + " " + entry.title()));
            if (entry.attendance() != null) {
                // the venue's mark, as the company's agenda and meetings page show it (a past day read as if pending)
                title.add(new AttendanceBadge(entry.attendance(),
                        "schedule-attendance-" + entry.startsAt().getEpochSecond()));
            }
            title.addClassName("agenda-title");
            Paragraph place = new Paragraph(atStand ? entry.meetingPlace().describe(getLocale(), this::getTranslation)
                    : entry.place(getLocale()));
            place.addClassName("agenda-place");
            body.add(table, title, place);
            if (entry.counterpartId() != null) {
                // a delegate writes in the company's name, as from the company's agenda and the Meetings page
                body.add(new MessageLink(entry.counterpartId()));
            }
        } else {
            Div title = new Div(new Span(entry.title(getLocale())));
            title.addClassName("agenda-title");
            Paragraph place = new Paragraph(entry.place(getLocale()));
            place.addClassName("agenda-place");
            body.add(title, place);
        }
        row.add(when, body);
        return row;
    }

    private H2 heading(String key, Object... params) {
        H2 heading = new H2(getTranslation(key, params));
        heading.addClassName("meetings-heading");
        return heading;
    }

    private String day(LocalDate date) {
        String text = longDay.format(date);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.my-badge") + " · " + getTranslation("app.short-title");
    }
}
