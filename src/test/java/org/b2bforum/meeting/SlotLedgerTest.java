package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.spy;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.notification.NotificationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What a booking writes into the ledger, and in how many round trips. */
@ForumSpringTest
class SlotLedgerTest {

    @Autowired
    BookingFixture fixture;
    @Autowired
    MeetingRequests requests;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    Clock clock;
    @Autowired
    NotificationService notifications;
    @Autowired
    MeetingDescriptions descriptions;

    @Test
    void a_meeting_takes_its_delegates_slot_and_table_in_one_round_trip_and_a_second_taker_loses_the_race() {
        fixture.openBooking(false);
        TestSession session = fixture.session(2, LocalTime.of(9, 0), LocalTime.of(9, 40), 20);
        TestCompany a = fixture.approvedCompany();
        TestCompany b = fixture.approvedCompany();
        long slotId = session.slot(0).id();
        long meetingId = fixture.as(a, () -> requests.request(b.id(), slotId, List.of(a.firstDelegate()), null).meetingId());
        long tableId = jdbc.queryForObject("select min(id) from meeting_table where hall_id = ?", Long.class,
                session.hallId());
        Timestamp start = jdbc.queryForObject("select starts_at from slot where id = ?", Timestamp.class, slotId);
        SlotLedger.Slot slot = new SlotLedger.Slot(slotId, session.hallId(), start.toInstant(), start.toInstant());
        JdbcTemplate counted = spy(jdbc);
        SlotLedger ledger = new SlotLedger(new NamedParameterJdbcTemplate(counted));
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));

        transaction.executeWithoutResult(status -> ledger.occupy(meetingId, slot, tableId, null, a.id(), b.id(),
                Set.of(a.firstDelegate(), b.firstDelegate()), MeetingRows.delegateRows(meetingId, b.id(), Set.of(b.firstDelegate()))));

        // one JDBC call: a batch of plain statements, which the driver sends without waiting for each answer
        assertThat(mockingDetails(counted).getInvocations()).map(call -> call.getMethod().getName())
                .filteredOn(name -> name.startsWith("query") || name.endsWith("pdate")).containsExactly("batchUpdate");
        assertThat(jdbc.queryForList("select company_id from company_slot_booking where meeting_id = ? and starts_at = ?",
                Long.class, meetingId, start)).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(jdbc.queryForList("select delegate_id from delegate_slot_booking where meeting_id = ? and starts_at = ?",
                Long.class, meetingId, start)).containsExactlyInAnyOrder(a.firstDelegate(), b.firstDelegate());
        assertThat(jdbc.queryForObject("select table_id from table_slot_booking where meeting_id = ? and slot_id = ?",
                Long.class, meetingId, slotId)).isEqualTo(tableId);
        assertThat(jdbc.queryForList("select delegate_id from meeting_delegate where meeting_id = ? and company_id = ?",
                Long.class, meetingId, b.id())).containsExactly(b.firstDelegate());

        // the same table at the same time again: the primary key refuses it, and the booking step starts again
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> ledger.occupy(meetingId, slot, tableId,
                null, a.id(), b.id(), Set.of())))
                .isInstanceOf(ConcurrencyFailureException.class);
        assertThat(jdbc.queryForObject("select count(*) from company_slot_booking where meeting_id = ?", Integer.class,
                meetingId)).isEqualTo(2);
    }

    @Test
    void the_situation_under_the_locks_names_both_companies_log_ins_to_notify() {
        fixture.openBooking(true);
        TestSession session = fixture.session(2, LocalTime.of(11, 0), LocalTime.of(11, 40), 20);
        TestCompany a = fixture.approvedCompany();
        TestCompany b = fixture.approvedCompany();
        long slotId = session.slot(0).id();
        SlotLedger ledger = new SlotLedger(new NamedParameterJdbcTemplate(jdbc));
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));

        BookingSituation now = transaction.execute(status -> {
            SlotLedger.Locked locked = ledger.lockSlotAndCompanies(slotId, a.id(), b.id());
            return ledger.situation(locked.slot(), a.id(), b.id(), a.id(), Set.of(a.firstDelegate()), Instant.now());
        });

        // read along with the situation, not in a statement of their own: that was a round trip in the booking's turn
        for (TestCompany company : List.of(a, b)) {
            assertThat(now.recipients().usersByCompany().get(company.id())).isNotEmpty().isEqualTo(jdbc.queryForList(
                    "select id from app_user where company_id = ? order by id", Long.class, company.id()));
        }
        assertThat(now.recipients().usersByCompany()).containsOnlyKeys(a.id(), b.id());

        // the locks and the situation in one round trip read the same, for an empty choice of delegates too
        for (Set<Long> delegates : List.of(Set.of(a.firstDelegate()), Set.<Long>of(), Set.of(a.firstDelegate(), b.firstDelegate()))) {
            SlotLedger.LockedSituation read = transaction.execute(status -> ledger.lockAndRead(slotId, a.id(), b.id(),
                    a.id(), delegates, Instant.now()));
            BookingSituation apart = transaction.execute(status -> {
                SlotLedger.Locked locked = ledger.lockSlotAndCompanies(slotId, a.id(), b.id());
                assertThat(read.locked()).isEqualTo(locked);
                return ledger.situation(locked.slot(), a.id(), b.id(), a.id(), delegates, Instant.now());
            });
            assertThat(read.situation()).isEqualTo(apart);
        }
        assertThat(transaction.execute(status -> ledger.lockAndRead(slotId, a.id(), b.id(), a.id(), Set.of(), Instant.now()))
                .situation().ownDelegates()).isZero();
        assertThatThrownBy(() -> transaction.execute(status -> ledger.lockAndRead(-5, a.id(), b.id(), a.id(), Set.of(), Instant.now())))
                .isInstanceOf(BookingRefusedException.class).hasMessageContaining("no-slot");
    }

    @Test
    void an_instant_request_runs_its_locks_with_its_reads_and_its_writes_with_its_commit() throws Exception {
        fixture.openBooking(true);
        TestSession session = fixture.session(2, LocalTime.of(15, 0), LocalTime.of(15, 40), 20);
        TestCompany a = fixture.approvedCompany();
        TestCompany b = fixture.approvedCompany();
        long slotId = session.slot(0).id();
        try (Connection connection = dataSource.getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(one);
            MeetingRequests onOneConnection = new MeetingRequests(new TransactionRetry(one, 4), new SlotLedger(named),
                    new MeetingRows(named, clock), currentUser, notifications, descriptions, clock);
            JdbcTemplate onIt = new JdbcTemplate(one);
            long before = questions(onIt);
            long calibration = questions(onIt) - before;

            long before2 = questions(onIt);
            MeetingOutcome outcome = fixture.as(a, () -> onOneConnection.request(b.id(), slotId,
                    List.of(a.firstDelegate()), "bitte"));
            long statements = questions(onIt) - before2 - calibration;

            // the first look, autocommit off, the locks with the reads, the writes with the commit, autocommit on: the
            // commit is not sent again, the locks and the reads are one statement, the writes one (each of them was one)
            assertThat(statements).isEqualTo(5);
            assertThat(outcome.status()).isEqualTo(MeetingStatus.CONFIRMED);
            assertThat(onIt.queryForObject("select @@in_transaction", Integer.class)).isZero();
            assertThat(connection.getAutoCommit()).isTrue();
        }
        // committed, with everything it occupies, as another connection sees it
        long meetingId = jdbc.queryForObject("select id from meeting where requester_company_id = ? and slot_id = ?",
                Long.class, a.id(), slotId);
        assertThat(jdbc.queryForObject("select status from meeting where id = ?", String.class, meetingId))
                .isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForList("select company_id from company_slot_booking where meeting_id = ?", Long.class,
                meetingId)).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(jdbc.queryForObject("select count(*) from table_slot_booking where meeting_id = ?", Integer.class,
                meetingId)).isEqualTo(1);
        assertThat(jdbc.queryForList("select delegate_id from delegate_slot_booking where meeting_id = ?", Long.class,
                meetingId)).containsExactly(a.firstDelegate());
        // the partner's people are told to choose who attends in the same writes (review57's notification written
        // after the commit in a transaction of its own cost 13-17 % of the booking benchmark's attempts, stop 45)
        String told = "select count(*) from notification n join app_user u on u.id = n.user_id"
                + " where u.company_id = ? and n.message_key = 'notification.meeting.CHOOSE_ATTENDEES'";
        assertThat(jdbc.queryForObject(told, Integer.class, b.id())).isPositive();
        assertThat(jdbc.queryForObject(told, Integer.class, a.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from notification n join app_user u on u.id = n.user_id"
                + " where u.company_id in (?, ?) and n.message_key = 'notification.meeting.CONFIRMED'", Integer.class, a.id(),
                b.id())).isEqualTo(
                jdbc.queryForObject("select count(*) from app_user where company_id in (?, ?)", Integer.class, a.id(), b.id()));
    }

    @Test
    void a_conflict_at_the_commit_of_the_writes_undoes_them_all_runs_the_step_again_and_the_commit_hooks_run_once_after_the_real_commit()
            throws Exception {
        fixture.openBooking(false);
        TestSession session = fixture.session(2, LocalTime.of(16, 0), LocalTime.of(16, 40), 20);
        TestCompany a = fixture.approvedCompany();
        TestCompany b = fixture.approvedCompany();
        long slotId = session.slot(0).id();
        ForumUser user = fixture.as(a, currentUser::require);
        Set<Long> delegates = Set.of(a.firstDelegate());
        AtomicInteger tries = new AtomicInteger();
        List<String> hooks = new CopyOnWriteArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(one);
            MeetingRows rows = new MeetingRows(named, clock);
            JdbcTemplate onIt = new JdbcTemplate(one);

            long meetingId = new TransactionRetry(one, 4).run(() -> {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        // seen from another connection: the commit inside the compound statement was a real one
                        hooks.add("committed " + jdbc.queryForObject("select count(*) from meeting where"
                                + " requester_company_id = ? and slot_id = ?", Integer.class, a.id(), slotId));
                    }

                    @Override
                    public void afterCompletion(int status) {
                        hooks.add(status == STATUS_COMMITTED ? "completed" : "rolled back");
                    }
                });
                List<String> batch = new ArrayList<>(rows.inserting(a.id(), b.id(), slotId, "bitte",
                        MeetingStatus.REQUESTED, null));
                batch.add(MeetingRows.delegateRows(MeetingRows.NEW_MEETING, a.id(), delegates));
                batch.add(MeetingRows.newMeetingEvents(MeetingRows.NEW_MEETING, user, false));
                if (tries.incrementAndGet() == 1) {
                    // what a deadlock or a lost Galera certification at the commit answers: the last thing before it
                    batch.add("signal sqlstate '40001' set mysql_errno = 1213,"
                            + " message_text = 'WSREP detected deadlock/conflict and aborted the transaction'");
                }
                return MeetingRows.committedInsertedId(named, batch);
            });

            assertThat(tries).as("run again after the conflict").hasValue(2);
            assertThat(hooks).containsExactly("rolled back", "committed 1", "completed");
            assertThat(onIt.queryForObject("select @@in_transaction", Integer.class)).isZero();
            assertThat(connection.getAutoCommit()).isTrue();
            // the first try's writes, before its failed commit, left nothing behind
            assertThat(jdbc.queryForList("select id from meeting where requester_company_id = ? and slot_id = ?",
                    Long.class, a.id(), slotId)).containsExactly(meetingId);
            assertThat(jdbc.queryForObject("select count(*) from meeting_delegate d join meeting m on m.id = d.meeting_id"
                    + " where m.requester_company_id = ? and m.slot_id = ?", Integer.class, a.id(), slotId)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from meeting_event e join meeting m on m.id = e.meeting_id"
                    + " where m.requester_company_id = ? and m.slot_id = ?", Integer.class, a.id(), slotId)).isEqualTo(1);
        }
    }

    private static long questions(JdbcTemplate jdbc) {
        return jdbc.queryForObject("show session status like 'Questions'", (rs, i) -> rs.getLong(2));
    }

    @Test
    void an_instant_booking_inserts_its_meeting_with_its_rows_and_what_it_occupies_in_one_round_trip() {
        fixture.openBooking(true);
        TestSession session = fixture.session(2, LocalTime.of(13, 0), LocalTime.of(13, 40), 20);
        TestCompany a = fixture.approvedCompany();
        TestCompany b = fixture.approvedCompany();
        long slotId = session.slot(0).id();
        long tableId = jdbc.queryForObject("select min(id) from meeting_table where hall_id = ?", Long.class,
                session.hallId());
        Timestamp start = jdbc.queryForObject("select starts_at from slot where id = ?", Timestamp.class, slotId);
        SlotLedger.Slot slot = new SlotLedger.Slot(slotId, session.hallId(), start.toInstant(), start.toInstant());
        ForumUser user = fixture.as(a, currentUser::require);
        String message = "O'Brien \\'); delete from meeting; -- «встреча»";
        JdbcTemplate counted = spy(jdbc);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(counted);
        SlotLedger ledger = new SlotLedger(named);
        MeetingRows rows = new MeetingRows(named, clock);
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        Set<Long> delegates = Set.of(a.firstDelegate());

        long meetingId = transaction.execute(status -> ledger.occupyNewAndCommit(
                rows.inserting(a.id(), b.id(), slotId, message, MeetingStatus.CONFIRMED, tableId), slot, tableId, a.id(),
                b.id(), delegates, List.of(MeetingRows.delegateRows(MeetingRows.NEW_MEETING, a.id(), delegates),
                        MeetingRows.newMeetingEvents(MeetingRows.NEW_MEETING, user, true))));

        // one JDBC call: the meeting's insert was a round trip of its own before the batch
        assertThat(mockingDetails(counted).getInvocations()).map(call -> call.getMethod().getName())
                .filteredOn(name -> name.startsWith("query") || name.endsWith("pdate") || name.equals("execute"))
                .containsExactly("execute");
        assertThat(jdbc.queryForMap("select requester_company_id, partner_company_id, slot_id, status, table_id, message"
                + " from meeting where id = ?", meetingId)).containsEntry("requester_company_id", a.id())
                .containsEntry("partner_company_id", b.id()).containsEntry("slot_id", slotId)
                .containsEntry("status", "CONFIRMED").containsEntry("table_id", tableId).containsEntry("message", message);
        assertThat(jdbc.queryForList("select status from meeting_event where meeting_id = ? order by id", String.class,
                meetingId)).containsExactly("REQUESTED", "CONFIRMED");
        assertThat(jdbc.queryForList("select delegate_id from meeting_delegate where meeting_id = ?", Long.class,
                meetingId)).containsExactly(a.firstDelegate());
        assertThat(jdbc.queryForList("select company_id from company_slot_booking where meeting_id = ?", Long.class,
                meetingId)).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(jdbc.queryForObject("select table_id from table_slot_booking where meeting_id = ?", Long.class,
                meetingId)).isEqualTo(tableId);

        // the same table again, for another pair: the step starts again, and nothing of it stays
        TestCompany c = fixture.approvedCompany();
        TestCompany d = fixture.approvedCompany();
        long meetingsBefore = jdbc.queryForObject("select count(*) from meeting", Long.class);
        assertThatThrownBy(() -> transaction.execute(status -> ledger.occupyNewAndCommit(
                rows.inserting(c.id(), d.id(), slotId, null, MeetingStatus.CONFIRMED, tableId), slot, tableId, c.id(),
                d.id(), Set.of(), List.of()))).isInstanceOf(ConcurrencyFailureException.class);
        assertThat(jdbc.queryForObject("select count(*) from meeting", Long.class)).isEqualTo(meetingsBefore);
        assertThat(jdbc.queryForObject("select count(*) from company_slot_booking where company_id in (?, ?)",
                Long.class, c.id(), d.id())).isZero();
    }
}
