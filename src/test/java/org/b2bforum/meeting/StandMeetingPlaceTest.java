package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.announcement.AnnouncementsReceived;
import org.b2bforum.badge.BadgePdfs;
import org.b2bforum.badge.BadgeService;
import org.b2bforum.badge.ScheduleEntry;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.live.LiveFeed;
import org.b2bforum.base.mail.BilingualMail;
import org.b2bforum.calendar.CalendarService;
import org.b2bforum.fair.FairFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import com.vaadin.flow.i18n.I18NProvider;

import io.micrometer.core.instrument.MeterRegistry;

import biweekly.Biweekly;
import biweekly.component.VEvent;

/**
 * A meeting at an exhibitor's stand is placed at "Стенд B-14, Павильон B" wherever a meeting's place
 * is written: the meetings list and the agenda, the badge's schedule, the calendar, the e-mail reminder.
 */
@ForumSpringTest
class StandMeetingPlaceTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MeetingRequests requests;
    @Autowired
    MeetingQueries meetings;
    @Autowired
    CalendarService calendars;
    @Autowired
    BadgeService badges;
    @Autowired
    I18NProvider i18n;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BookingFixture booking;
    @Autowired
    FairFixture fair;
    @Autowired
    MeterRegistry meters;
    @Autowired
    org.b2bforum.notification.NotificationService notifications;

    TestSession session;
    TestCompany exhibitor;
    TestCompany visitor;
    long meetingId;
    long standId;
    String atStandRu;
    String atStandEn;
    String standNumber;
    String[] zoneNames;

    @BeforeEach
    void setUp() {
        booking.openBooking(false);
        session = booking.session(1, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        exhibitor = booking.approvedCompany();
        visitor = booking.approvedCompany();
        FairFixture.Stand stand = fair.standFor(exhibitor);
        standId = stand.id();
        meetingId = booking.as(visitor, () -> requests.requestAtStand(exhibitor.id(), stand.id(), session.slot(1).id(),
                List.of(visitor.firstDelegate()), null).meetingId());
        booking.as(exhibitor, () -> requests.accept(meetingId, List.of(exhibitor.firstDelegate()), null));
        List<String> zone = jdbc.queryForList("select concat(z.name_ru, '|', z.name_en) from fair_stand s "
                + "join fair_zone z on z.id = s.zone_id where s.id = ?", String.class, stand.id());
        String[] names = zone.getFirst().split("\\|");
        standNumber = stand.number();
        zoneNames = names;
        atStandRu = "Стенд " + stand.number() + ", " + names[0] + " (выставка-ярмарка)";
        atStandEn = "Stand " + stand.number() + ", " + names[1] + " (exhibition-fair)";
    }

    @AfterEach
    void logOut() {
        TestData.logOut();
    }

    @Test
    void a_request_at_a_stand_is_counted_in_the_booking_metrics_as_one_at_a_table_is() {
        TestCompany another = booking.approvedCompany();
        double attempted = bookings("attempted");
        double requested = bookings("requested");

        booking.as(another, () -> requests.tryRequestAtStand(exhibitor.id(), standId, session.slot(2).id(),
                List.of(another.firstDelegate()), null));
        booking.as(another, () -> requests.requestAtStand(exhibitor.id(), standId, session.slot(0).id(),
                List.of(another.firstDelegate()), null));

        assertThat(bookings("attempted")).isEqualTo(attempted + 2);
        assertThat(bookings("requested")).isEqualTo(requested + 2);
    }

    private double bookings(String outcome) {
        return meters.counter("forum.bookings", "outcome", outcome).count();
    }

    @Test
    void the_meetings_list_and_both_agendas_name_the_stand_and_its_zone() {
        MeetingDetails meeting = booking.as(visitor, () -> meetings.meeting(meetingId));
        assertThat(meeting.place().describe(Languages.RUSSIAN, this::ru)).isEqualTo(atStandRu);
        assertThat(meeting.place().describe(Languages.ENGLISH, this::en)).isEqualTo(atStandEn);
        for (TestCompany side : List.of(visitor, exhibitor)) {
            assertThat(booking.as(side, () -> meetings.myAgenda(null))).singleElement()
                    .satisfies(entry -> assertThat(entry.meetingPlace().describe(Languages.RUSSIAN, this::ru))
                            .isEqualTo(atStandRu));
        }
    }

    @Test
    void the_confirmation_notification_keeps_the_stand_in_both_languages_and_reads_it_in_the_readers() {
        for (TestCompany side : List.of(visitor, exhibitor)) {
            String detail = booking.as(side, () -> notifications.mine(50)).stream()
                    .filter(n -> n.messageKey().equals("notification.meeting.CONFIRMED")).findFirst().orElseThrow()
                    .detail();
            assertThat(detail).as("stored once for readers of either language")
                    .endsWith(" · Стенд/Stand " + standNumber + ", " + zoneNames[0] + "/" + zoneNames[1]);
            assertThat(org.b2bforum.base.i18n.MeetingLine.inWords(detail, Languages.ENGLISH, this::en))
                    .endsWith(" · Stand " + standNumber + ", " + zoneNames[1]);
            assertThat(org.b2bforum.base.i18n.MeetingLine.inWords(detail, Languages.RUSSIAN, this::ru))
                    .endsWith(" · Стенд " + standNumber + ", " + zoneNames[0]);
        }
    }

    @Test
    void the_badges_schedule_prints_the_stand_instead_of_a_table() throws IOException {
        ScheduleEntry entry = booking.as(exhibitor, () -> badges.schedule(exhibitor.firstDelegate())).entries()
                .getFirst();
        assertThat(entry.meetingPlace().stand()).isNotNull();
        byte[] pdf = booking.as(exhibitor, () -> badges.badgePdf(exhibitor.firstDelegate(), Languages.RUSSIAN));
        try (PDDocument document = BadgePdfs.load(pdf)) {
            String back = BadgePdfs.text(document, 2).replaceAll("\\s+", " ");
            assertThat(back).contains(atStandRu.replace(" (выставка-ярмарка)", "")).doesNotContain("Стол №");
        }
    }

    @Test
    void the_calendar_event_is_located_at_the_stand_in_the_language_asked_for() {
        for (TestCompany side : List.of(visitor, exhibitor)) {
            String ru = booking.as(side, () -> calendars.myCalendar(Languages.RUSSIAN));
            String en = booking.as(side, () -> calendars.myCalendar(Languages.ENGLISH));
            assertThat(location(ru)).isEqualTo(atStandRu);
            assertThat(location(en)).isEqualTo(atStandEn);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_evening_reminder_names_the_stand_in_both_languages() {
        JavaMailSender mailSender = mock(JavaMailSender.class);
        ObjectProvider<JavaMailSender> sender = mock(ObjectProvider.class);
        when(sender.getIfAvailable()).thenReturn(mailSender);
        MeetingReminders reminders = new MeetingReminders(jdbc, new BilingualMail(sender, i18n, "forum@test.forum"),
                i18n, context.getBean(ForumTime.class), context.getBean(LiveFeed.class), context.getBean(Clock.class), context,
                context.getBean(AnnouncementsReceived.class));
        String email = jdbc.queryForObject("select email from delegate where id = ?", String.class,
                exhibitor.firstDelegate());

        assertThat(reminders.sendForDay(session.day(), context.getBean(Clock.class).instant())).isEqualTo(2);

        ArgumentCaptor<SimpleMailMessage> message = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mailSender, atLeastOnce()).send(message.capture());
        SimpleMailMessage mail = message.getAllValues().stream().filter(m -> m.getTo()[0].equals(email)).findFirst()
                .orElseThrow();
        assertThat(mail.getText()).contains("10:20 · ", atStandRu, atStandEn).doesNotContain("стол №");
    }

    private String location(String ics) {
        VEvent event = Biweekly.parse(ics).first().getEvents().stream()
                .filter(e -> e.getUid().getValue().startsWith("meeting-" + meetingId + "@")).findFirst().orElseThrow();
        return event.getLocation().getValue();
    }

    private String ru(String key, Object... params) {
        return i18n.getTranslation(key, Languages.RUSSIAN, params);
    }

    private String en(String key, Object... params) {
        return i18n.getTranslation(key, Languages.ENGLISH, params);
    }
}
