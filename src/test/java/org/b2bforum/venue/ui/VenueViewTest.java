package org.b2bforum.venue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.venue.Attendance;
import org.b2bforum.venue.AttendanceService;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;

/** At the tables: staff pick a slot and mark each table's meeting held or no-show, and may correct it. */
@ForumSpringTest
class VenueViewTest extends ForumBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    AttendanceService attendance;

    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;

    @Test
    void staff_mark_the_meetings_of_a_slot_table_by_table_and_correct_a_mark() {
        TestSession session = venue.pastSession(3);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        TestCompany c = booking.approvedCompany();
        TestCompany d = booking.approvedCompany();
        long first = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(1).id()));
        long second = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(c.id(), d.id(), session.slot(1).id()));
        BookingFixture.logInAs(venue.staff());

        UI.getCurrent().navigate("venue", QueryParameters.of("slot", String.valueOf(session.slot(1).id())));
        VenueView view = (VenueView) getCurrentView();

        assertThat(view.day.getValue().day()).isEqualTo(session.day());
        assertThat(view.session.getValue().id()).isEqualTo(session.sessionId());
        assertThat(view.slot.getValue().id()).isEqualTo(session.slot(1).id());
        assertThat(view.summary.getText()).isEqualTo("Встреч: 2 · состоялось: 0 · не пришли: 0");
        String row = text("venue-meeting-" + first);
        assertThat(row).contains("Стол 1", name(a) + " — " + name(b), "Не отмечена");
        assertThat(text("venue-meeting-" + second)).contains("Стол 2", name(c) + " — " + name(d));

        test(find(Button.class).id("held-" + first)).click();
        test(find(Button.class).id("no-show-" + second)).click();
        assertThat(view.summary.getText()).isEqualTo("Встреч: 2 · состоялось: 1 · не пришли: 1");
        assertThat(text("venue-mark-" + first)).startsWith("Встреча состоялась · отметил(а) Сотрудник ");
        assertThat(find(Button.class).id("held-" + first).getElement().getAttribute("aria-pressed")).isEqualTo("true");

        // the delegates of the second meeting turn up late after all
        test(find(Button.class).id("held-" + second)).click();
        assertThat(view.summary.getText()).isEqualTo("Встреч: 2 · состоялось: 2 · не пришли: 0");
        assertThat(attendance.meetingsInSlot(session.slot(1).id()))
                .allMatch(m -> m.attendance() == Attendance.HELD);

        test(view.slot).selectItem("10:00–10:20");
        assertThat(view.summary.getText()).isEqualTo("Встреч: 0 · состоялось: 0 · не пришли: 0");
        assertThat(text("venue-tables")).contains("В этом слоте нет подтверждённых встреч");
    }

    @Test
    void a_slot_ahead_cannot_be_marked_yet_and_without_a_choice_the_current_or_next_slot_opens() {
        TestSession session = venue.futureSession(2);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(0).id()));
        TestData.logInAsOrganizer(context.getBean(org.b2bforum.base.security.AccountService.class));

        UI.getCurrent().navigate("venue", QueryParameters.of("slot", String.valueOf(session.slot(0).id())));
        assertThat(find(Button.class).id("held-" + meeting).isEnabled()).isFalse();
        assertThat(find(Button.class).id("no-show-" + meeting).isEnabled()).isFalse();
        // "начнётся в 18 сент., 14:00" read badly, and so did "The slot starts: 18 Sept, 14:00" (ux37, ux47)
        assertThat(text("venue-tables")).containsPattern(
                "Слот начнётся (сегодня|\\d{1,2} [а-я]+[ая]) в \\d{2}:\\d{2}\\. Отмечать встречи можно будет с его начала");
        UI.getCurrent().setLocale(Languages.ENGLISH);
        UI.getCurrent().navigate(""); // the page is made anew, in English
        UI.getCurrent().navigate("venue", QueryParameters.of("slot", String.valueOf(session.slot(1).id())));
        assertThat(text("venue-tables")).containsPattern(
                "This slot begins (today|on \\d{1,2} [A-Z][a-z]{2,}) at \\d{2}:\\d{2}\\. Meetings can be marked from then");
        UI.getCurrent().setLocale(Languages.RUSSIAN);

        VenueView fresh = navigate(VenueView.class);
        assertThat(fresh.slot.getValue()).isNotNull();
        assertThat(fresh.slot.getValue().endsAt()).isAfter(Instant.now());
        assertThat(fresh.session.hasClassName("wrap-value")).as("a long session wraps on a phone, see forum.css")
                .isTrue();
    }

    @Test
    void the_page_names_the_forum_time_zone_in_words_as_the_meeting_grid_does() {
        TestData.logInAsOrganizer(context.getBean(org.b2bforum.base.security.AccountService.class));
        navigate(VenueView.class);
        // it said "Время форума: Europe/Moscow." where the meeting grid says "Время форума: Москва."
        assertThat(find(Paragraph.class).all()).map(Paragraph::getText)
                .anyMatch(text -> text.endsWith("Время форума: Москва."))
                .noneMatch(text -> text.contains("Europe/"));
    }

    @Test
    void a_mark_not_made_here_shows_without_who_and_when() {
        TestSession session = venue.pastSession(1);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(0).id()));
        // corrected in the database by hand: no time, no name (this page failed with a stack trace on it)
        context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .update("update meeting set attendance = 'HELD' where id = ?", meeting);
        BookingFixture.logInAs(venue.staff());

        UI.getCurrent().navigate("venue", QueryParameters.of("slot", String.valueOf(session.slot(0).id())));

        assertThat(getCurrentView()).isInstanceOf(VenueView.class);
        assertThat(text("venue-mark-" + meeting)).isEqualTo("Встреча состоялась");
    }

    private String name(TestCompany company) {
        return context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("select short_name from company where id = ?", String.class, company.id());
    }

    private String text(String id) {
        return find(Component.class).withId(id).single().getElement().getTextRecursively();
    }
}
