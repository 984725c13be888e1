package org.b2bforum.base.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.DelegateFixture;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.OrganizerBookings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;

/**
 * A delegate's open "My badge and schedule" follows their meetings as the notes about them arrive (ux63): before, the
 * note said "meeting cancelled" over a schedule that still showed the meeting at its table.
 */
class MyScheduleLiveTest extends PolledByHandTest {

    @Autowired
    AccountService accounts;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    MeetingRequests requests;
    @Autowired
    DelegateFixture delegates;

    @Test
    void a_meeting_moved_and_then_cancelled_meanwhile_leaves_the_open_schedule_as_it_is_now() {
        BookingFixture booking = delegates.booking();
        TestSession session = booking.session(4, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany company = booking.approvedCompany();
        TestCompany partner = booking.approvedCompany();
        long meeting = booking.asOrganizer(
                () -> organizerBookings.bookAsOrganizer(company.id(), partner.id(), session.slot(0).id()));
        String login = delegates.delegateAccount(company, company.firstDelegate());
        live.poll();
        TestData.logInAs(accounts, login);
        UI.getCurrent().navigate("my-badge");
        assertThat(schedule()).contains("10:00–10:20", "Встреча с " + name(partner));

        booking.asOrganizer(() -> organizerBookings.move(meeting, session.slot(2).id()));
        live.poll();
        pushed();
        assertThat(schedule()).as("moved by the organizers").contains("10:40–11:00", "Встреча с " + name(partner))
                .doesNotContain("10:00–10:20");

        booking.as(partner, () -> requests.cancel(meeting, "Изменились планы"));
        live.poll();
        pushed();
        assertThat(schedule()).as("cancelled by the partner").doesNotContain(name(partner))
                .contains("Расписание", "Встреч и мероприятий пока нет.");
    }

    /** The schedule's sections as shown: the hidden ones are not read. */
    private String schedule() {
        return $(Div.class).all().stream()
                .filter(div -> div.getId().filter(id -> id.startsWith("my-schedule-")).isPresent())
                .filter(Div::isVisible).map(div -> div.getElement().getTextRecursively())
                .reduce("", String::concat);
    }

    private String name(TestCompany company) {
        return jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
    }
}
