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
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.ui.UnreadNotifications.Latest;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.notification.NotificationView;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A delegate's bell: what changes their day at the venue (their company's meetings confirmed, moved, cancelled) and
 * the organizers' announcements that reach their company; not the requests and answers their representatives handle,
 * not the company's registration business, and nothing of another company.
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

    @Test
    void a_delegate_is_told_of_the_companys_meetings_confirmed_moved_cancelled_and_the_announcements_and_nothing_else() {
        fixture.openBooking(false);
        TestSession session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany requester = fixture.approvedCompany();
        TestCompany partner = fixture.approvedCompany();
        TestCompany outsider = fixture.approvedCompany();
        ForumUser delegate = venue.delegateAccount(requester.firstDelegate());
        ForumUser partnersDelegate = venue.delegateAccount(partner.delegateIds().get(1));
        ForumUser outsidersDelegate = venue.delegateAccount(outsider.firstDelegate());

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
    void a_meeting_booked_at_once_reaches_the_delegates_of_both_companies_in_the_bookings_own_batch() {
        fixture.openBooking(true);
        TestSession session = fixture.session(1, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany requester = fixture.approvedCompany();
        TestCompany partner = fixture.approvedCompany();
        ForumUser delegate = venue.delegateAccount(requester.delegateIds().get(1));
        ForumUser partnersDelegate = venue.delegateAccount(partner.firstDelegate());

        MeetingOutcome booked = fixture.as(requester, () -> meetingRequests.request(partner.id(), session.slot(0).id(),
                List.of(requester.firstDelegate()), null));

        assertThat(booked.confirmed()).isTrue();
        assertThat(keysOf(delegate)).containsExactly("notification.meeting.CONFIRMED");
        assertThat(keysOf(partnersDelegate)).containsExactly("notification.meeting.CONFIRMED");
    }

    private List<String> keysOf(ForumUser user) {
        return fixture.as(user, () -> notifications.mine(50)).stream().map(NotificationView::messageKey).toList();
    }
}
