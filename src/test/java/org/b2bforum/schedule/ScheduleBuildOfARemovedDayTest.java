package org.b2bforum.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.ForumDayRef;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.LockWaits;
import org.b2bforum.program.ProgramService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A schedule build reads its day in one transaction and stores its run in another: a day emptied and removed between
 * the two ends the build in words, nothing stored. Before, the run's insert failed on the day's foreign key, an
 * unhandled DataIntegrityViolationException (review52).
 */
@ForumSpringTest
class ScheduleBuildOfARemovedDayTest {

    @Autowired
    ScheduleService schedule;
    @Autowired
    ProgramService program;
    @Autowired
    ScheduleFixture fixture;
    @Autowired
    BookingFixture booking;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void a_build_whose_day_is_emptied_and_removed_meanwhile_is_refused_as_a_removed_day_and_stores_nothing()
            throws Exception {
        fixture.startWishesPhase();
        ForumDayRef day = booking.newDay();
        long hall = booking.newHall(2);
        TestSession session = booking.session(day, hall, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        List<TestCompany> c = booking.approvedCompanies(2);
        fixture.wish(c.get(0), c.get(1), WishPriority.MUST);
        int runsBefore = count("select count(*) from schedule_run");

        Throwable built = whileHeld(() -> {
            program.removeSession(session.sessionId());
            program.removeDay(day.id());
        }, () -> schedule.build(day.id(), Duration.ofSeconds(2)));

        assertThat(built).isInstanceOf(ScheduleRefusedException.class);
        assertThat(((ScheduleRefusedException) built).key()).isEqualTo("schedule.error.day-removed");
        assertThat(count("select count(*) from forum_day where id = ?", day.id())).isZero();
        assertThat(count("select count(*) from schedule_run")).isEqualTo(runsBefore);
    }

    private Throwable whileHeld(Runnable first, Runnable second) throws Exception {
        return LockWaits.whileHeld(booking, jdbc, transactionManager, first, second);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
