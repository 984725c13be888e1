package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.b2bforum.BookingFixture;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.text.DateRanges;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

/**
 * The frame's subtitle names the forum's days as the organizers set them up: it said "18–21 сентября" whatever they
 * were (ux52 saw it on a forum held in February).
 */
@ForumSpringTest
class FrameSubtitleTest extends ForumBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_subtitle_names_the_first_and_the_last_day_of_the_program() {
        BookingFixture booking = new BookingFixture(context);
        LocalDate added = booking.newDay().day();
        BookingFixture.logInAs(booking.approvedCompany());

        UI.getCurrent().navigate("my-registration");

        LocalDate[] days = jdbc.queryForObject("select min(day), max(day) from forum_day", (rs, i) -> new LocalDate[] {
                rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class) });
        assertThat(days[1]).isAfterOrEqualTo(added);
        assertThat(find(Span.class).withClassName("app-forum-dates").single().getText())
                .isEqualTo("Дни Минска в Москве · " + DateRanges.days(days[0], days[1], Locale.forLanguageTag("ru"), false));
    }
}
