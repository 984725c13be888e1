package org.b2bforum.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.LockWaits;
import org.b2bforum.program.DaySchedules;
import org.b2bforum.program.InvalidProgramException;
import org.b2bforum.program.ProgramService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * ux58: a forum day added by mistake, on which an organizer built a schedule to try, is removed with the schedules
 * built on it (before, any run of the day kept it for ever: the organizer was stuck with a wrong date in the frame,
 * on badges and in the report). A published schedule keeps its day, and so does one being built.
 */
@ForumSpringTest
class DayRemovalWithSchedulesTest {

    @Autowired
    ProgramService program;
    @Autowired
    ScheduleFixture fixture;
    @Autowired
    BookingFixture booking;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ScheduleService schedules;
    @Autowired
    PlatformTransactionManager transactions;

    private Long building;

    @BeforeEach
    void setUp() {
        fixture.startWishesPhase();
    }

    @AfterEach
    void endTheBuild() {
        if (building != null) {
            jdbc.update("update schedule_run set status = 'FAILED' where id = ? and status = 'RUNNING'", building);
        }
    }

    @Test
    void a_day_with_schedules_built_to_try_is_removed_with_them_once_its_session_is_gone() {
        TestSession session = dayBuiltTwice();
        assertThat(booking.asOrganizer(() -> program.schedulesOf(session.dayId())))
                .isEqualTo(new DaySchedules.Built(2, 0, false));

        booking.asOrganizer(() -> program.removeSession(session.sessionId()));
        booking.asOrganizer(() -> program.removeDay(session.dayId()));

        assertThat(count("select count(*) from forum_day where id = ?", session.dayId())).isZero();
        assertThat(count("select count(*) from schedule_run where day_id = ?", session.dayId())).isZero();
        assertThat(count("select count(*) from schedule_run_meeting m where not exists "
                + "(select 1 from schedule_run r where r.id = m.run_id)")).as("no meetings of runs gone").isZero();
    }

    @Test
    void a_day_whose_schedule_was_published_stays_and_the_removal_says_why() {
        TestSession session = dayBuiltTwice();
        booking.asOrganizer(() -> program.removeSession(session.sessionId()));
        // its meetings cancelled since (the session could go): the published run is the record that they were
        jdbc.update("update schedule_run set status = 'PUBLISHED' where id = (select max(id) from schedule_run "
                + "where day_id = ?)", session.dayId());

        assertThatThrownBy(() -> booking.asOrganizer(() -> program.removeDay(session.dayId())))
                .isInstanceOfSatisfying(InvalidProgramException.class,
                        e -> assertThat(e.key()).isEqualTo("program.error.day-scheduled"));
        assertThat(count("select count(*) from forum_day where id = ?", session.dayId())).isOne();
        assertThat(count("select count(*) from schedule_run where day_id = ?", session.dayId()))
                .as("nothing half-removed").isEqualTo(2);
    }

    @Test
    void a_day_whose_schedule_is_being_built_stays_and_the_removal_says_to_stop_it_first() {
        TestSession session = dayBuiltTwice();
        booking.asOrganizer(() -> program.removeSession(session.sessionId()));
        building = fixture.runningElsewhere(session.dayId(), 1, 0, 0);

        assertThatThrownBy(() -> booking.asOrganizer(() -> program.removeDay(session.dayId())))
                .isInstanceOfSatisfying(InvalidProgramException.class,
                        e -> assertThat(e.key()).isEqualTo("program.error.day-building"));
        assertThat(count("select count(*) from schedule_run where day_id = ?", session.dayId())).isEqualTo(3);
    }

    @Test
    void a_schedule_published_while_another_organizer_removes_its_day_is_refused_in_words() throws Exception {
        TestSession session = dayBuiltTwice();
        booking.asOrganizer(() -> program.removeSession(session.sessionId()));
        long run = count("select max(id) from schedule_run where day_id = ?", session.dayId());

        Throwable thrown = LockWaits.whileHeld(booking, jdbc, transactions, () -> program.removeDay(session.dayId()),
                () -> schedules.publish(run));

        // before: the publication's read of the run under its lock found no row (EmptyResultDataAccessException)
        assertThat(thrown).isInstanceOfSatisfying(ScheduleRefusedException.class,
                e -> assertThat(e.key()).isEqualTo("schedule.error.day-removed"));
        assertThat(count("select count(*) from forum_day where id = ?", session.dayId())).isZero();
    }

    /** A day with one session, two wishing companies and two finished (unpublished) runs. */
    private TestSession dayBuiltTwice() {
        TestSession session = booking.session(1, LocalTime.of(10, 0), LocalTime.of(10, 40), 20);
        List<TestCompany> c = booking.approvedCompanies(2);
        fixture.wish(c.get(0), c.get(1), WishPriority.MUST);
        assertThat(fixture.build(session.dayId()).status()).isEqualTo(ScheduleRunStatus.DONE);
        assertThat(fixture.build(session.dayId()).status()).isEqualTo(ScheduleRunStatus.DONE);
        return session;
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
