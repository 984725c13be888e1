package org.b2bforum.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.BookingFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.FormLocks;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The subscription link is the one secret link anyone may ask for without logging in: a client that asks for links
 * leading nowhere is answered 429 for every such link from its address, while working feeds, polled over and over,
 * neither count nor are refused (a calendar service fetches all its users' feeds from a few shared addresses). The suite's own throttle has its limit raised (every test
 * request comes from 127.0.0.1): the controller here has the production limits.
 */
@ForumSpringTest
class CalendarFeedThrottleTest {

    @Autowired
    CalendarService calendars;
    @Autowired
    FormLocks formLocks;
    @Autowired
    I18NProvider i18n;
    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;

    @AfterEach
    void cleanUp() {
        RequestContextHolder.resetRequestAttributes();
        TestData.logOut();
    }

    @Test
    void twenty_feeds_asked_for_in_vain_lock_the_address_out_of_links_that_lead_nowhere_and_not_out_of_working_feeds() {
        BookingFixture.TestCompany company = booking.approvedCompany();
        BookingFixture.logInAs(venue.delegateAccount(company.firstDelegate()));
        String token = CalendarServiceTest.token(calendars.newSubscription());
        TestData.logOut();
        CalendarController feeds = new CalendarController(calendars, formLocks.productionLimits(), i18n);
        String from = "10.25." + TestData.unique();

        from(from);
        for (int i = 0; i < 25; i++) {
            assertThat(feeds.feed(token, null).getStatusCode().value()).as("a working feed polled").isEqualTo(200);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(feeds.feed("guessed-" + i, "en").getStatusCode().value()).isEqualTo(404);
        }
        var refused = feeds.feed("guessed-again", null);

        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).as("5 minutes, in seconds")
                .isBetween(280, 300);
        assertThat(refused.getBody()).isNull();
        assertThat(feeds.feed(token, null).getStatusCode().value()).as("the working feed from the locked address")
                .isEqualTo(200);
        from("10.26." + TestData.unique());
        assertThat(feeds.feed("guessed-elsewhere", null).getStatusCode().value()).as("another address").isEqualTo(404);
    }

    private static void from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
