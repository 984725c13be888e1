package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.DelegateFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.EventDeliveries;
import org.b2bforum.TestData;
import org.b2bforum.TransactionsBegun;
import org.b2bforum.UnreachableMailServer;
import org.b2bforum.announcement.AnnouncementService;
import org.b2bforum.announcement.AnnouncementsReceived;
import org.b2bforum.announcement.Audience;
import org.b2bforum.program.ProgramItemKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.modulith.events.core.EventSerializer;
import org.b2bforum.meeting.MeetingReminders.ReminderRound;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.mail.BilingualMail;
import org.b2bforum.base.live.LiveFeed;
import org.b2bforum.program.ProgramItems;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;

/**
 * The evening e-mail (each delegate in a confirmed meeting of the day gets its time, partner and table, once),
 * the morning digest and the note ten minutes before a meeting, each once with several nodes.
 */
@ForumSpringTest
class MeetingRemindersTest {

    // the application's reminders on a mail server of their own, without a test context of their own
    final JavaMailSender mailSender = mock(JavaMailSender.class);
    MeetingReminders reminders;
    @Autowired
    MeetingRequests meetings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @Autowired
    ProgramItems programItems;
    @Autowired
    AnnouncementService announcements;

    @BeforeEach
    void setUp() {
        reminders = node(context.getBean(Clock.class));
    }

    @AfterEach
    void logOut() {
        TestData.logOut();
    }

    /** A confirmed meeting at 10:20 of a new forum day, whose requester sends one delegate. */
    private record OneMeeting(TestSession session, TestCompany partner, String delegateEmail) {
    }

    private OneMeeting oneMeeting() {
        BookingFixture fixture = new BookingFixture(context);
        fixture.openBooking(true);
        TestSession session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany requester = fixture.approvedCompany();
        TestCompany partner = fixture.approvedCompany();
        fixture.as(requester, () -> meetings.request(partner.id(), session.slot(1).id(),
                List.of(requester.firstDelegate()), null));
        return new OneMeeting(session, partner, jdbc.queryForObject("select email from delegate where id = ?",
                String.class, requester.firstDelegate()));
    }

