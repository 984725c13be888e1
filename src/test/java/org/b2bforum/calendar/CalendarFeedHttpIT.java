package org.b2bforum.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.RunningServerTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.FormLogIn;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;

/**
 * The subscription link over real HTTP, as a calendar app fetches it: no log-in, text/calendar,
 * 404 once the link is replaced or switched off; the download needs a log-in. Shares the server
 * of the browser journeys.
 */
@RunningServerTest
class CalendarFeedHttpIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CalendarService calendars;
    @Autowired
    OrganizerBookings organizerBookings;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void a_calendar_app_reads_the_feed_without_logging_in_until_the_link_is_replaced_or_switched_off()
            throws Exception {
        VenueFixture venue = new VenueFixture(context);
        BookingFixture booking = venue.booking();
        TestSession session = venue.futureSession(2);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(1).id()));
        ForumUser delegate = venue.delegateAccount(a.firstDelegate());
        BookingFixture.logInAs(delegate);
        String first = CalendarServiceTest.token(calendars.newSubscription());
        TestData.logOut();

        HttpResponse<String> response = get("/calendar/" + first + ".ics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/calendar"));
        ICalendar calendar = Biweekly.parse(response.body()).first();
        VEvent event = CalendarServiceTest.event(calendar, "meeting-" + meeting + "@").orElseThrow();
        assertThat(event.getDateStart().getValue().toInstant().atZone(ZoneId.of("Europe/Moscow")))
                .isEqualTo(ZonedDateTime.of(session.day(), LocalTime.of(10, 20), ZoneId.of("Europe/Moscow")));
        assertThat(get("/calendar/" + first + ".ics?lang=en").body()).contains("SUMMARY:B2B meeting: ");

        BookingFixture.logInAs(venue.delegateAccount(a.delegateIds().get(1)));
        String colleagues = CalendarServiceTest.token(calendars.newSubscription());
        TestData.logOut();
        assertThat(get("/calendar/" + colleagues + ".ics").body()).as("another delegate's feed is their own")
                .doesNotContain("meeting-" + meeting + "@");

        BookingFixture.logInAs(delegate);
        String second = CalendarServiceTest.token(calendars.newSubscription());
        TestData.logOut();
        assertThat(get("/calendar/" + first + ".ics").statusCode()).as("replaced").isEqualTo(404);
        assertThat(get("/calendar/" + second + ".ics").statusCode()).isEqualTo(200);

        BookingFixture.logInAs(delegate);
        calendars.revokeSubscription();
        TestData.logOut();
        assertThat(get("/calendar/" + second + ".ics").statusCode()).as("switched off").isEqualTo(404);
        assertThat(get("/calendar/not-a-token.ics").statusCode()).isEqualTo(404);
    }

    @Test
    void the_download_needs_a_log_in_and_gives_the_logged_in_delegate_their_schedule() throws Exception {
        HttpResponse<String> anonymous = get("/my-calendar.ics");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));

        VenueFixture venue = new VenueFixture(context);
        BookingFixture booking = venue.booking();
        TestSession session = venue.futureSession(2);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(2).id()));
        ForumUser delegate = venue.delegateAccount(b.firstDelegate());
        TestData.logOut();

        HttpClient browser = FormLogIn.logIn(port, delegate.email(), VenueFixture.PASSWORD);
        HttpResponse<String> download = browser.send(request("/my-calendar.ics?lang=en"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/calendar"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("attachment", "forum-schedule.ics"));
        VEvent event = CalendarServiceTest.event(Biweekly.parse(download.body()).first(), "meeting-" + meeting + "@")
                .orElseThrow();
        assertThat(event.getSummary().getValue()).startsWith("B2B meeting: ");
        // the other MVC endpoint behind the log-in answers too (a company without a logo: 404, not 403)
        assertThat(browser.send(request("/logos/" + a.id() + ".png"), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(404);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
