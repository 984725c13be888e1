package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.b2bforum.meeting.Refusals.assertRefused;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.b2bforum.meeting.BookingRules.RequestDecision;
import org.b2bforum.program.BookingSettings;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** The booking rules without a database: what a request, an acceptance and the limit decide. */
class BookingRulesTest {

    private static final Instant NOW = Instant.parse("2026-09-18T07:00:00Z");
    private static final Set<Long> ONE_DELEGATE = Set.of(11L);

    /** Two free companies, an open window, limit 3, a table left, no meeting of the pair yet. */
    private static BookingSituation free(boolean instant) {
        return new BookingSituation(new BookingSettings(null, null, 3, instant, false), 1, null, null, 0, 0, false,
                false, 7L, 4, "Минск-Агро", "Москва-Лизинг", "Зал A");
    }

    private static BookingSituation with(BookingSituation s, BookingSettings settings) {
        return new BookingSituation(settings, s.ownDelegates(), s.existing(), s.existingStatus(), s.activeOfRequester(),
                s.activeOfPartner(), s.busy(), s.inProgram(), s.freeTable(), s.freeTableNumber(), s.requesterName(),
                s.partnerName(), s.hallName());
    }

    @Test
    void a_request_into_a_free_slot_waits_for_the_partner_without_instant_booking() {
        assertThat(BookingRules.request(free(false), ONE_DELEGATE, NOW)).isEqualTo(RequestDecision.REQUEST);
    }

    @Test
    void a_request_into_a_free_slot_is_confirmed_at_once_with_instant_booking() {
        assertThat(BookingRules.request(free(true), ONE_DELEGATE, NOW)).isEqualTo(RequestDecision.CONFIRM);
    }

    @Test
    void asking_again_for_the_same_meeting_returns_the_first_request_even_when_now_full() {
        BookingSituation again = new BookingSituation(new BookingSettings(null, null, 1, false, false), 1, 42L,
                MeetingStatus.REQUESTED, 1, 0, true, false, null, null, "a", "b", "h");
        assertThat(BookingRules.request(again, ONE_DELEGATE, NOW)).isEqualTo(RequestDecision.EXISTING);
    }

    @Test
    void requests_are_refused_in_the_wishes_phase_and_outside_the_booking_window() {
        assertRefused("meeting.error.wishes-phase", () -> BookingRules.request(
                with(free(false), new BookingSettings(null, null, 3, false, true)), ONE_DELEGATE, NOW));
        assertRefused("meeting.error.window-closed", () -> BookingRules.request(
                with(free(false), new BookingSettings(NOW.plusSeconds(60), null, 3, false)), ONE_DELEGATE, NOW));
        assertRefused("meeting.error.window-closed", () -> BookingRules.request(
                with(free(false), new BookingSettings(null, NOW, 3, false)), ONE_DELEGATE, NOW));
    }