    @Test
    void each_delegate_of_a_meeting_gets_the_days_meetings_by_email_once() {
        OneMeeting meeting = oneMeeting();
        TestSession session = meeting.session();
        String delegateEmail = meeting.delegateEmail();
        String partnerName = jdbc.queryForObject("select short_name from company where id = ?", String.class,
                meeting.partner().id());

        assertThat(reminders.sendForDay(session.day(), now())).isEqualTo(1);
        assertThat(reminders.sendForDay(session.day(), now())).isZero();

        ArgumentCaptor<SimpleMailMessage> message = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mailSender, atLeastOnce()).send(message.capture());
        SimpleMailMessage mail = message.getAllValues().stream()
                .filter(m -> m.getTo()[0].equals(delegateEmail)).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Ваши встречи на форуме завтра / Your meetings tomorrow at the forum");
        assertThat(mail.getText()).contains("Здравствуйте, Иван Петров!", "Hello, Иван Петров!",
                "10:20 · " + partnerName + " · " + session.hallName() + ", стол № 1",
                session.hallName() + ", table 1");
    }

    @Test
    void each_delegate_gets_the_days_meetings_program_and_announcements_in_one_morning_digest_once_across_nodes() {
        DelegateFixture delegates = new DelegateFixture(context);
        BookingFixture fixture = delegates.booking();
        fixture.openBooking(true);
        TestSession session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        String city = "Дайджест-" + TestData.unique();
        TestCompany requester = delegates.approvedCompany(city, "Дайджест", List.of("Анна Смирнова|Директор"));
        TestCompany partner = fixture.approvedCompany();
        fixture.as(requester, () -> meetings.request(partner.id(), session.slot(1).id(),
                List.of(requester.firstDelegate()), null));
        long roundTable = fixture.asOrganizer(() -> programItems.add(session.dayId(), ProgramItemKind.ROUND_TABLE,
                "Логистика Минск — Москва", null, "Зал Б", null, LocalTime.of(12, 0), LocalTime.of(13, 0)));
        fixture.as(requester, () -> programItems.signUp(roundTable, List.of(requester.firstDelegate())));
        fixture.asOrganizer(() -> announcements.publish(Audience.CITY, city, "Зал Б переезжает на второй этаж"));
        String delegateEmail = jdbc.queryForObject("select email from delegate where id = ?", String.class,
                requester.firstDelegate());
        String partnerName = jdbc.queryForObject("select short_name from company where id = ?", String.class,
                partner.id());

        assertThat(reminders.sendDigests(session.day(), now())).isPositive();
        assertThat(node(context.getBean(Clock.class)).sendDigests(session.day(), now())).as("the other node").isZero();
        assertThat(reminders.sendDigests(noForumDay(session.day().plusDays(400)), now())).as("not a forum day")
                .isZero();

        ArgumentCaptor<SimpleMailMessage> message = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mailSender, atLeastOnce()).send(message.capture());
        assertThat(message.getAllValues()).filteredOn(m -> m.getTo()[0].equals(delegateEmail)).singleElement()
                .satisfies(mail -> {
                    assertThat(mail.getSubject()).isEqualTo("Ваш день на форуме / Your day at the forum");
                    assertThat(mail.getText()).contains("Здравствуйте, Анна Смирнова! Ваш день на форуме",
                            "Hello, Анна Смирнова! Your day at the forum",
                            "10:20 · " + partnerName + " · " + session.hallName() + ", стол № 1",
                            "12:00–13:00 · Круглый стол «Логистика Минск — Москва» · Зал Б",
                            "12:00–13:00 · Round table “Логистика Минск — Москва” · Зал Б",
                            "Объявления организаторов за сутки:\n— Зал Б переезжает на второй этаж",
                            "Announcements of the organizers, last 24 hours:\n— Зал Б переезжает на второй этаж");
                });
    }

    @Test
    void a_meeting_about_to_start_is_announced_once_however_many_nodes_check() {
        BookingFixture fixture = new BookingFixture(context);
        fixture.openBooking(true);
        TestSession session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany requester = fixture.approvedCompany();
        TestCompany partner = fixture.approvedCompany();
        fixture.as(requester, () -> meetings.request(partner.id(), session.slot(1).id(),
                List.of(requester.firstDelegate()), null));
        Instant start = session.slot(1).startsAt();
        MeetingReminders node1 = node(Clock.fixed(start.minus(Duration.ofMinutes(12)), ZoneOffset.UTC));

        node1.startingSoon();
        assertThat(reminderChanges(requester)).as("12 minutes before: not yet").isZero();

        Clock soon = Clock.fixed(start.minus(Duration.ofMinutes(9).plusSeconds(30)), ZoneOffset.UTC);
        MeetingReminders node2 = node(soon);
        node1 = node(soon);
        node2.startingSoon();
        node1.startingSoon();
        node(Clock.fixed(start.minus(Duration.ofMinutes(8)), ZoneOffset.UTC)).startingSoon();

        assertThat(reminderChanges(requester)).isEqualTo(1);
        assertThat(reminderChanges(partner)).isEqualTo(1);
    }

    /**
     * A round meets a mail server that cannot be reached: it fails (for the event publication registry to deliver it
     * again) and the delegates' claims are given back, so that the round tried again once the server is back e-mails
     * each of them, once. Before, each delegate was claimed for good before the e-mail failed: the round was lost.
     */
    @Test
    void a_round_that_meets_the_mail_server_away_fails_and_reaches_each_delegate_once_when_tried_again()
            throws Exception {
        OneMeeting meeting = oneMeeting();
        JavaMailSenderImpl smtp = UnreachableMailServer.sender();
        MeetingReminders node = node(context.getBean(Clock.class), smtp);
        List<ReminderRound> rounds = List.of(new ReminderRound(false, meeting.session().day(), now()),
                new ReminderRound(true, meeting.session().day(), now()));

        EventSerializer registry = context.getBean(EventSerializer.class);
        for (ReminderRound round : rounds) {
            assertThat(registry.deserialize(registry.serialize(round), ReminderRound.class)).as("as stored").isEqualTo(round);
            assertThatThrownBy(() -> node.send(round)).isInstanceOf(BilingualMail.MailServerAwayException.class);
        }

        GreenMail server = new GreenMail(new ServerSetup(smtp.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            for (ReminderRound round : rounds) {
                node.send(round);
                node(context.getBean(Clock.class), smtp).send(round);
            }

            List<String> received = new ArrayList<>();
            for (MimeMessage message : server.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(meeting.delegateEmail())) {
                    received.add(message.getSubject());
                }
            }
            assertThat(received).containsExactlyInAnyOrder(
                            "Ваши встречи на форуме завтра / Your meetings tomorrow at the forum",
                            "Ваш день на форуме / Your day at the forum");
        } finally {
            server.stop();
        }
    }

    /** The scheduled jobs publish their rounds in a transaction: outside one the registry would never deliver them. */
    @Test
    void the_scheduled_jobs_publish_their_rounds_in_a_transaction_for_the_event_publication_registry()
            throws Exception {
        MeetingReminders application = context.getBean(MeetingReminders.class);

        List<String> begun = TransactionsBegun.during(context, () -> {
            application.eveningReminders();
            application.morningDigests();
        });

        assertThat(begun).containsExactly(MeetingReminders.class.getName() + ".eveningReminders",
                MeetingReminders.class.getName() + ".morningDigests");
        context.getBean(EventDeliveries.class).awaitDelivered();
    }

    /**
     * {@code from} or the first day after it that is no forum day: the shared database's days are those that earlier
     * test classes added at random, and one of theirs with its meetings would be sent its digests.
     */
    private LocalDate noForumDay(LocalDate from) {
        LocalDate day = from;
        while (jdbc.queryForObject("select count(*) from forum_day where day = ?", Integer.class, day) > 0) {
            day = day.plusDays(1);
        }
        return day;
    }

    private Instant now() {
        return context.getBean(Clock.class).instant();
    }

    /** The reminders as an application node runs them, at the time of {@code clock}, on the test's mail server. */
    private MeetingReminders node(Clock clock) {
        return node(clock, mailSender);
    }

    @SuppressWarnings("unchecked")
    private MeetingReminders node(Clock clock, JavaMailSender mailServer) {
        ObjectProvider<JavaMailSender> sender = mock(ObjectProvider.class);
        when(sender.getIfAvailable()).thenReturn(mailServer);
        I18NProvider i18n = context.getBean(I18NProvider.class);
        return new MeetingReminders(jdbc, new BilingualMail(sender, i18n, "forum@test.forum"), i18n,
                context.getBean(ForumTime.class), context.getBean(LiveFeed.class), clock, context,
                context.getBean(AnnouncementsReceived.class));
    }

    private int reminderChanges(TestCompany company) {
        return jdbc.queryForObject("select count(*) from live_change where company_id = ? and kind = 'REMINDER'",
                Integer.class, company.id());
    }
}
