package org.b2bforum.program.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.b2bforum.program.ui.ProgramFixture.FORUM_ZONE;

import java.time.LocalDate;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.ForumDay;
import org.b2bforum.program.ProgramService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.flow.component.UI;

/**
 * What the program page makes of typed dates and times, the edges of a forum day's reach, and the booking window read
 * again at each arrival (the second reading of ux90).
 */
@ForumSpringTest
class ProgramFormInputTest extends ForumBrowserlessTest {

    /** The element property in which a Vaadin 25 date or time picker keeps the text it could not read. */
    private static final String TYPED = "_inputElementValue";

    @Autowired
    ProgramService program;
    @Autowired
    BookingWindow bookingWindow;

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void a_typed_date_or_time_the_picker_could_not_read_says_how_to_type_it_and_an_empty_one_is_required() {
        ProgramView view = navigate(ProgramView.class);
        int daysBefore = program.days().size();

        test(view.days.add).click();
        assertThat(view.days.day.getErrorMessage()).as("nothing typed").isEqualTo("Заполните это поле");

        view.days.day.getElement().setProperty(TYPED, "9/18/2207"); // month first where the picker reads day first
        test(view.days.add).click();
        assertThat(view.days.day.isInvalid()).isTrue();
        assertThat(view.days.day.getErrorMessage())
                .isEqualTo("Дата не распознана: введите её как 18.09.2027 или выберите в календаре");
        assertThat(program.days()).hasSize(daysBefore);

        view.sessions.start.getElement().setProperty(TYPED, "9.30am");
        test(view.sessions.add).click();
        assertThat(view.sessions.start.getErrorMessage()).isEqualTo("Время не распознано: введите его как 09:30");
        assertThat(view.sessions.end.getErrorMessage()).as("nothing typed").isEqualTo("Заполните это поле");

        view.items.start.getElement().setProperty(TYPED, "25:00");
        test(view.items.add).click();
        assertThat(view.items.start.getErrorMessage()).isEqualTo("Время не распознано: введите его как 09:30");
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void today_and_the_day_two_years_ahead_are_accepted_and_the_day_after_is_refused() {
        ProgramView view = navigate(ProgramView.class);
        LocalDate today = LocalDate.now(FORUM_ZONE);
        LocalDate last = today.plusYears(DaysPanel.YEARS_AHEAD);

        test(view.days.day).setValue(last.plusDays(1));
        test(view.days.add).click();
        assertThat(view.days.day.getErrorMessage()).startsWith("Проверьте год: день форума — не позже чем через 2 года");

        for (LocalDate edge : new LocalDate[] {today, last}) {
            boolean existed = program.days().stream().anyMatch(d -> d.day().equals(edge));
            test(view.days.day).setValue(edge);
            test(view.days.add).click();
            if (existed) {
                assertThat(view.days.day.getErrorMessage()).as(edge + " is within reach").isEqualTo("Такой день уже есть");
            } else {
                assertThat(view.days.day.isInvalid()).as(edge + " is within reach").isFalse();
                ForumDay added = program.days().stream().filter(d -> d.day().equals(edge)).findFirst().orElseThrow();
                program.removeDay(added.id());
            }
        }
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void the_booking_window_set_at_another_desk_is_shown_when_the_page_is_opened_again() {
        BookingSettings before = bookingWindow.settings();
        try {
            ProgramView view = navigate(ProgramView.class);
            int limit = before.meetingLimit() == 7 ? 9 : 7;
            bookingWindow.update(new BookingSettings(before.opensAt(), before.closesAt(), limit,
                    before.instantBooking(), before.wishesPhase()));

            UI.getCurrent().navigate(ProgramView.class);
            assertThat(find(ProgramView.class).single()).as("the router keeps the view").isSameAs(view);
            assertThat(view.booking.meetingLimit.getValue()).isEqualTo(limit);
        } finally {
            bookingWindow.update(before);
        }
    }
}
