package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.EventDeliveries;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.announcement.AnnouncementService;
import org.b2bforum.announcement.Audience;
import org.b2bforum.base.i18n.ScheduleNotice;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.ui.UnreadNotifications.Latest;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.notification.NotificationView;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A delegate's bell: what changes their day at the venue (the meetings they attend confirmed, moved, cancelled) and
 * the organizers' announcements that reach their company; not their colleagues' meetings, not the requests and answers
 * their representatives handle, not the company's registration business, and nothing of another company.
 */
@ForumSpringTest
class DelegateNotificationsTest {

    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    NotificationService notifications;
    @Autowired
    AnnouncementService announcements;
    @Autowired
    EventDeliveries deliveries;
    @Autowired
    BookingFixture fixture;
    @Autowired
    VenueFixture venue;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void a_delegate_is_told_of_their_meetings_confirmed_moved_cancelled_and_the_announcements_and_nothing_else() {
        fixture.openBooking(false);
        TestSession session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany requester = fixture.approvedCompany();
        TestCompany partner = fixture.approvedCompany();
        TestCompany outsider = fixture.approvedCompany();
        ForumUser delegate = venue.delegateAccount(requester.firstDelegate());
        ForumUser partnersDelegate = venue.delegateAccount(partner.delegateIds().get(1));
        ForumUser outsidersDelegate = venue.delegateAccount(outsider.firstDelegate());
        ForumUser colleague = venue.delegateAccount(requester.delegateIds().get(1));

        // a request and its answers are the representatives' business
        long meetingId = fixture.as(requester, () -> meetingRequests.request(partner.id(), session.slot(0).id(),
                List.of(requester.firstDelegate()), null).meetingId());
        assertThat(keysOf(partnersDelegate)).isEmpty();
        fixture.asOrganizer(() -> notifications.notifyCompany(requester.id(), "notification.registration.CHANGES_REQUESTED",
                "Уточните УНП"));
        assertThat(keysOf(delegate)).isEmpty();
        assertThat(fixture.as(delegate, () -> notifications.unreadCount())).isZero();

        fixture.as(partner, () -> meetingRequests.accept(meetingId, List.of(partner.delegateIds().get(1)), null));
        assertThat(keysOf(delegate)).containsExactly("notification.meeting.CONFIRMED");
        assertThat(keysOf(partnersDelegate)).containsExactly("notification.meeting.CONFIRMED");
        assertThat(fixture.as(delegate, () -> notifications.unreadCount())).isEqualTo(1);
        assertThat(fixture.as(delegate, () -> notifications.latestUnread())).get().extracting(Latest::messageKey)
                .isEqualTo("notification.meeting.CONFIRMED");

        fixture.asOrganizer(() -> organizerBookings.move(meetingId, session.slot(1).id()));
        fixture.asOrganizer(() -> announcements.publish(Audience.SESSION, String.valueOf(session.sessionId()),
                "Переговоры начинаются на 10 минут позже"));
        deliveries.awaitDelivered();
        fixture.as(partner, () -> meetingRequests.cancel(meetingId, "Заболел"));

        assertThat(keysOf(delegate)).containsExactly("notification.meeting.CANCELLED", NotificationView.ANNOUNCEMENT,
                "notification.meeting.MOVED", "notification.meeting.CONFIRMED");
        assertThat(fixture.as(delegate, () -> notifications.mine(10))).element(1)
                .extracting(NotificationView::detail).isEqualTo("Переговоры начинаются на 10 минут позже");
        assertThat(keysOf(partnersDelegate)).containsExactly("notification.meeting.CANCELLED",
                NotificationView.ANNOUNCEMENT, "notification.meeting.MOVED", "notification.meeting.CONFIRMED");
        assertThat(keysOf(outsidersDelegate)).isEmpty();
        // a colleague who does not attend it hears the company's announcement, not the meeting
        assertThat(keysOf(colleague)).containsExactly(NotificationView.ANNOUNCEMENT);
        assertThat(fixture.as(delegate, () -> notifications.unreadCount())).isEqualTo(4);

        // each reads and clears only their own
        fixture.as(delegate, () -> {
            notifications.markAllRead();
            return null;
        });
        assertThat(fixture.as(delegate, () -> notifications.unreadCount())).isZero();
        assertThat(fixture.as(partnersDelegate, () -> notifications.unreadCount())).isEqualTo(4);
        assertThat(fixture.as(requester, () -> notifications.unreadCount())).isPositive();
    }

