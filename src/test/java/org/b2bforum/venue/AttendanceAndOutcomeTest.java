package org.b2bforum.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.meeting.MeetingStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * At the tables and after: only organizers and staff mark meetings held or no-show, only the two
 * companies of a meeting record its outcome (each its own, unseen by the other), and the live
 * figures count all of it.
 */
@ForumSpringTest
class AttendanceAndOutcomeTest {

    @Autowired
    AttendanceService attendance;
    @Autowired
    OutcomeService outcomes;
    @Autowired
    CheckInService checkIns;
    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    AccountService accounts;

    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;

    @Test
    void organizers_and_staff_mark_a_meeting_held_or_no_show_and_may_correct_it_nobody_else_may() {
        TestSession session = venue.pastSession(2);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(0).id()));
        ForumUser staff = venue.staff();
        ForumUser delegate = venue.delegateAccount(a.firstDelegate());

        for (ForumUser outsider : new ForumUser[] {a.user(), b.user(), delegate}) {
            BookingFixture.logInAs(outsider);
            assertThatThrownBy(() -> attendance.mark(meeting, Attendance.HELD)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> attendance.meetingsInSlot(session.slot(0).id()))
                    .isInstanceOf(AccessDeniedException.class);
        }

        BookingFixture.logInAs(staff);
        TableMeeting before = attendance.meetingsInSlot(session.slot(0).id()).getFirst();
        assertThat(before.meetingId()).isEqualTo(meeting);
        assertThat(before.tableNumber()).isEqualTo(1);
        assertThat(before.attendance()).isNull();
        assertThat(before.delegates()).containsExactly("Иван Петров", "Иван Петров");

        attendance.mark(meeting, Attendance.NO_SHOW);
        TableMeeting marked = attendance.meetingsInSlot(session.slot(0).id()).getFirst();
        assertThat(marked.attendance()).isEqualTo(Attendance.NO_SHOW);
        assertThat(marked.markedBy()).isEqualTo(staff.displayName());

        TestData.logInAsOrganizer(accounts);
        attendance.mark(meeting, Attendance.HELD);
        TableMeeting corrected = attendance.meetingsInSlot(session.slot(0).id()).getFirst();
        assertThat(corrected.attendance()).isEqualTo(Attendance.HELD);
        assertThat(corrected.markedBy()).isEqualTo("Дирекция форума");
    }

    @Test
    void a_meeting_is_marked_only_once_it_has_begun_and_only_while_confirmed() {
        TestSession future = venue.futureSession(1);
        TestSession past = venue.pastSession(1);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long ahead = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), future.slot(0).id()));
        long cancelled = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), past.slot(1).id()));
        booking.asOrganizer(() -> meetingRequests.cancel(cancelled, "Компания не приехала на форум"));

        BookingFixture.logInAs(venue.staff());
        assertThatThrownBy(() -> attendance.mark(ahead, Attendance.HELD)).isInstanceOf(VenueRefusedException.class)
                .hasMessage("venue.error.not-begun");
        assertThatThrownBy(() -> attendance.mark(cancelled, Attendance.NO_SHOW))
                .isInstanceOf(VenueRefusedException.class).hasMessage("venue.error.not-confirmed");
        assertThat(attendance.meetingsInSlot(past.slot(1).id())).as("cancelled meetings are not at the tables")
                .isEmpty();
    }

    @Test
    void each_company_records_its_own_outcome_which_the_other_never_sees_and_organizers_see_both() {
        TestSession session = venue.pastSession(2);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        TestCompany third = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(0).id()));

        booking.as(a, () -> outcomes.record(meeting, Outcome.FOLLOW_UP, "  Пришлём коммерческое предложение  "));
        booking.as(b, () -> outcomes.record(meeting, Outcome.NO_INTEREST, "Не наш профиль"));

        MeetingResult ofA = booking.as(a, () -> outcomes.myResults().get(meeting));
        assertThat(ofA.outcome()).isEqualTo(Outcome.FOLLOW_UP);
        assertThat(ofA.comment()).isEqualTo("Пришлём коммерческое предложение");
        assertThat(ofA.canRecord()).isTrue();
        MeetingResult ofB = booking.as(b, () -> outcomes.myResults().get(meeting));
        assertThat(ofB.outcome()).isEqualTo(Outcome.NO_INTEREST);
        assertThat(ofB.comment()).isEqualTo("Не наш профиль");

        // a changes its mind; b's outcome stays as b recorded it
        booking.as(a, () -> outcomes.record(meeting, Outcome.AGREEMENT_SIGNED, null));
        assertThat(booking.as(a, () -> outcomes.myResults().get(meeting)).outcome()).isEqualTo(Outcome.AGREEMENT_SIGNED);
        assertThat(booking.as(a, () -> outcomes.myResults().get(meeting)).comment()).isNull();
        assertThat(booking.as(b, () -> outcomes.myResults().get(meeting)).outcome()).isEqualTo(Outcome.NO_INTEREST);

        // a third company can neither record nor read anything of this meeting
        assertThatThrownBy(() -> booking.as(third, () -> outcomes.record(meeting, Outcome.FOLLOW_UP, "")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(booking.as(third, () -> outcomes.myResults())).doesNotContainKey(meeting);
        // nor can staff or delegates; the organizers' report is for organizers
        BookingFixture.logInAs(venue.staff());
        assertThatThrownBy(() -> outcomes.record(meeting, Outcome.FOLLOW_UP, "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outcomes.report()).isInstanceOf(AccessDeniedException.class);
        BookingFixture.logInAs(venue.delegateAccount(a.firstDelegate()));
        assertThatThrownBy(() -> outcomes.record(meeting, Outcome.FOLLOW_UP, "")).isInstanceOf(AccessDeniedException.class);
        booking.as(a, () -> assertThatThrownBy(() -> outcomes.report()).isInstanceOf(AccessDeniedException.class));

        OutcomeReport report = booking.asOrganizer(() -> outcomes.report()).stream()
                .filter(r -> r.meetingId() == meeting).findFirst().orElseThrow();
        assertThat(report.requesterOutcome()).isEqualTo(Outcome.AGREEMENT_SIGNED);
        assertThat(report.partnerOutcome()).isEqualTo(Outcome.NO_INTEREST);
        assertThat(report.partnerComment()).isEqualTo("Не наш профиль");
        assertThat(report.tableNumber()).isEqualTo(1);
    }

    @Test
    void the_paged_report_is_the_organizers_only_and_odd_offsets_and_limits_answer_without_an_error() {
        TestSession session = venue.pastSession(2);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(0).id()));
        booking.as(a, () -> outcomes.record(meeting, Outcome.FOLLOW_UP, null));

        booking.as(a, () -> {
            assertThatThrownBy(() -> outcomes.report(0, 50)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> outcomes.reportSize()).isInstanceOf(AccessDeniedException.class);
        });
        BookingFixture.logInAs(venue.staff());
        assertThatThrownBy(() -> outcomes.report(0, 50)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outcomes.reportSize()).isInstanceOf(AccessDeniedException.class);
        BookingFixture.logInAs(venue.delegateAccount(a.firstDelegate()));
        assertThatThrownBy(() -> outcomes.report(0, 50)).isInstanceOf(AccessDeniedException.class);

        booking.asOrganizer(() -> {
            List<OutcomeReport> whole = outcomes.report();
            assertThat(outcomes.reportSize()).isEqualTo(whole.size()).isPositive();
            // what a forged grid request could ask for: an answer without an error, never a row outside the report
            int[][] odd = {{-5, 1}, {0, -1}, {Integer.MIN_VALUE, Integer.MIN_VALUE}, {Integer.MAX_VALUE, 50},
                    {-1, Integer.MAX_VALUE}};
            for (int[] ask : odd) {
                List<OutcomeReport> page = outcomes.report(ask[0], ask[1]);
                assertThat(page).as("offset %d, limit %d", ask[0], ask[1]).hasSizeLessThanOrEqualTo(Math.max(0, ask[1]))
                        .isSubsetOf(whole);
            }
            // MariaDB reads a negative limit or offset as unsigned: limit -1 was the whole report, offset -5 nothing
            assertThat(outcomes.report(-5, 1)).isEqualTo(outcomes.report(0, 1)).hasSize(1);
            assertThat(outcomes.report(0, -1)).isEmpty();
            assertThat(outcomes.report(whole.size() - 1, Integer.MAX_VALUE)).containsExactly(whole.getLast());
        });
    }

    @Test
    void no_outcome_before_the_meeting_begins_or_after_a_no_show() {
        TestSession future = venue.futureSession(1);
        TestSession past = venue.pastSession(1);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long ahead = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), future.slot(0).id()));
        long missed = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), past.slot(0).id()));
        BookingFixture.logInAs(venue.staff());
        attendance.mark(missed, Attendance.NO_SHOW);

        Map<Long, MeetingResult> results = booking.as(a, () -> outcomes.myResults());
        assertThat(results.get(ahead).canRecord()).isFalse();
        assertThat(results.get(missed).canRecord()).isFalse();
        assertThatThrownBy(() -> booking.as(a, () -> outcomes.record(ahead, Outcome.FOLLOW_UP, null)))
                .isInstanceOf(VenueRefusedException.class).hasMessage("outcome.error.not-begun");
        assertThatThrownBy(() -> booking.as(b, () -> outcomes.record(missed, Outcome.FOLLOW_UP, null)))
                .isInstanceOf(VenueRefusedException.class).hasMessage("outcome.error.no-show");
    }

    @Test
    void the_live_figures_count_check_ins_meetings_held_no_shows_and_outcomes() {
        ForumFigures before = booking.asOrganizer(() -> outcomes.figures());
        TestSession session = venue.pastSession(3);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        TestCompany c = booking.approvedCompany();
        TestCompany d = booking.approvedCompany();
        TestCompany pending = booking.pendingCompany();
        long held = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(0).id()));
        long missed = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), c.id(), session.slot(1).id()));
        booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(b.id(), c.id(), session.slot(2).id())); // not marked
        long cancelled = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(c.id(), d.id(), session.slot(0).id()));

        ForumUser staff = venue.staff();
        BookingFixture.logInAs(staff);
        checkIns.checkIn(venue.badgeToken(a.firstDelegate()));
        checkIns.checkIn(venue.badgeToken(a.firstDelegate())); // scanned twice, counted once
        checkIns.checkIn(venue.badgeToken(b.delegateIds().get(1)));
        String pendingBadge = venue.badgeToken(pending.firstDelegate());
        assertThatThrownBy(() -> checkIns.checkIn(pendingBadge)) // not an approved company: refused, not counted
                .isInstanceOf(VenueRefusedException.class).hasMessage("check-in.withdrawn");
        attendance.mark(held, Attendance.HELD);
        attendance.mark(missed, Attendance.HELD);
        attendance.mark(missed, Attendance.NO_SHOW); // corrected: counted once, as a no-show
        attendance.mark(cancelled, Attendance.HELD);
        booking.asOrganizer(() -> meetingRequests.cancel(cancelled, null)); // a cancelled meeting counts no more
        booking.as(a, () -> outcomes.record(held, Outcome.AGREEMENT_IN_PREPARATION, null));
        booking.as(b, () -> outcomes.record(held, Outcome.AGREEMENT_IN_PREPARATION, "Проект договора к 1 октября"));

        ForumFigures after = booking.asOrganizer(() -> outcomes.figures());
        assertThat(after.checkedIn() - before.checkedIn()).isEqualTo(2);
        assertThat(after.delegates() - before.delegates()).as("two delegates per approved company").isEqualTo(8);
        assertThat(after.confirmedMeetings() - before.confirmedMeetings()).isEqualTo(3);
        assertThat(after.held() - before.held()).isEqualTo(1);
        assertThat(after.noShows() - before.noShows()).isEqualTo(1);
        assertThat(after.begunUnmarked() - before.begunUnmarked()).isEqualTo(1);
        assertThat(after.outcomes().get(Outcome.AGREEMENT_IN_PREPARATION)
                - before.outcomes().get(Outcome.AGREEMENT_IN_PREPARATION)).isEqualTo(2);
        assertThat(after.outcomeCount() - before.outcomeCount()).isEqualTo(2);
        assertThatThrownBy(() -> booking.as(a, () -> outcomes.figures())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_company_no_longer_approved_records_and_reads_no_outcomes() {
        TestSession session = venue.pastSession(2);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(0).id()));
        booking.as(a, () -> outcomes.record(meeting, Outcome.FOLLOW_UP, null));

        booking.withdrawApproval(a);

        assertThatThrownBy(() -> booking.as(a, () -> outcomes.record(meeting, Outcome.AGREEMENT_SIGNED, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> booking.as(a, () -> outcomes.myResults())).isInstanceOf(AccessDeniedException.class);
        booking.as(b, () -> outcomes.record(meeting, Outcome.NO_INTEREST, null));
    }

    @Test
    void a_meeting_that_has_begun_cannot_be_cancelled_by_its_companies_nor_moved_so_its_marks_and_outcomes_stay() {
        TestSession past = venue.pastSession(2);
        TestSession future = venue.futureSession(2);
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long missed = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), past.slot(0).id()));
        long held = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), past.slot(1).id()));
        BookingFixture.logInAs(venue.staff());
        attendance.mark(missed, Attendance.NO_SHOW);
        attendance.mark(held, Attendance.HELD);
        booking.as(b, () -> outcomes.record(held, Outcome.FOLLOW_UP, "Созвонимся"));

        for (TestCompany company : List.of(a, b)) {
            for (long meeting : List.of(missed, held)) {
                assertThatThrownBy(() -> booking.as(company, () -> meetingRequests.cancel(meeting, "Передумали")))
                        .isInstanceOf(BookingRefusedException.class).hasMessage("meeting.error.begun");
            }
        }
        assertThatThrownBy(() -> booking.asOrganizer(() -> organizerBookings.move(missed, future.slot(0).id())))
                .isInstanceOf(BookingRefusedException.class).hasMessage("meeting.error.begun");
        long ahead = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), future.slot(1).id()));
        assertThatThrownBy(() -> booking.asOrganizer(() -> organizerBookings.move(ahead, past.slot(2).id())))
                .isInstanceOf(BookingRefusedException.class).hasMessage("meeting.error.past-slot");

        List<OutcomeReport> report = booking.asOrganizer(() -> outcomes.report());
        assertThat(report).filteredOn(r -> r.meetingId() == missed).singleElement()
                .satisfies(r -> assertThat(r.attendance()).isEqualTo(Attendance.NO_SHOW));
        assertThat(report).filteredOn(r -> r.meetingId() == held).singleElement()
                .satisfies(r -> assertThat(r.partnerOutcome()).isEqualTo(Outcome.FOLLOW_UP));

        // organizers may still correct the record; the history names them
        booking.asOrganizer(() -> meetingRequests.cancel(missed, "Встреча внесена по ошибке"));
        assertThat(booking.asOrganizer(() -> meetingQueries.meeting(missed)).status()).isEqualTo(MeetingStatus.CANCELLED);
    }
}
