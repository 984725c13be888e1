package org.b2bforum.meeting;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.b2bforum.base.text.Texts;
import org.springframework.security.access.AccessDeniedException;

/**
 * The booking rules as plain code: given what was read under the locks ({@link BookingSituation},
 * a meeting's status, the time), each method either returns the decision or throws the refusal
 * the user should read ({@link BookingRefusedException}, a translation key) or
 * {@link AccessDeniedException} where someone asks for what is not theirs. No database, no
 * Spring: the services read, call a rule, and write what it decided. Unit-tested in
 * {@code BookingRulesTest}.
 */
final class BookingRules {

    static final int MAX_MESSAGE = 1000;

    /** What a company's request in a free-looking slot becomes. */
    enum RequestDecision {
        /** The pair already has this meeting in the slot (a double click, a second tab): it stands. */
        EXISTING,
        /** A request for the partner to answer. */
        REQUEST,
        /** Instant booking: confirmed at once at the free table. */
        CONFIRM
    }

    private BookingRules() {
    }

    static void requireTwoCompanies(long requester, long partner, String refusal) {
        if (requester == partner) {
            throw new BookingRefusedException(refusal);
        }
    }

    /** The chosen delegates, at least one. */
    static Set<Long> chosenDelegates(Collection<Long> delegateIds) {
        if (delegateIds == null || delegateIds.isEmpty()) {
            throw new BookingRefusedException("meeting.error.no-delegates");
        }
        return new LinkedHashSet<>(delegateIds);
    }

    /** A message or reason as stored: one clean multi-line text, at most {@value #MAX_MESSAGE} characters, or null. */
    static String trimmedMessage(String text) {
        String value = Texts.multiLine(text);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return value.length() > MAX_MESSAGE ? value.substring(0, MAX_MESSAGE) : value;
    }

    /** Meetings are booked ahead: a slot that has begun is refused. */
    static void requireFutureSlot(Instant slotStart, Instant now) {
        if (!slotStart.isAfter(now)) {
            throw new BookingRefusedException("meeting.error.past-slot");
        }
    }

    /**
     * A request is answered (accepted, declined, another time proposed) before its slot begins: after, it stays
     * unanswered ({@link UnansweredRequests}), and a decline then would rewrite what happened.
     */
    static void requireAnswerable(Instant slotStart, Instant now) {
        if (UnansweredRequests.unanswered(MeetingStatus.REQUESTED, slotStart, now)) {
            throw new BookingRefusedException("meeting.error.unanswered");
        }
    }

    /** A meeting whose slot has begun stays as it is (its marks and outcomes belong to its time). */
    static void requireNotBegun(Instant slotStart, Instant now) {
        if (!slotStart.isAfter(now)) {
            throw new BookingRefusedException("meeting.error.begun");
        }
    }

    /**
     * A company's request: refused during the wishes phase and outside the booking window, with
     * delegates not its own, over its limit, when either company is busy at that time, a delegate
     * is in the program or (instant booking) the partner is at its limit or no table is left; in
     * that order, the order in which the user should hear the reasons.
     */
    static RequestDecision request(BookingSituation s, Set<Long> delegates, Instant now) {
        return request(s, delegates, now, true);
    }

    /** As {@link #request(BookingSituation, Set, Instant)}; a meeting at a fair stand ({@code atTable} false) needs no table. */
    static RequestDecision request(BookingSituation s, Set<Long> delegates, Instant now, boolean atTable) {
        if (s.settings().wishesPhase()) {
            throw new BookingRefusedException("meeting.error.wishes-phase");
        }
        requireWindowOpen(s, now);
        requireOwnDelegates(s, delegates);
        if (s.existing() != null) {
            return RequestDecision.EXISTING;
        }
        requireRoom(s.activeOfRequester(), s.settings().meetingLimit(), null);
        requireFree(s);
        if (!s.settings().instantBooking()) {
            return RequestDecision.REQUEST;
        }
        requireRoom(s.activeOfPartner(), s.settings().meetingLimit(), s.partnerName());
        if (atTable) {
            requireTable(s);
        }
        return RequestDecision.CONFIRM;
    }