    @Test
    void delegates_of_another_company_are_not_the_requesters_to_bring() {
        assertThatThrownBy(() -> BookingRules.request(free(false), Set.of(11L, 12L), NOW))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_requester_at_its_limit_hears_of_its_own_limit() {
        BookingSituation full = new BookingSituation(new BookingSettings(null, null, 3, true, false), 1, null, null, 3,
                0, false, false, 7L, 4, "a", "b", "h");
        BookingRefusedException refused = assertRefused("meeting.error.limit",
                () -> BookingRules.request(full, ONE_DELEGATE, NOW));
        assertThat(refused.args()).containsExactly(3);
    }

    @Test
    void with_instant_booking_a_partner_at_its_limit_is_named() {
        BookingSituation partnerFull = new BookingSituation(new BookingSettings(null, null, 3, true, false), 1, null,
                null, 0, 3, false, false, 7L, 4, "a", "Москва-Лизинг", "h");
        BookingRefusedException refused = assertRefused("meeting.error.company-limit-reached",
                () -> BookingRules.request(partnerFull, ONE_DELEGATE, NOW));
        assertThat(refused.args()).containsExactly("Москва-Лизинг", 3);
        assertThat(BookingRules.request(with(partnerFull, new BookingSettings(null, null, 3, false)), ONE_DELEGATE,
                NOW)).as("a request the partner answers later is not counted against it yet")
                .isEqualTo(RequestDecision.REQUEST);
    }

    @Test
    void the_accepting_company_at_its_limit_hears_of_its_own_limit_as_a_requester_would() {
        BookingSituation acceptorFull = new BookingSituation(new BookingSettings(null, null, 3, false, false), 1, 5L,
                MeetingStatus.REQUESTED, 0, 3, false, false, 7L, 4, "a", "b", "h");
        assertRefused("meeting.error.limit", () -> BookingRules.accept(acceptorFull, ONE_DELEGATE, NOW));
    }

    @Test
    void a_busy_company_a_delegate_in_the_program_or_no_table_refuse_in_that_order() {
        BookingSituation all = new BookingSituation(new BookingSettings(null, null, 3, true, false), 1, null, null, 0,
                0, true, true, null, null, "a", "b", "h");
        assertRefused("meeting.error.slot-taken", () -> BookingRules.request(all, ONE_DELEGATE, NOW));
        BookingSituation programAndNoTable = new BookingSituation(all.settings(), 1, null, null, 0, 0, false, true,
                null, null, "a", "b", "h");
        assertRefused("meeting.error.delegate-in-program",
                () -> BookingRules.request(programAndNoTable, ONE_DELEGATE, NOW));
        BookingSituation noTable = new BookingSituation(all.settings(), 1, null, null, 0, 0, false, false, null, null,
                "a", "b", "h");
        assertRefused("meeting.error.no-table", () -> BookingRules.request(noTable, ONE_DELEGATE, NOW));
        assertRefused("meeting.error.no-table", () -> BookingRules.accept(noTable, ONE_DELEGATE, NOW));
    }

    @Test
    void acceptance_takes_the_free_table() {
        assertThat(BookingRules.accept(free(false), ONE_DELEGATE, NOW)).isEqualTo(7L);
    }

    @Test
    void a_meeting_at_a_fair_stand_needs_no_table_but_keeps_every_other_rule() {
        BookingSituation noTable = new BookingSituation(new BookingSettings(null, null, 3, true, false), 1, null, null,
                0, 0, false, false, null, null, "a", "b", "h");
        assertThat(BookingRules.request(noTable, ONE_DELEGATE, NOW, false)).isEqualTo(RequestDecision.CONFIRM);
        assertThat(BookingRules.accept(noTable, ONE_DELEGATE, NOW, false)).isNull();
        BookingSituation busy = new BookingSituation(noTable.settings(), 1, null, null, 0, 0, true, false, null, null,
                "a", "b", "h");
        assertRefused("meeting.error.slot-taken", () -> BookingRules.request(busy, ONE_DELEGATE, NOW, false));
        assertRefused("meeting.error.slot-taken", () -> BookingRules.accept(busy, ONE_DELEGATE, NOW, false));
        BookingSituation full = new BookingSituation(noTable.settings(), 1, null, null, 3, 0, false, false, null, null,
                "a", "b", "h");
        assertRefused("meeting.error.limit", () -> BookingRules.request(full, ONE_DELEGATE, NOW, false));
    }

    @Test
    void answering_twice_does_nothing_the_second_time_and_a_closed_request_is_refused() {
        assertThat(BookingRules.acceptable(MeetingStatus.REQUESTED)).isTrue();
        assertThat(BookingRules.acceptable(MeetingStatus.CONFIRMED)).isFalse();
        assertRefused("meeting.error.not-requested", () -> BookingRules.acceptable(MeetingStatus.DECLINED));
        assertThat(BookingRules.declinable(MeetingStatus.REQUESTED)).isTrue();
        assertThat(BookingRules.declinable(MeetingStatus.DECLINED)).isFalse();
        assertRefused("meeting.error.not-requested", () -> BookingRules.declinable(MeetingStatus.CONFIRMED));
        assertThat(BookingRules.cancellable(MeetingStatus.CONFIRMED)).isTrue();
        assertThat(BookingRules.cancellable(MeetingStatus.CANCELLED)).isFalse();
        assertRefused("meeting.error.not-active", () -> BookingRules.cancellable(MeetingStatus.DECLINED));
    }

    @Test
    void slots_that_have_begun_are_neither_booked_nor_changed() {
        assertRefused("meeting.error.past-slot", () -> BookingRules.requireFutureSlot(NOW, NOW));
        assertRefused("meeting.error.begun", () -> BookingRules.requireNotBegun(NOW.minusSeconds(1), NOW));
        BookingRules.requireFutureSlot(NOW.plusSeconds(1), NOW);
    }

    @Test
    void a_request_is_answered_before_its_slot_begins_and_is_unanswered_from_then_on() {
        assertRefused("meeting.error.unanswered", () -> BookingRules.requireAnswerable(NOW, NOW));
        BookingRules.requireAnswerable(NOW.plusSeconds(1), NOW);
        assertThat(UnansweredRequests.unanswered(MeetingStatus.REQUESTED, NOW, NOW)).isTrue();
        assertThat(UnansweredRequests.unanswered(MeetingStatus.REQUESTED, NOW.plusSeconds(1), NOW)).isFalse();
        // a confirmed meeting's time coming is the venue's business (held, no-show), not an unanswered request
        assertThat(UnansweredRequests.unanswered(MeetingStatus.CONFIRMED, NOW, NOW)).isFalse();
    }

    @Test
    void publishing_may_not_take_a_company_over_the_limit_unless_it_already_was() {
        assertThat(BookingRules.overLimitByPublishing(3, 4, 3)).isTrue();
        assertThat(BookingRules.overLimitByPublishing(2, 3, 3)).isFalse();
        assertThat(BookingRules.overLimitByPublishing(5, 5, 3)).as("an organizer's earlier override").isFalse();
    }

    @Test
    void a_request_names_at_least_one_delegate_and_keeps_its_message_short_and_clean() {
        assertRefused("meeting.error.no-delegates", () -> BookingRules.chosenDelegates(List.of()));
        assertRefused("meeting.error.self", () -> BookingRules.requireTwoCompanies(4, 4, "meeting.error.self"));
        assertThat(BookingRules.trimmedMessage("   ")).isNull();
        assertThat(BookingRules.trimmedMessage("x".repeat(1500))).hasSize(BookingRules.MAX_MESSAGE);
    }
}
