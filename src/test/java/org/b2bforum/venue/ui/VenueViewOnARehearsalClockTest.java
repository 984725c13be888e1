package org.b2bforum.venue.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.ForumDayRef;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestClock;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.program.ProgramService;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.vaadin.flow.component.Component;

/**
 * A forum day rehearsed ({@code b2bforum.clock.start}): the venue page opens at the slot the rehearsal clock says is
 * running, the organizers' and staff's pages say the time the application believes, and the log-ins keep the real
 * time. A context of its own (closed after the class, so its scheduled jobs stop), on a day of its own some twenty
 * years back that no other test uses, at 10:25 in a 10:00-11:00 session of 20-minute slots.
 */
@ForumSpringTest
@DirtiesContext
class VenueViewOnARehearsalClockTest extends ForumBrowserlessTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalDate DAY = LocalDate.now().minusYears(20)
            .minusDays(ThreadLocalRandom.current().nextInt(0, 3000));

    @DynamicPropertySource
    static void rehearsal(DynamicPropertyRegistry registry) {
        registry.add("b2bforum.clock.start", () -> DAY.atTime(10, 25).atZone(MOSCOW).toOffsetDateTime().toString());
    }

    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    ProgramService program;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void staff_rehearsing_a_forum_day_find_the_slot_running_by_the_rehearsal_clock_and_are_told_it_is_one() {
        ForumUser staff = venue.staff();
        // the rehearsal began at 10:25 at the context's start and ticks on: on a loaded machine minutes pass before the
        // page opens (10:32 seen at load 40-60, stop 49), so this thread's clock is put back to 10:25 for the day's set-up
        // and the page (the background's, the log-in's and the wall clock's elsewhere keep their times)
        Instant rehearsing = clock.instant();
        Instant start = DAY.atTime(10, 25).atZone(MOSCOW).toInstant();
        assertThat(rehearsing).as("the application's clock is the rehearsal's, begun at the context's start")
                .isBetween(start, start.plus(Duration.ofHours(12)));
        TestClock.aheadOnThisThread(Duration.between(rehearsing, start), () -> theRehearsedSlotOpens(staff));

        // the log-in made before is stamped with the real time, not the rehearsal's
        Timestamp created = jdbc.queryForObject("select created_at from app_user where id = ?", Timestamp.class,
                staff.id());
        assertThat(created.toInstant()).isCloseTo(java.time.Instant.now(), within(10, ChronoUnit.MINUTES));
    }

    private void theRehearsedSlotOpens(ForumUser staff) {
        ForumDayRef day = booking.asOrganizer(() -> new ForumDayRef(program.addDay(DAY), DAY));
        TestSession session = booking.session(day, booking.newHall(2), LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(1).id()));
        BookingFixture.logInAs(staff);

        VenueView view = navigate(VenueView.class);

        // 10:25 on the rehearsal clock: the slot 10:20-10:40 of that day, begun, so its meetings can be marked
        assertThat(view.day.getValue().day()).isEqualTo(DAY);
        assertThat(view.slot.getValue().id()).isEqualTo(session.slot(1).id());
        assertThat(VenueViewTest.property(view, meeting, "begun", Boolean.class)).as("its buttons enabled").isTrue();
        assertThat(text("rehearsal-line")).startsWith("Репетиция: по часам приложения сейчас "
                + DAY.format(java.time.format.DateTimeFormatter.ofPattern("d.MM.yyyy")) + " 10:2");
        assertThat(find(Component.class).withId("rehearsal-line").single().getElement().hasAttribute("role"))
                .as("not a live region announced at every navigation").isFalse();
    }

    private String text(String id) {
        return find(Component.class).withId(id).single().getElement().getTextRecursively();
    }
}