    /**
     * Whether the partner's answer still has something to do: false for a meeting already
     * confirmed (a double click), a refusal for anything but an open request.
     */
    static boolean acceptable(MeetingStatus status) {
        if (status == MeetingStatus.CONFIRMED) {
            return false;
        }
        requireRequested(status);
        return true;
    }

    /**
     * The partner accepts: within the booking window, with its own delegates, within its own
     * limit, both companies free then, the delegates out of the program, a table left.
     */
    static long accept(BookingSituation s, Set<Long> delegates, Instant now) {
        return accept(s, delegates, now, true);
    }

    /** As {@link #accept(BookingSituation, Set, Instant)}; at a fair stand ({@code atTable} false) no table, null. */
    static Long accept(BookingSituation s, Set<Long> delegates, Instant now, boolean atTable) {
        requireWindowOpen(s, now);
        requireOwnDelegates(s, delegates);
        requireRoom(s.activeOfPartner(), s.settings().meetingLimit(), null);
        requireFree(s);
        return atTable ? requireTable(s) : null;
    }

    /** Whether a decline still has something to do: false when already declined. */
    static boolean declinable(MeetingStatus status) {
        if (status == MeetingStatus.DECLINED) {
            return false;
        }
        requireRequested(status);
        return true;
    }

    /** Whether a cancellation still has something to do: false when already cancelled. */
    static boolean cancellable(MeetingStatus status) {
        if (status == MeetingStatus.CANCELLED) {
            return false;
        }
        if (status != MeetingStatus.REQUESTED && status != MeetingStatus.CONFIRMED) {
            throw new BookingRefusedException("meeting.error.not-active");
        }
        return true;
    }

    static void requireRequested(MeetingStatus status) {
        if (status != MeetingStatus.REQUESTED) {
            throw new BookingRefusedException("meeting.error.not-requested");
        }
    }

    /**
     * The limit rule, for every booking (a company's request or acceptance, an organizer's booking
     * without the override): a company with {@code active} meetings, as the limit counts them, is
     * full at {@code limit}.
     */
    static boolean full(int active, int limit) {
        return active >= limit;
    }

    /**
     * A company's booking: a company with {@code active} meetings (as the limit
     * counts them) may take one more while below {@code limit}. The asking company
     * ({@code otherCompany} null) hears "your company has reached the limit"; when it books with
     * another company, it hears that company's name.
     */
    static void requireRoom(int active, int limit, String otherCompany) {
        if (!full(active, limit)) {
            return;
        }
        throw otherCompany == null ? new BookingRefusedException("meeting.error.limit", limit)
                : new BookingRefusedException("meeting.error.company-limit-reached", otherCompany, limit);
    }

    /**
     * Publishing a schedule: no company may end above the limit unless it already was (an
     * organizer's override), counted once everything is written.
     */
    static boolean overLimitByPublishing(int before, int after, int limit) {
        return after > limit && after > before;
    }

    private static void requireWindowOpen(BookingSituation s, Instant now) {
        if (!s.settings().isOpenAt(now)) {
            throw new BookingRefusedException("meeting.error.window-closed");
        }
    }

    private static void requireOwnDelegates(BookingSituation s, Set<Long> delegates) {
        if (s.ownDelegates() != delegates.size()) {
            throw new AccessDeniedException("Not your delegates");
        }
    }

    /** Both companies free at that time (in any hall), the delegates at no program item. */
    private static void requireFree(BookingSituation s) {
        if (s.busy()) {
            throw new BookingRefusedException("meeting.error.slot-taken");
        }
        if (s.inProgram()) {
            throw new BookingRefusedException("meeting.error.delegate-in-program");
        }
    }

    private static long requireTable(BookingSituation s) {
        if (s.freeTable() == null) {
            throw new BookingRefusedException("meeting.error.no-table");
        }
        return s.freeTable();
    }
}
