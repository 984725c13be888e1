package org.b2bforum.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.ForumDayRef;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.DelegateFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.LockWaits;
import org.b2bforum.TestClock;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.meeting.AgendaEntry;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.SlotOption;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.ProgramItems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Program changes never break confirmed meetings: removing a session, removing tables and
 * signing delegates up for program items are refused with the meetings they would break, and a
 * delegate's program item blocks the slots it overlaps.
 */
@ForumSpringTest
class ProgramChangesTest {

    @Autowired
    ProgramService program;
    @Autowired
    ProgramItems programItems;
    @Autowired
    BookingWindow bookingWindow;
    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    BookingFixture fixture;
    @Autowired
    DelegateFixture delegates;
    @Autowired
    AccountService accounts;
    ForumDayRef day;
    TestSession session;
    TestCompany requester;
    TestCompany partner;

    @BeforeEach
    void setUp() {
        fixture.openBooking(false);
        day = fixture.newDay();
        session = fixture.session(day, fixture.newHall(2), LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        requester = fixture.approvedCompany();
        partner = fixture.approvedCompany();
    }

    @Test
    void a_session_with_a_confirmed_meeting_is_not_removed_and_the_refusal_names_the_meeting() {
        confirmed(requester, partner, 1);

        ProgramChangeRefusedException refused = catchRefusal(() -> program.removeSession(session.sessionId()));

        assertThat(refused.affectedMeetings()).singleElement().asString()
                .contains(shortName(requester) + " — " + shortName(partner))
                .contains(session.hallName() + " №1")
                .contains("10:20");
        assertThat(count("select count(*) from negotiation_session where id = ?", session.sessionId())).isEqualTo(1);
        assertThat(count("select count(*) from slot where session_id = ?", session.sessionId())).isEqualTo(3);
    }

    @Test
    void a_session_with_only_requests_is_removed_with_its_slots_and_requests() {
        long requested = fixture.as(requester, () -> meetingRequests.request(partner.id(), session.slot(0).id(),
                List.of(requester.firstDelegate()), null).meetingId());
        long declined = fixture.as(partner, () -> meetingRequests.request(requester.id(), session.slot(1).id(),
                List.of(partner.firstDelegate()), null).meetingId());
        fixture.as(requester, () -> meetingRequests.decline(declined, null));

        fixture.asOrganizer(() -> program.removeSession(session.sessionId()));

        assertThat(count("select count(*) from slot where session_id = ?", session.sessionId())).isZero();
        assertThat(count("select count(*) from meeting where id in (?, ?)", requested, declined)).isZero();
        assertThat(count("select count(*) from negotiation_session where id = ?", session.sessionId())).isZero();
        // a page that still lists the request: its cancel is refused in words (the slot's start is never read)
        fixture.as(requester, () -> assertThatThrownBy(() -> meetingRequests.cancel(requested, null))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.not-found")));
    }

    @Test
    void removing_a_session_tells_both_companies_of_a_request_still_waiting_but_not_of_one_whose_time_came_unanswered() {
        long unanswered = fixture.as(requester, () -> meetingRequests.request(partner.id(), session.slot(0).id(),
                List.of(requester.firstDelegate()), null).meetingId());
        long waiting = fixture.as(partner, () -> meetingRequests.request(requester.id(), session.slot(2).id(),
                List.of(partner.firstDelegate()), null).meetingId());

        // a minute after the first slot began: that request nobody could accept any more, the 10:40 one still waits
        TestClock.aheadOnThisThread(Duration.between(Instant.now(), session.slot(0).startsAt().plusSeconds(60)),
                () -> fixture.asOrganizer(() -> program.removeSession(session.sessionId())));

        assertThat(count("select count(*) from meeting where id in (?, ?)", unanswered, waiting)).isZero();
        for (TestCompany company : List.of(requester, partner)) {
            assertThat(jdbc.queryForList("""
                    select n.detail from notification n join app_user u on u.id = n.user_id
                    where u.company_id = ? and n.message_key = 'notification.meeting.SLOT_REMOVED'""", String.class,
                    company.id())).singleElement().asString().contains("10:40");
        }
    }

    /**
     * review56's 'read of a removed slot': a cancel that comes while an organizer's removal of the session is under way
     * waits for it and is refused in words ('meeting not found'), its request gone with the slot, not an error page.
     */
    @Test
    void a_request_cancelled_while_its_session_is_being_removed_is_refused_in_words() throws Exception {
        long requested = fixture.as(requester, () -> meetingRequests.request(partner.id(), session.slot(0).id(),
                List.of(requester.firstDelegate()), null).meetingId());

        Throwable cancel = LockWaits.whileHeld(fixture, jdbc, transactionManager,
                () -> program.removeSession(session.sessionId()), () -> meetingRequests.cancel(requested, null));

        assertThat(cancel).isInstanceOfSatisfying(BookingRefusedException.class,
                e -> assertThat(e.key()).isEqualTo("meeting.error.not-found"));
        assertThat(count("select count(*) from slot where session_id = ?", session.sessionId())).isZero();
    }

    @Test
    void a_session_is_removed_with_the_outcomes_recorded_for_its_cancelled_meetings() {
        long cancelled = confirmed(requester, partner, 1);
        fixture.as(requester, () -> meetingRequests.cancel(cancelled, null));
        // as recorded before the cancellation; venue owns the table and deletes the rows for meeting
        jdbc.update("insert into meeting_outcome (meeting_id, company_id, outcome, recorded_at, recorded_by) "
                + "values (?, ?, 'FOLLOW_UP', now(), ?)", cancelled, requester.id(), requester.user().id());

        fixture.asOrganizer(() -> program.removeSession(session.sessionId()));

        assertThat(count("select count(*) from meeting_outcome where meeting_id = ?", cancelled)).isZero();
        assertThat(count("select count(*) from meeting where id = ?", cancelled)).isZero();
        assertThat(count("select count(*) from negotiation_session where id = ?", session.sessionId())).isZero();
    }

    @Test
    void removing_a_table_that_hosts_a_confirmed_meeting_is_refused() {
        TestCompany third = fixture.approvedCompany();
        TestCompany fourth = fixture.approvedCompany();
        confirmed(requester, partner, 0); // table 1
        long atTableTwo = confirmed(third, fourth, 0);
        assertThat(count("select t.number from meeting m join meeting_table t on t.id = m.table_id where m.id = ?",
                atTableTwo)).isEqualTo(2);

        ProgramChangeRefusedException refused = catchRefusal(() -> program.setTableCount(session.hallId(), 1));

        assertThat(refused.affectedMeetings()).singleElement().asString()
                .contains(shortName(third) + " — " + shortName(fourth)).contains(" №2");
        assertThat(tables()).isEqualTo(2);

        fixture.asOrganizer(() -> program.setTableCount(session.hallId(), 4));
        assertThat(tables()).isEqualTo(4);
        fixture.asOrganizer(() -> program.setTableCount(session.hallId(), 2)); // tables 3 and 4 are free
        assertThat(tables()).isEqualTo(2);
    }

    @Test
    void a_delegate_cannot_sign_up_for_a_program_item_during_their_confirmed_meeting() {
        confirmed(requester, partner, 1); // 10:20-10:40, the requester's first delegate
        long overlapping = programItem(LocalTime.of(10, 30), LocalTime.of(11, 30));
        long later = programItem(LocalTime.of(10, 40), LocalTime.of(11, 30));

        ProgramChangeRefusedException refused = catchRefusal(() -> fixture.as(requester,
                () -> programItems.signUp(overlapping, List.of(requester.firstDelegate()))));

        assertThat(refused.affectedMeetings()).singleElement().asString().contains(shortName(requester));
        assertThat(attendees(overlapping)).isZero();
        fixture.as(requester, () -> programItems.signUp(later, List.of(requester.firstDelegate())));
        fixture.as(requester, () -> programItems.signUp(overlapping, List.of(requester.delegateIds().get(1))));
        assertThat(attendees(later)).isEqualTo(1);
        assertThat(attendees(overlapping)).isEqualTo(1);
    }

    /**
     * A sign-up and a booking of the same delegate take turns on the company's lock: here a booking step (played by
     * hand: the company locked, the meeting confirmed) commits while the sign-up waits, and the sign-up then sees the
     * meeting. Before, the sign-up took no lock and read an older snapshot: the delegate was in both.
     */
    @Test
    void a_sign_up_waits_for_a_booking_of_the_same_company_and_then_sees_its_meeting() throws Exception {
        long meeting = fixture.as(requester, () -> meetingRequests.request(partner.id(), session.slot(1).id(),
                List.of(requester.firstDelegate()), null).meetingId()); // 10:20-10:40, not confirmed yet
        long overlapping = programItem(LocalTime.of(10, 30), LocalTime.of(11, 30));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch signingUp = new CountDownLatch(1);
        CountDownLatch signUpEnded = new CountDownLatch(1);
        AtomicBoolean signUpWaited = new AtomicBoolean();
        TransactionTemplate booking = new TransactionTemplate(new JdbcTransactionManager(jdbc.getDataSource()));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> step = threads.submit(() -> booking.executeWithoutResult(status -> {
                jdbc.queryForList("select id from company where id = ? for update", Long.class, requester.id());
                jdbc.update("update meeting set status = 'CONFIRMED' where id = ?", meeting);
                locked.countDown();
                try {
                    signingUp.await();
                    signUpWaited.set(LockWaits.untilOne(jdbc, signUpEnded));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            locked.await();
            Future<?> signUp = threads.submit(() -> {
                signingUp.countDown();
                try {
                    fixture.as(requester, () -> programItems.signUp(overlapping, List.of(requester.firstDelegate())));
                } finally {
                    signUpEnded.countDown();
                }
            });
            step.get(150, TimeUnit.SECONDS);

            assertThatThrownBy(() -> signUp.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(
                    ProgramChangeRefusedException.class);
            assertThat(signUpWaited).as("the sign-up waited for the booking's lock").isTrue();
            assertThat(attendees(overlapping)).isZero();
        } finally {
            threads.shutdownNow();
            jdbc.update("update meeting set status = 'REQUESTED' where id = ?", meeting); // no ledger rows behind it
        }
    }

    @Test
    void a_delegate_cannot_sign_up_for_two_program_items_at_the_same_time() {
        long morning = programItem(LocalTime.of(9, 0), LocalTime.of(9, 45));
        long overlapping = programItem(LocalTime.of(9, 30), LocalTime.of(10, 0));
        fixture.as(requester, () -> programItems.signUp(morning, List.of(requester.firstDelegate())));

        assertThatThrownBy(() -> fixture.as(requester, () -> programItems.signUp(overlapping,
                List.of(requester.firstDelegate()))))
                .isInstanceOfSatisfying(InvalidProgramException.class,
                        e -> assertThat(e.key()).isEqualTo("program.error.attends-other-item"));
        assertThat(attendees(overlapping)).isZero();
        fixture.as(requester, () -> programItems.signUp(overlapping, List.of(requester.delegateIds().get(1))));
        assertThat(attendees(overlapping)).isEqualTo(1);
    }

    @Test
    void a_company_signs_up_only_its_own_delegates() {
        long item = programItem(LocalTime.of(9, 0), LocalTime.of(9, 45));

        assertThatThrownBy(() -> fixture.as(requester, () -> programItems.signUp(item, List.of(partner.firstDelegate()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(attendees(item)).isZero();
    }

    @Test
    void a_company_withdraws_only_its_own_delegates_and_organizers_anyone() {
        long item = programItem(LocalTime.of(9, 0), LocalTime.of(9, 45));
        fixture.as(requester, () -> programItems.signUp(item, requester.delegateIds()));
        fixture.as(partner, () -> programItems.signUp(item, List.of(partner.firstDelegate())));
        int signedUp = requester.delegateIds().size() + 1;

        assertThatThrownBy(() -> fixture.as(requester, () -> programItems.withdraw(item, List.of(partner.firstDelegate()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(attendees(item)).isEqualTo(signedUp);
        fixture.as(requester, () -> programItems.withdraw(item, List.of(requester.firstDelegate())));
        assertThat(attendees(item)).isEqualTo(signedUp - 1);
        fixture.asOrganizer(() -> programItems.withdraw(item, List.of(partner.firstDelegate())));
        assertThat(attendees(item)).isEqualTo(signedUp - 2);
        assertThat(fixture.asOrganizer(() -> programItems.attendedBy(List.of(partner.firstDelegate())))).isEmpty();
    }

    @Test
    void a_company_reads_only_its_own_delegates_program_and_one_awaiting_approval_signs_up_nobody() {
        long item = programItem(LocalTime.of(9, 0), LocalTime.of(9, 45));
        fixture.as(partner, () -> programItems.signUp(item, List.of(partner.firstDelegate())));
        TestCompany waiting = fixture.pendingCompany();

        assertThatThrownBy(() -> fixture.as(requester, () -> programItems.attendedBy(List.of(partner.firstDelegate()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.as(partner, () -> programItems.attendedBy(List.of(partner.firstDelegate()))))
                .extracting(ProgramItem::id).containsExactly(item);
        assertThat(fixture.asOrganizer(() -> programItems.attendedBy(List.of(partner.firstDelegate()))))
                .extracting(ProgramItem::id).containsExactly(item);
        assertThatThrownBy(() -> fixture.as(waiting, () -> programItems.signUp(item, List.of(waiting.firstDelegate()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(attendees(item)).isEqualTo(1);

        String login = delegates.delegateAccount(partner, partner.delegateIds().get(1));
        TestData.logInAs(accounts, login);
        try {
            assertThat(meetingQueries.myCompanyAgenda().orElseThrow()).extracting(AgendaEntry::title)
                    .contains(jdbc.queryForObject("select title from program_item where id = ?", String.class, item));
            assertThatThrownBy(() -> programItems.attendedBy(List.of(requester.firstDelegate())))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            TestData.logOut();
        }
    }

    @Test
    void a_delegate_at_a_program_item_is_not_booked_into_an_overlapping_slot_nor_offered_it() {
        long item = programItem(LocalTime.of(10, 10), LocalTime.of(10, 30)); // overlaps slots 10:00 and 10:20
        fixture.as(requester, () -> programItems.signUp(item, List.of(requester.firstDelegate())));
        fixture.as(partner, () -> programItems.signUp(item, List.of(partner.firstDelegate())));

        for (int slot : new int[] {0, 1}) {
            assertThatThrownBy(() -> fixture.as(requester, () -> meetingRequests.request(partner.id(), session.slot(slot).id(),
                    List.of(requester.firstDelegate()), null).meetingId()))
                    .isInstanceOfSatisfying(BookingRefusedException.class,
                            e -> assertThat(e.key()).isEqualTo("meeting.error.delegate-in-program"));
        }
        assertThat(fixture.as(requester, () -> meetingQueries.freeSlotsWith(partner.id(), List.of(requester.firstDelegate()))))
                .extracting(SlotOption::slotId).contains(session.slot(2).id())
                .doesNotContain(session.slot(0).id(), session.slot(1).id());
        assertThat(fixture.as(requester, () -> meetingQueries.freeSlotsWith(partner.id(),
                List.of(requester.delegateIds().get(1))))).extracting(SlotOption::slotId)
                .contains(session.slot(0).id(), session.slot(1).id(), session.slot(2).id());

        // the partner cannot accept with its delegate who is at the program item either
        long request = fixture.as(requester, () -> meetingRequests.request(partner.id(), session.slot(0).id(),
                List.of(requester.delegateIds().get(1)), null).meetingId());
        assertThatThrownBy(() -> fixture.as(partner, () -> meetingRequests.accept(request, List.of(partner.firstDelegate()), null)))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.delegate-in-program"));
        fixture.as(partner, () -> meetingRequests.accept(request, List.of(partner.delegateIds().get(1)), null));
        assertThat(jdbc.queryForObject("select status from meeting where id = ?", String.class, request))
                .isEqualTo("CONFIRMED");
    }

    @Test
    void only_organizers_change_the_program() {
        BookingFixture.logInAs(requester);

        assertThatThrownBy(() -> program.removeSession(session.sessionId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> program.setTableCount(session.hallId(), 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bookingWindow.update(new BookingSettings(null, null, 5, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(tables()).isEqualTo(2);
    }

    // ---- helpers ----

    private long confirmed(TestCompany from, TestCompany to, int slot) {
        long id = fixture.as(from, () -> meetingRequests.request(to.id(), session.slot(slot).id(), List.of(from.firstDelegate()),
                null).meetingId());
        fixture.as(to, () -> meetingRequests.accept(id, List.of(), null));
        return id;
    }

    private long programItem(LocalTime start, LocalTime end) {
        return fixture.asOrganizer(() -> programItems.add(day.id(), ProgramItemKind.ROUND_TABLE,
                "Круглый стол " + TestData.unique(), null, "Малый зал", null, start, end));
    }

    private ProgramChangeRefusedException catchRefusal(Runnable change) {
        ProgramChangeRefusedException[] caught = new ProgramChangeRefusedException[1];
        assertThatThrownBy(() -> fixture.asOrganizer(change)).isInstanceOfSatisfying(ProgramChangeRefusedException.class,
                e -> caught[0] = e);
        return caught[0];
    }

    private String shortName(TestCompany company) {
        return jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
    }

    private int tables() {
        return count("select count(*) from meeting_table where hall_id = ?", session.hallId());
    }

    private int attendees(long item) {
        return count("select count(*) from program_item_attendee where program_item_id = ?", item);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
