package org.b2bforum.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.venue.VenueFixture;
import org.b2bforum.program.ProgramItems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.ICalDate;

/**
 * The calendar of a delegate: it parses (with biweekly), its times are right in Europe/Moscow with a
 * proper VTIMEZONE, it is nobody else's to read, and a subscribed calendar follows a moved or
 * cancelled meeting.
 */
@ForumSpringTest
class CalendarServiceTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    ApplicationContext context;
    @Autowired
    CalendarService calendars;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    ProgramItems programItems;

    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;

    @Test
    void the_delegates_calendar_parses_and_its_times_are_right_in_moscow_with_a_vtimezone() {
        TestSession session = venue.futureSession(3);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        TestCompany c = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(1).id()));
        booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(b.id(), c.id(), session.slot(0).id())); // not a's
        long cancelled = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), c.id(), session.slot(2).id()));
        booking.asOrganizer(() -> meetingRequests.cancel(cancelled, null));
        long roundTable = booking.asOrganizer(() -> programItems.add(session.dayId(), ProgramItemKind.ROUND_TABLE,
                "Круглый стол «Логистика» " + TestData.unique(), null, "Зал «Немига»", null, LocalTime.of(14, 0),
                LocalTime.of(15, 30)));
        booking.as(a, () -> programItems.signUp(roundTable, List.of(a.firstDelegate())));
        ForumUser delegate = venue.delegateAccount(a.firstDelegate());

        BookingFixture.logInAs(delegate);
        String ics = calendars.myCalendar(Languages.RUSSIAN);

        assertThat(ics).contains("BEGIN:VTIMEZONE", "TZID:Europe/Moscow", "DTSTART;TZID=Europe/Moscow:");
        ICalendar calendar = Biweekly.parse(ics).first();
        assertThat(calendar).isNotNull();
        VTimezone timezone = calendar.getTimezoneInfo().getComponents().iterator().next();
        assertThat(timezone.getTimezoneId().getValue()).isEqualTo("Europe/Moscow");
        StandardTime standard = timezone.getStandardTimes().getLast();
        assertThat(standard.getTimezoneOffsetTo().getValue().getMillis()).isEqualTo(Duration.ofHours(3).toMillis());
        assertThat(standard.getTimezoneNames().getFirst().getValue()).isEqualTo("MSK");
        assertThat(timezone.getDaylightSavingsTime()).isEmpty();

        assertThat(calendar.getEvents()).hasSize(2);
        VEvent event = event(calendar, "meeting-" + meeting + "@").orElseThrow();
        TimezoneAssignment tz = calendar.getTimezoneInfo().getTimezone(event.getDateStart());
        assertThat(tz).isNotNull();
        assertThat(tz.getComponent().getTimezoneId().getValue()).isEqualTo("Europe/Moscow");
        ZonedDateTime start = event.getDateStart().getValue().toInstant().atZone(MOSCOW);
        assertThat(start).isEqualTo(ZonedDateTime.of(session.day(), LocalTime.of(10, 20), MOSCOW));
        assertThat(start.getOffset()).isEqualTo(ZoneOffset.ofHours(3));
        ICalDate rawStart = event.getDateStart().getValue();
        assertThat(rawStart.getRawComponents().getHour()).as("written as Moscow wall time").isEqualTo(10);
        assertThat(rawStart.getRawComponents().getMinute()).isEqualTo(20);
        assertThat(event.getDateEnd().getValue().toInstant().atZone(MOSCOW))
                .isEqualTo(ZonedDateTime.of(session.day(), LocalTime.of(10, 40), MOSCOW));
        assertThat(event.getSummary().getValue()).isEqualTo("B2B-встреча: " + name(b));
        assertThat(event.getLocation().getValue()).isEqualTo(session.hallName() + ", стол № 1");
        // each company's people under its own name (ux59): "Участники: Иван Петров, Иван Петров" read as one side's
        assertThat(event.getDescription().getValue()).contains("Встреча с компанией «" + name(b) + "» (Москва)",
                "Участники от вашей компании: Иван Петров\nУчастники от «" + name(b) + "»: Иван Петров")
                .doesNotContain("Участники: Иван Петров, Иван Петров");
        assertThat(event.getStatus().isConfirmed()).isTrue();

        VEvent item = event(calendar, "program-" + roundTable + "@").orElseThrow();
        assertThat(item.getDateStart().getValue().toInstant().atZone(MOSCOW))
                .isEqualTo(ZonedDateTime.of(session.day(), LocalTime.of(14, 0), MOSCOW));
        assertThat(item.getLocation().getValue()).isEqualTo("Зал «Немига»");
        assertThat(event(calendar, "meeting-" + cancelled + "@")).as("cancelled meetings are left out").isEmpty();
    }

    @Test
    void the_english_calendar_names_the_hall_and_the_program_item_in_english_the_russian_one_in_russian() {
        TestSession session = venue.futureSession(2);
        String hall = booking.nameHallInEnglish(session.hallId());
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(0).id()));
        long roundTable = booking.asOrganizer(() -> programItems.add(session.dayId(), ProgramItemKind.ROUND_TABLE,
                "Круглый стол «Логистика»", "Round table: Logistics", "Зал «Немига»", "Nemiga Hall",
                LocalTime.of(14, 0), LocalTime.of(15, 30)));
        booking.as(a, () -> programItems.signUp(roundTable, List.of(a.firstDelegate())));
        BookingFixture.logInAs(venue.delegateAccount(a.firstDelegate()));

        ICalendar english = Biweekly.parse(calendars.myCalendar(Languages.ENGLISH)).first();
        assertThat(event(english, "meeting-" + meeting + "@").orElseThrow().getLocation().getValue())
                .isEqualTo(hall + ", table 1");
        VEvent item = event(english, "program-" + roundTable + "@").orElseThrow();
        assertThat(item.getSummary().getValue()).isEqualTo("Round table: Logistics");
        assertThat(item.getLocation().getValue()).isEqualTo("Nemiga Hall");

        ICalendar russian = Biweekly.parse(calendars.myCalendar(Languages.RUSSIAN)).first();
        assertThat(event(russian, "meeting-" + meeting + "@").orElseThrow().getLocation().getValue())
                .isEqualTo(session.hallName() + ", стол № 1");
        VEvent itemRu = event(russian, "program-" + roundTable + "@").orElseThrow();
        assertThat(itemRu.getSummary().getValue()).isEqualTo("Круглый стол «Логистика»");
        assertThat(itemRu.getLocation().getValue()).isEqualTo("Зал «Немига»");
    }

    @Test
    void a_delegate_cannot_open_another_delegates_calendar() {
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        ForumUser delegateOfA = venue.delegateAccount(a.firstDelegate());
        ForumUser colleague = venue.delegateAccount(a.delegateIds().get(1));
        venue.delegateAccount(b.firstDelegate());

        BookingFixture.logInAs(delegateOfA);
        assertThat(calendars.delegateCalendar(a.firstDelegate(), Languages.RUSSIAN)).contains("BEGIN:VCALENDAR");
        assertThatThrownBy(() -> calendars.delegateCalendar(b.firstDelegate(), Languages.RUSSIAN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> calendars.delegateCalendar(a.delegateIds().get(1), Languages.RUSSIAN))
                .as("not even a colleague's").isInstanceOf(AccessDeniedException.class);
        BookingFixture.logInAs(colleague);
        assertThatThrownBy(() -> calendars.delegateCalendar(a.firstDelegate(), Languages.RUSSIAN))
                .isInstanceOf(AccessDeniedException.class);
        // the company's representative may read its own delegates' calendars, not another company's
        BookingFixture.logInAs(b.user());
        assertThatThrownBy(() -> calendars.delegateCalendar(a.firstDelegate(), Languages.RUSSIAN))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(calendars.delegateCalendar(b.firstDelegate(), Languages.RUSSIAN)).contains("BEGIN:VCALENDAR");
        // staff have no calendar and read none
        BookingFixture.logInAs(venue.staff());
        assertThatThrownBy(() -> calendars.delegateCalendar(a.firstDelegate(), Languages.RUSSIAN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> calendars.myCalendar(Languages.RUSSIAN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> calendars.newSubscription()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_subscribed_calendar_follows_a_moved_meeting_and_drops_a_cancelled_one() {
        TestSession session = venue.futureSession(2);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(0).id()));
        BookingFixture.logInAs(venue.delegateAccount(b.firstDelegate()));
        String token = token(calendars.newSubscription());
        TestData.logOut();

        VEvent before = event(Biweekly.parse(calendars.feed(token, Languages.RUSSIAN).orElseThrow()).first(),
                "meeting-" + meeting + "@").orElseThrow();
        assertThat(before.getDateStart().getValue().toInstant().atZone(MOSCOW).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(before.getSummary().getValue()).isEqualTo("B2B-встреча: " + name(a));

        booking.asOrganizer(() -> organizerBookings.move(meeting, session.slot(2).id()));
        VEvent moved = event(Biweekly.parse(calendars.feed(token, Languages.RUSSIAN).orElseThrow()).first(),
                "meeting-" + meeting + "@").orElseThrow();
        assertThat(moved.getUid().getValue()).isEqualTo(before.getUid().getValue());
        assertThat(moved.getDateStart().getValue().toInstant().atZone(MOSCOW).toLocalTime()).isEqualTo(LocalTime.of(10, 40));
        assertThat(moved.getSequence().getValue()).isGreaterThan(before.getSequence().getValue());
        assertThat(moved.getLastModified().getValue()).isAfterOrEqualTo(before.getLastModified().getValue());

        booking.asOrganizer(() -> meetingRequests.cancel(meeting, null));
        ICalendar after = Biweekly.parse(calendars.feed(token, Languages.RUSSIAN).orElseThrow()).first();
        assertThat(event(after, "meeting-" + meeting + "@")).isEmpty();
        assertThat(after.getEvents()).isEmpty();
    }

    @Test
    void a_new_link_or_switching_off_stops_the_old_link_and_only_a_hash_is_kept() {
        TestCompany a = booking.approvedCompany();
        BookingFixture.logInAs(venue.delegateAccount(a.firstDelegate()));
        assertThat(calendars.subscriptionSince()).isEmpty();
        String first = token(calendars.newSubscription());
        assertThat(calendars.subscriptionSince()).isPresent();
        assertThat(calendars.feed(first, Languages.RUSSIAN)).isPresent();
        assertThat(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "select count(*) from calendar_feed where token_hash = ?", Integer.class, first)).as("not in clear").isZero();

        String second = token(calendars.newSubscription());
        assertThat(second).isNotEqualTo(first);
        assertThat(calendars.feed(first, Languages.RUSSIAN)).isEmpty();
        assertThat(calendars.feed(second, Languages.RUSSIAN)).isPresent();

        calendars.revokeSubscription();
        assertThat(calendars.feed(second, Languages.RUSSIAN)).isEmpty();
        assertThat(calendars.subscriptionSince()).isEmpty();
    }

    @Test
    void a_company_subscribes_to_its_whole_agenda() {
        TestSession session = venue.futureSession(2);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(1).id()));
        BookingFixture.logInAs(a.user());
        String url = calendars.newSubscription();
        assertThat(url).matches("http://localhost:\\d+/calendar/[A-Za-z0-9_-]{43}\\.ics");

        ICalendar calendar = Biweekly.parse(calendars.feed(token(url), Languages.ENGLISH).orElseThrow()).first();
        VEvent event = event(calendar, "meeting-" + meeting + "@").orElseThrow();
        assertThat(event.getSummary().getValue()).isEqualTo("B2B meeting: " + name(b));
        // the English calendar names the counterpart's city in English too, not as stored ("Москва")
        assertThat(event.getDescription().getValue()).contains("(Moscow)").doesNotContain("Москва");
        assertThat(calendar.getNames().getFirst().getValue()).isEqualTo("Minsk–Moscow forum: " + name(a));
    }

    private String name(TestCompany company) {
        return context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("select short_name from company where id = ?", String.class, company.id());
    }

    static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    }

    static Optional<VEvent> event(ICalendar calendar, String uidPrefix) {
        return calendar.getEvents().stream().filter(e -> e.getUid().getValue().startsWith(uidPrefix)).findFirst();
    }

    @Test
    void calendars_and_their_links_stop_once_the_company_is_no_longer_approved() {
        TestCompany a = booking.approvedCompany();
        Subscriptions links = subscribe(a);

        booking.withdrawApproval(a);

        assertThat(calendars.feed(links.delegatesFeed(), Languages.RUSSIAN)).as("404 like a revoked link").isEmpty();
        assertThat(calendars.feed(links.companysFeed(), Languages.RUSSIAN)).isEmpty();
        BookingFixture.logInAs(links.delegate());
        assertThatThrownBy(() -> calendars.myCalendar(Languages.RUSSIAN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> calendars.newSubscription()).isInstanceOf(AccessDeniedException.class);
        BookingFixture.logInAs(a.user());
        assertThatThrownBy(() -> calendars.myCalendar(Languages.RUSSIAN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> calendars.delegateCalendar(a.firstDelegate(), Languages.RUSSIAN))
                .isInstanceOf(AccessDeniedException.class);
        booking.asOrganizer(() -> assertThat(calendars.delegateCalendar(a.firstDelegate(), Languages.RUSSIAN))
                .contains("BEGIN:VCALENDAR"));
    }

    @Test
    void a_calendar_link_stops_once_its_owners_log_in_is_disabled() {
        TestCompany a = booking.approvedCompany();
        Subscriptions links = subscribe(a);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

        jdbc.update("update app_user set enabled = false where id = ?", links.delegate().id());
        assertThat(calendars.feed(links.delegatesFeed(), Languages.RUSSIAN)).isEmpty();
        assertThat(calendars.feed(links.companysFeed(), Languages.RUSSIAN)).as("the company's log-in still works").isPresent();

        jdbc.update("update app_user set enabled = false where id = ?", a.user().id());
        assertThat(calendars.feed(links.companysFeed(), Languages.RUSSIAN)).isEmpty();
    }

    /**
     * A delegate their company removed after this request's session check: their download is 410 with the pages'
     * words and a new link is refused as such (before: AccessDeniedException, the 403 error page).
     */
    @Test
    void a_delegate_removed_meanwhile_is_told_so_in_words_by_the_download_and_the_new_link() {
        TestCompany a = booking.approvedCompany();
        BookingFixture.logInAs(venue.delegateAccount(a.firstDelegate()));
        booking.removeDelegate(a, a.firstDelegate());

        assertThatThrownBy(() -> calendars.myCalendar(Languages.RUSSIAN))
                .isInstanceOf(CalendarOwnerRemovedException.class);
        assertThatThrownBy(() -> calendars.newSubscription()).isInstanceOf(CalendarOwnerRemovedException.class);
        var download = context.getBean(CalendarController.class).download("en");
        assertThat(download.getStatusCode().value()).isEqualTo(410);
        assertThat(download.getBody()).startsWith("Your company has taken you off its list of delegates");
        // an organizer reading the removed delegate's calendar is told the same, not 'no such delegate' denied
        booking.asOrganizer(() -> assertThatThrownBy(() -> calendars.delegateCalendar(a.firstDelegate(),
                Languages.RUSSIAN)).isInstanceOf(CalendarOwnerRemovedException.class));
    }

    private record Subscriptions(ForumUser delegate, String delegatesFeed, String companysFeed) {
    }

    /** A log-in for the company's first delegate, and a calendar link of that delegate and one of the company. */
    private Subscriptions subscribe(TestCompany company) {
        ForumUser delegate = venue.delegateAccount(company.firstDelegate());
        BookingFixture.logInAs(delegate);
        String delegatesFeed = token(calendars.newSubscription());
        BookingFixture.logInAs(company.user());
        String companysFeed = token(calendars.newSubscription());
        TestData.logOut();
        return new Subscriptions(delegate, delegatesFeed, companysFeed);
    }
}
