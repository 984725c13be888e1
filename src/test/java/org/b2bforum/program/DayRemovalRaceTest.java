package org.b2bforum.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.ForumDayRef;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.LockWaits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A day removed by one organizer while another adds a session or a program item to it: whichever comes first wins,
 * and the other is refused in words. Before, a session or an item whose day was removed while it was being added
 * failed on the database's foreign key (an error page, not a message next to the form): the day was read without a
 * lock, so the removal did not wait for it nor it for the removal.
 */
@ForumSpringTest
class DayRemovalRaceTest {

    @Autowired
    ProgramService program;
    @Autowired
    ProgramItems programItems;
    @Autowired
    BookingFixture fixture;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void a_session_added_while_its_day_is_removed_is_refused_as_a_day_that_is_gone() throws Exception {
        ForumDayRef day = fixture.newDay();
        long hall = fixture.newHall(2);

        Throwable added = whileHeld(() -> program.removeDay(day.id()), () -> program.addSession(day.id(), hall,
                "Переговоры", null, LocalTime.of(10, 0), LocalTime.of(11, 0), 20, 0));

        assertThat(added).isInstanceOf(InvalidProgramException.class);
        assertThat(((InvalidProgramException) added).key()).isEqualTo("program.error.no-day");
        assertThat(count("select count(*) from forum_day where id = ?", day.id())).isZero();
    }

    @Test
    void a_program_item_added_while_its_day_is_removed_is_refused_as_a_day_that_is_gone() throws Exception {
        ForumDayRef day = fixture.newDay();

        Throwable added = whileHeld(() -> program.removeDay(day.id()), () -> programItems.add(day.id(),
                ProgramItemKind.PLENARY, "Пленарное заседание", null, "Зал 1", null, LocalTime.of(9, 0),
                LocalTime.of(10, 0)));

        assertThat(added).isInstanceOf(InvalidProgramException.class);
        assertThat(((InvalidProgramException) added).key()).isEqualTo("program.error.no-day");
        assertThat(count("select count(*) from forum_day where id = ?", day.id())).isZero();
    }

    @Test
    void a_day_removed_while_a_session_is_added_to_it_stays_and_the_removal_says_why() throws Exception {
        ForumDayRef day = fixture.newDay();
        long hall = fixture.newHall(2);

        Throwable removed = whileHeld(() -> program.addSession(day.id(), hall, "Переговоры", null,
                LocalTime.of(10, 0), LocalTime.of(11, 0), 20, 0), () -> program.removeDay(day.id()));

        assertThat(removed).isInstanceOf(InvalidProgramException.class);
        assertThat(((InvalidProgramException) removed).key()).isEqualTo("program.error.day-not-empty");
        assertThat(count("select count(*) from negotiation_session where day_id = ?", day.id())).isOne();
    }

    private Throwable whileHeld(Runnable first, Runnable second) throws Exception {
        return LockWaits.whileHeld(fixture, jdbc, transactionManager, first, second);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
