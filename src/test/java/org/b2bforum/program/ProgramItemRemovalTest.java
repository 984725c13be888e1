package org.b2bforum.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.ForumDayRef;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.DelegateFixture;
import org.b2bforum.EventDeliveries;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ux58: an organizer removes a program item added by mistake or called off. Before, an item could not be removed at
 * all, and so neither could its day ("remove them first", with no way to).
 */
@ForumSpringTest
class ProgramItemRemovalTest {

    @Autowired
    ProgramService program;
    @Autowired
    ProgramItems programItems;
    @Autowired
    BookingFixture fixture;
    @Autowired
    DelegateFixture delegates;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventDeliveries deliveries;

    @Test
    void a_program_item_is_removed_with_its_sign_ups_and_its_attendees_and_their_company_are_told() {
        ForumDayRef day = fixture.newDay();
        String title = "Круглый стол " + TestData.unique();
        TestCompany company = fixture.approvedCompany();
        long item = roundTableWithAnAttendee(day, title, company);
        String delegateLogIn = delegates.delegateAccount(company, company.firstDelegate());

        fixture.asOrganizer(() -> programItems.remove(item));

        assertThat(count("select count(*) from program_item where id = ?", item)).isZero();
        assertThat(count("select count(*) from program_item_attendee where program_item_id = ?", item)).isZero();
        String detail = day.day().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM")) + " 15:00–16:00 · "
                + title + "/Round table";
        // told after the removal has committed, in a transaction of their own (event publication registry)
        deliveries.awaitDelivered();
        assertThat(removalNotices(delegateLogIn)).as("the delegate who had signed up").containsExactly(detail);
        assertThat(removalNotices(company.loginEmail())).as("their company's representative").containsExactly(detail);
    }

    @Test
    void a_day_with_a_program_item_added_by_mistake_is_removed_once_the_item_is() {
        ForumDayRef day = fixture.newDay();
        long item = fixture.asOrganizer(() -> programItems.add(day.id(), ProgramItemKind.PLENARY,
                "Пленарное заседание " + TestData.unique(), null, "Зал 1", null, LocalTime.of(9, 0),
                LocalTime.of(10, 0)));

        fixture.asOrganizer(() -> programItems.remove(item));
        fixture.asOrganizer(() -> program.removeDay(day.id()));

        assertThat(count("select count(*) from forum_day where id = ?", day.id())).isZero();
    }

    @Test
    void a_program_item_that_has_begun_stays_with_its_sign_ups_and_nobody_is_told_it_was_called_off() {
        TestCompany company = fixture.approvedCompany();
        long item = roundTableWithAnAttendee(fixture.newDay(), "Круглый стол " + TestData.unique(), company);
        String delegateLogIn = delegates.delegateAccount(company, company.firstDelegate());
        // the forum day has come: the round table began half an hour ago
        jdbc.update("update program_item set starts_at = now() - interval 30 minute, ends_at = now() + interval 30 minute"
                + " where id = ?", item);

        // before, it went with its sign-ups (the results report's record of who attended), and its attendees were told
        // the organizers had called it off
        assertThatThrownBy(() -> fixture.asOrganizer(() -> programItems.remove(item)))
                .isInstanceOfSatisfying(InvalidProgramException.class,
                        e -> assertThat(e.key()).isEqualTo("program.error.item-begun"));
        assertThat(count("select count(*) from program_item where id = ?", item)).isOne();
        assertThat(count("select count(*) from program_item_attendee where program_item_id = ?", item)).isOne();
        deliveries.awaitDelivered();
        assertThat(removalNotices(delegateLogIn)).isEmpty();
    }

    /** A round table from 15:00 to 16:00 of the day that the company's first delegate signed up for. */
    private long roundTableWithAnAttendee(ForumDayRef day, String title, TestCompany company) {
        long item = fixture.asOrganizer(() -> programItems.add(day.id(), ProgramItemKind.ROUND_TABLE, title,
                "Round table", "Малый зал", null, LocalTime.of(15, 0), LocalTime.of(16, 0)));
        fixture.as(company, () -> programItems.signUp(item, List.of(company.firstDelegate())));
        return item;
    }

    private List<String> removalNotices(String logIn) {
        return jdbc.queryForList("""
                select n.detail from notification n join app_user u on u.id = n.user_id
                where u.email = ? and n.message_key = 'notification.program-item.REMOVED'""", String.class, logIn);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