    @Test
    void a_meeting_booked_at_once_reaches_the_delegates_who_attend_it_in_the_bookings_own_batch() {
        fixture.openBooking(true);
        TestSession session = fixture.session(1, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany requester = fixture.approvedCompany();
        TestCompany partner = fixture.approvedCompany();
        ForumUser attending = venue.delegateAccount(requester.firstDelegate());
        ForumUser colleague = venue.delegateAccount(requester.delegateIds().get(1));
        ForumUser partnersDelegate = venue.delegateAccount(partner.firstDelegate());

        MeetingOutcome booked = fixture.as(requester, () -> meetingRequests.request(partner.id(), session.slot(0).id(),
                List.of(requester.firstDelegate()), null));

        assertThat(booked.confirmed()).isTrue();
        assertThat(keysOf(attending)).containsExactly("notification.meeting.CONFIRMED");
        // booked at once, the partner chose nobody: its delegates have no part in it, their schedules show none of it
        assertThat(keysOf(colleague)).isEmpty();
        assertThat(keysOf(partnersDelegate)).isEmpty();
        // and its representatives, told of it in the booking's batch, are then told to choose who attends (review57)
        assertThat(fixture.as(partner, () -> notifications.mine(5))).extracting(NotificationView::messageKey)
                .startsWith("notification.meeting.CHOOSE_ATTENDEES", "notification.meeting.CONFIRMED");
    }

    @Test
    void a_request_cancelled_before_it_was_answered_is_not_news_to_the_delegate_it_named() {
        fixture.openBooking(false);
        TestSession session = fixture.session(1, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany requester = fixture.approvedCompany();
        TestCompany partner = fixture.approvedCompany();
        ForumUser delegate = venue.delegateAccount(requester.firstDelegate());
        long meetingId = fixture.as(requester, () -> meetingRequests.request(partner.id(), session.slot(0).id(),
                List.of(requester.firstDelegate()), null).meetingId());

        fixture.as(requester, () -> meetingRequests.cancel(meetingId, null));

        assertThat(keysOf(delegate)).isEmpty();
        assertThat(fixture.as(partner, () -> notifications.mine(5))).extracting(NotificationView::messageKey)
                .startsWith("notification.meeting.CANCELLED", "notification.meeting.REQUESTED");
    }

    @Test
    void a_delegate_invited_after_their_meetings_were_confirmed_finds_them_and_the_announcements_at_the_first_log_in() {
        fixture.openBooking(false);
        TestSession session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany requester = fixture.approvedCompany();
        TestCompany partner = fixture.approvedCompany();
        long meetingId = fixture.as(requester, () -> meetingRequests.request(partner.id(), session.slot(1).id(),
                List.of(requester.firstDelegate()), null).meetingId());
        fixture.as(partner, () -> meetingRequests.accept(meetingId, List.of(partner.firstDelegate()), null));
        fixture.asOrganizer(() -> announcements.publish(Audience.SESSION, String.valueOf(session.sessionId()),
                "Регистрация открыта с 9:00"));
        deliveries.awaitDelivered();

        ForumUser late = venue.delegateAccount(requester.firstDelegate());
        ForumUser colleague = venue.delegateAccount(requester.delegateIds().get(1));

        // their meetings ahead in one notification, the announcement as it was sent; not the request and its answer
        List<NotificationView> seen = fixture.as(late, () -> notifications.mine(10));
        assertThat(seen).extracting(NotificationView::messageKey).containsExactly(NotificationView.ATTENDING,
                NotificationView.ANNOUNCEMENT);
        assertThat(seen.get(0).detail()).contains(jdbc.queryForObject("select short_name from company where id = ?",
                String.class, partner.id())).contains(session.hallName());
        assertThat(seen.get(1).detail()).isEqualTo("Регистрация открыта с 9:00");
        assertThat(fixture.as(late, () -> notifications.unreadCount())).isEqualTo(2);
        assertThat(keysOf(colleague)).containsExactly(NotificationView.ANNOUNCEMENT);
    }

    @Test
    void publishing_a_schedule_tells_each_company_and_each_attending_delegate_once_with_their_count() {
        TestSession session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany a = fixture.approvedCompany();
        TestCompany b = fixture.approvedCompany();
        TestCompany c = fixture.approvedCompany();
        ForumUser delegateOfA = venue.delegateAccount(a.firstDelegate());
        ForumUser colleagueOfA = venue.delegateAccount(a.delegateIds().get(1));
        long table = jdbc.queryForObject("select min(id) from meeting_table where hall_id = ?", Long.class,
                session.hallId());

        fixture.asOrganizer(() -> organizerBookings.publishScheduled(List.of(
                new ScheduledMeeting(a.id(), b.id(), session.slot(0).id(), table),
                new ScheduledMeeting(a.id(), c.id(), session.slot(1).id(), table),
                new ScheduledMeeting(b.id(), c.id(), session.slot(2).id(), table)), () -> { }));

        String day = java.time.format.DateTimeFormatter.ofPattern("dd.MM").withZone(java.time.ZoneId.of("Europe/Moscow"))
                .format(session.slot(0).startsAt());
        assertThat(fixture.as(a, () -> notifications.mine(10))).filteredOn(n -> n.messageKey().startsWith("notification.meeting"))
                .extracting(NotificationView::messageKey, NotificationView::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ScheduleNotice.KEY, day + " 2"));
        assertThat(fixture.as(delegateOfA, () -> notifications.mine(10))).extracting(NotificationView::detail)
                .containsExactly(day + " 2");
        assertThat(keysOf(colleagueOfA)).isEmpty();
        assertThat(fixture.as(c, () -> notifications.mine(10))).filteredOn(n -> n.messageKey().equals(ScheduleNotice.KEY))
                .extracting(NotificationView::detail).containsExactly(day + " 2");
    }

    private List<String> keysOf(ForumUser user) {
        return fixture.as(user, () -> notifications.mine(50)).stream().map(NotificationView::messageKey).toList();
    }
}
