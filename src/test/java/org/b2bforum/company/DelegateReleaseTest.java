package org.b2bforum.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.calendar.CalendarService;
import org.b2bforum.delegate.DelegateInvitationService;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.program.ProgramService;
import org.b2bforum.venue.VenueFixture;
import org.b2bforum.program.ProgramItems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releasing delegates: company publishes one event and every feature deletes its own rows about them
 * (program, meeting, calendar, delegate log-ins, notifications) in the same transaction, so the delegates'
 * rows can then go; when that transaction rolls back, every feature's rows are still there.
 */
@ForumSpringTest
class DelegateReleaseTest {

    /** Each feature's rows about the delegates :ids. */
    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("program sign-ups", "select count(*) from program_item_attendee where delegate_id in (:ids)");
        ROWS.put("meeting places", "select count(*) from meeting_delegate where delegate_id in (:ids)");
        ROWS.put("delegate slot bookings", "select count(*) from delegate_slot_booking where delegate_id in (:ids)");
        ROWS.put("calendar links", "select count(*) from calendar_feed where delegate_id in (:ids)");
        ROWS.put("invitations", "select count(*) from delegate_invitation where delegate_id in (:ids)");
        ROWS.put("log-ins", "select count(*) from app_user where delegate_id in (:ids)");
        ROWS.put("notifications", "select count(*) from notification n join app_user u on u.id = n.user_id "
                + "where u.delegate_id in (:ids)");
    }

    @Autowired
    Delegates delegates;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    ProgramService program;
    @Autowired
    ProgramItems programItems;
    @Autowired
    CalendarService calendars;
    @Autowired
    DelegateInvitationService invitations;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;

    /** A company whose two delegates have rows in every feature that keeps rows about delegates. */
    private List<Long> delegatesWithRowsEverywhere() {
        TestSession session = venue.futureSession(2);
        TestCompany company = booking.approvedCompany();
        TestCompany partner = booking.approvedCompany();
        long ivan = company.delegateIds().get(0);
        long anna = company.delegateIds().get(1);
        booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(company.id(), partner.id(), session.slot(0).id()));
        jdbc.update("insert ignore into meeting_delegate (meeting_id, delegate_id, company_id) select id, :d, :c "
                + "from meeting where requester_company_id = :c",
                new MapSqlParameterSource("d", anna).addValue("c", company.id()));
        long roundTable = booking.asOrganizer(() -> programItems.add(session.dayId(), ProgramItemKind.ROUND_TABLE,
                "Круглый стол " + TestData.unique(), null, "Зал Б", null, LocalTime.of(12, 0), LocalTime.of(13, 0)));
        booking.as(company, () -> programItems.signUp(roundTable, List.of(ivan, anna)));
        booking.as(company, () -> invitations.invite(ivan));
        ForumUser annasLogIn = venue.delegateAccount(anna);
        BookingFixture.logInAs(annasLogIn);
        calendars.newSubscription();
        TestData.logOut();
        jdbc.update("insert into notification (user_id, message_key, created_at) values (:u, 'notification.test', now())",
                new MapSqlParameterSource("u", annasLogIn.id()));
        return List.of(ivan, anna);
    }

    private Map<String, Integer> rowsOf(List<Long> ids) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ROWS.forEach((name, sql) -> counts.put(name,
                jdbc.queryForObject(sql, new MapSqlParameterSource("ids", ids), Integer.class)));
        return counts;
    }

    @Test
    void every_feature_deletes_its_own_rows_of_released_delegates_in_the_releasing_transaction() {
        List<Long> ids = delegatesWithRowsEverywhere();
        assertThat(rowsOf(ids).values()).as("set-up: rows in every feature").allMatch(n -> n > 0);

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            delegates.release(ids);
            jdbc.update("delete from delegate where id in (:ids)", new MapSqlParameterSource("ids", ids));
        });

        assertThat(rowsOf(ids).values()).allMatch(n -> n == 0);
        assertThat(jdbc.queryForObject("select count(*) from delegate where id in (:ids)",
                new MapSqlParameterSource("ids", ids), Integer.class)).isZero();
    }

    @Test
    void messages_written_and_leads_scanned_by_released_delegates_stay_under_their_names() {
        TestCompany company = booking.approvedCompany();
        TestCompany partner = booking.approvedCompany();
        long anna = company.delegateIds().get(1);
        ForumUser annasLogIn = venue.delegateAccount(anna);
        MapSqlParameterSource params = new MapSqlParameterSource("a", Math.min(company.id(), partner.id()))
                .addValue("b", Math.max(company.id(), partner.id())).addValue("c", company.id())
                .addValue("u", annasLogIn.id()).addValue("visitor", partner.delegateIds().get(0));
        jdbc.update("insert into conversation (company_a, company_b, created_at) values (:a, :b, now())", params);
        jdbc.update("insert into message (conversation_id, sender_company_id, sender_user_id, sender_name, body, sent_at) "
                + "select id, :c, :u, 'Anna Smirnova', 'Добрый день', now() from conversation where company_a = :a "
                + "and company_b = :b", params);
        jdbc.update("insert into fair_lead (exhibitor_company_id, visitor_delegate_id, scanned_at, scanned_by, "
                + "scanned_by_name, updated_at) values (:c, :visitor, now(), :u, 'Anna Smirnova', now())", params);

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            delegates.release(List.of(anna));
            jdbc.update("delete from delegate where id = :d", new MapSqlParameterSource("d", anna));
        });

        assertThat(jdbc.queryForList("select sender_name from message where sender_company_id = :c", params,
                String.class)).containsExactly("Anna Smirnova");
        assertThat(jdbc.queryForList("select scanned_by_name from fair_lead where exhibitor_company_id = :c", params,
                String.class)).containsExactly("Anna Smirnova");
        assertThat(jdbc.queryForObject("select count(*) from app_user where id = :u", params, Integer.class)).isZero();
    }

    @Test
    void when_the_releasing_transaction_rolls_back_every_features_rows_are_still_there() {
        List<Long> ids = delegatesWithRowsEverywhere();
        Map<String, Integer> before = rowsOf(ids);

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            delegates.release(ids);
            assertThat(rowsOf(ids).values()).as("gone inside the transaction").allMatch(n -> n == 0);
            status.setRollbackOnly();
        });

        assertThat(rowsOf(ids)).isEqualTo(before);
    }
}
