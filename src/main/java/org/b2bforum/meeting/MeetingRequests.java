package org.b2bforum.meeting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.meeting.BookingRules.RequestDecision;
import org.b2bforum.meeting.MeetingRows.Event;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.notification.NotificationView;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A company's meeting requests: it asks another company for a meeting in a slot (confirmed at once
 * with instant booking), the other company accepts (the meeting gets a free table of the session),
 * declines or proposes another time; either side may cancel (an organizer too, to correct the
 * record).
 * <p>
 * Each step runs in its own transaction under the {@link SlotLedger}'s locks, retried on deadlocks
 * ({@link TransactionRetry}), so these methods are not {@code @Transactional} themselves; whoever
 * loses a race is told "this slot was just taken". What is allowed is decided by
 * {@link BookingRules} on what was read under the locks.
 */
@Service
public class MeetingRequests {

    private final TransactionRetry retry;
    private final SlotLedger ledger;
    private final MeetingRows rows;
    private final CurrentUser currentUser;
    private final NotificationService notifications;
    private final MeetingDescriptions descriptions;
    private final Clock clock;

    MeetingRequests(TransactionRetry retry, SlotLedger ledger, MeetingRows rows, CurrentUser currentUser,
            NotificationService notifications, MeetingDescriptions descriptions, Clock clock) {
        this.retry = retry;
        this.ledger = ledger;
        this.rows = rows;
        this.currentUser = currentUser;
        this.notifications = notifications;
        this.descriptions = descriptions;
        this.clock = clock;
    }

    /**
     * Requests a meeting with {@code partnerId} in {@code slotId}, attended by the given delegates
     * of the logged-in company. With instant booking it is confirmed at once. Asking twice for the
     * same meeting returns the first request.
     *
     * @return the meeting and its status: REQUESTED, or CONFIRMED with instant booking
     * @throws BookingRefusedException when the slot is taken, the window closed, the limit reached...
     */
    @PreAuthorize("hasRole('COMPANY')")
    public MeetingOutcome request(long partnerId, long slotId, Collection<Long> delegateIds, String message) {
        return requested(partnerId, null, slotId, delegateIds, message);
    }

    /**
     * Requests a meeting with {@code partnerId} at an exhibitor's fair stand instead of a negotiation
     * table: the stand of one of the two companies. Booked as {@link #request} books, in the same
     * slots and under the same checks and locks; once confirmed the stand hosts no other meeting at
     * that time (stand_slot_booking's primary key) and the delegates attending are busy then.
     *
     * @throws BookingRefusedException {@code meeting.error.stand-not-theirs} when the stand is not
     *         one of the two companies', {@code meeting.error.stand-taken} when it hosts a meeting then
     */
    @PreAuthorize("hasRole('COMPANY')")
    public MeetingOutcome requestAtStand(long partnerId, long standId, long slotId, Collection<Long> delegateIds,
            String message) {
        return requested(partnerId, standId, slotId, delegateIds, message);
    }

    /**
     * As {@link #request}, the refusal returned rather than thrown: what the request form calls. At the booking window's
     * rush a fifth of the clicks are refused, mostly the first refusals since the node started; an exception out of this
     * service went back through its proxy (security, metrics) and Spring's method invocation, compiled code that every
     * service call shares, which the JIT compiler had compiled without an exception path: the first refusals threw
     * that code out (41 deoptimizations in one rush's flight recording), and the requests ran slower until it was
     * compiled again, a compilation of ~280 ms (bench/README.md, issue 17).
     */
    @PreAuthorize("hasRole('COMPANY')")
    public RequestResult tryRequest(long partnerId, long slotId, Collection<Long> delegateIds, String message) {
        return tried(partnerId, null, slotId, delegateIds, message);
    }

    /** As {@link #requestAtStand}, the refusal returned rather than thrown, as {@link #tryRequest}. */
    @PreAuthorize("hasRole('COMPANY')")
    public RequestResult tryRequestAtStand(long partnerId, long standId, long slotId, Collection<Long> delegateIds,
            String message) {
        return tried(partnerId, standId, slotId, delegateIds, message);
    }

    private RequestResult tried(long partnerId, Long standId, long slotId, Collection<Long> delegateIds,
            String message) {
        try {
            return RequestResult.of(requested(partnerId, standId, slotId, delegateIds, message));
        } catch (BookingRefusedException e) {
            return RequestResult.refused(e);
        }
    }

    private MeetingOutcome requested(long partnerId, Long standId, long slotId, Collection<Long> delegateIds,
            String message) {
        ForumUser user = currentUser.require();
        long me = currentUser.requireCompanyId();
        BookingRules.requireTwoCompanies(me, partnerId, "meeting.error.self");
        return retry.inTurn(() -> {
            switch (ledger.firstLook(me, partnerId, slotId, clock.instant())) {
                case BLOCKED -> throw new BookingRefusedException("meeting.error.blocked"); // before any other answer
                // most requests for a popular company's time end here, without waiting for its lock
                case TAKEN -> throw new BookingRefusedException("meeting.error.slot-taken");
                case OPEN -> { }
            }
            return book(me, partnerId, slotId, standId, BookingRules.chosenDelegates(delegateIds),
                    BookingRules.trimmedMessage(message), user);
        });
    }

    private MeetingOutcome book(long me, long partnerId, long slotId, Long standId, Set<Long> delegates, String text,
            ForumUser user) {
        return retry.run(() -> {
            // the locks and what is read under them: one round trip (issue 17)
            SlotLedger.LockedSituation read = ledger.lockAndRead(slotId, me, partnerId, me, delegates,
                    clock.instant());
            SlotLedger.Locked locked = read.locked();
            SlotLedger.Slot slot = locked.slot();
            BookingRules.requireFutureSlot(slot.startsAt(), clock.instant());
            locked.requireApproved(me);
            if (!locked.approved(partnerId)) {
                throw new BookingRefusedException("meeting.error.partner-unavailable");
            }
            BookingSituation now = read.situation();
            RequestDecision decision = BookingRules.request(now, delegates, clock.instant(), standId == null);
            if (decision == RequestDecision.EXISTING) {
                return new MeetingOutcome(now.existing(), now.existingStatus()); // the first request stands
            }
            if (standId != null) {
                ledger.requireStandFree(slot, standId, me, partnerId);
            }
            if (decision == RequestDecision.REQUEST && standId == null) {
                // the meeting's insert, all its rows and the commit in one round trip (issue 17)
                List<String> batch = new ArrayList<>(rows.inserting(me, partnerId, slotId, text, MeetingStatus.REQUESTED,
                        null));
                batch.add(MeetingRows.delegateRows(MeetingRows.NEW_MEETING, me, delegates));
                batch.add(MeetingRows.newMeetingEvents(MeetingRows.NEW_MEETING, user, false));
                batch.addAll(notifications.statements(now.recipients(), List.of(partnerId), false,
                        "notification.meeting.REQUESTED",
                        describe(now, slot, false)));
                return new MeetingOutcome(rows.newMeetingCommitted(batch), MeetingStatus.REQUESTED);
            }
            if (standId == null) {
                // the meeting's insert, its rows, what it occupies, the two companies' notification and the commit: one
                // round trip
                List<String> first = new ArrayList<>();
                first.add(MeetingRows.delegateRows(MeetingRows.NEW_MEETING, me, delegates));
                first.add(MeetingRows.newMeetingEvents(MeetingRows.NEW_MEETING, user, true));
                // the delegates told are those who attend it (the situation read their log-ins)
                String line = describe(now, slot, true);
                first.addAll(notifications.statements(now.recipients(), List.of(me, partnerId), true,
                        "notification.meeting.CONFIRMED", line));
                // the partner's people, whom nobody of theirs chose, are told to choose (review57), in the same trip
                first.addAll(notifications.alsoStatements(now.recipients(), List.of(partnerId),
                        NotificationView.CHOOSE_ATTENDEES, line));
                long meetingId = ledger.occupyNewAndCommit(rows.inserting(me, partnerId, slotId, text, MeetingStatus.CONFIRMED,
                        now.freeTable()), slot, now.freeTable(), me, partnerId, delegates, first);
                return new MeetingOutcome(meetingId, MeetingStatus.CONFIRMED,
                        now.recipients().notificationsFor(user.id(), List.of(me, partnerId), true));
            }
            // at a fair stand: the notification describes the meeting as stored
            long meetingId = rows.insert(me, partnerId, slotId, text, decision == RequestDecision.REQUEST
                    ? MeetingStatus.REQUESTED : MeetingStatus.CONFIRMED, null, standId);
            List<String> first = new ArrayList<>();
            first.add(MeetingRows.delegateRows(meetingId, me, delegates));
            first.add(MeetingRows.newMeetingEvents(meetingId, user, decision != RequestDecision.REQUEST));
            if (decision == RequestDecision.REQUEST) {
                first.addAll(notifications.statements(now.recipients(), List.of(partnerId), false,
                        "notification.meeting.REQUESTED",
                        descriptions.describe(meetingId)));
                rows.inOneRoundTrip(first.toArray(String[]::new));
                return new MeetingOutcome(meetingId, MeetingStatus.REQUESTED);
            }
            String line = descriptions.describe(meetingId);
            first.addAll(notifications.statements(now.recipients(), List.of(me, partnerId), true,
                    "notification.meeting.CONFIRMED", line));
            first.addAll(notifications.alsoStatements(now.recipients(), List.of(partnerId),
                    NotificationView.CHOOSE_ATTENDEES, line));
            ledger.occupy(meetingId, slot, null, standId, me, partnerId, delegates, first.toArray(String[]::new));
            return new MeetingOutcome(meetingId, MeetingStatus.CONFIRMED,
                    now.recipients().notificationsFor(user.id(), List.of(me, partnerId), true));
        });
    }

    /** The meeting in one line for the notifications, at the free table if {@code atTable}. */
    private String describe(BookingSituation now, SlotLedger.Slot slot, boolean atTable) {
        return descriptions.line(slot.startsAt(), now.requesterName(), now.partnerName(), now.hallName(),
                now.hallNameEn(), atTable ? now.freeTableNumber() : null);
    }

    /**
     * The requested company accepts: the meeting is confirmed with a free table of the session.
     * {@code delegateIds} are who attends from the accepting company (its first delegate if empty).
     *
     * @return the meeting, CONFIRMED
     */
    @PreAuthorize("hasRole('COMPANY')")
    public MeetingOutcome accept(long meetingId, Collection<Long> delegateIds, String response) {
        ForumUser user = currentUser.require();
        long me = currentUser.requireCompanyId();
        String text = BookingRules.trimmedMessage(response);
        retry.run(() -> {
            MeetingRows.Row meeting = rows.lock(meetingId);
            if (meeting.partnerId() != me) {
                throw new AccessDeniedException("Not a request to your company");
            }
            // what became of the request first: a second click on Accept hears "accepted" again, also once the slot
            // began, and a declined or withdrawn one "already answered", not that its time has come
            if (!BookingRules.acceptable(meeting.status())) {
                return null; // a double click
            }
            SlotLedger.Locked locked = ledger.lockSlotAndCompanies(meeting.slotId(), meeting.requesterId(), me);
            SlotLedger.Slot slot = locked.slot();
            BookingRules.requireAnswerable(slot.startsAt(), clock.instant());
            locked.requireApproved(me);
            if (!locked.approved(meeting.requesterId())) {
                // back in the organizers' review since asking: its request waits for their decision
                throw new BookingRefusedException("meeting.error.partner-unavailable");
            }
            Set<Long> delegates = delegateIds == null || delegateIds.isEmpty()
                    ? Set.of(rows.firstDelegate(me)) : BookingRules.chosenDelegates(delegateIds);
            BookingSituation now = ledger.situation(slot, meeting.requesterId(), me, me, delegates, clock.instant());
            Long stand = meeting.standId();
            Long table = BookingRules.accept(now, delegates, clock.instant(), stand == null);
            if (stand != null) {
                ledger.requireStandFree(slot, stand, meeting.requesterId(), me);
            }
            Set<Long> attending = rows.delegatesOf(meetingId);
            attending.addAll(delegates);
            // the requester's delegates may have signed up for a program item since the request
            ledger.requireDelegatesFree(slot, attending);
            ledger.occupy(meetingId, slot, table, stand, meeting.requesterId(), me, attending,
                    MeetingRows.delegateRows(meetingId, me, delegates));
            rows.confirm(meetingId, table, text, true);
            rows.events(meetingId, user, new Event(MeetingStatus.CONFIRMED, text));
            notifications.notifyMeeting(List.of(meeting.requesterId(), me), attending, "notification.meeting.CONFIRMED",
                    stand == null ? describe(now, slot, true) : descriptions.describe(meetingId));
            return null;
        });
        return new MeetingOutcome(meetingId, MeetingStatus.CONFIRMED);
    }

    /**
     * The requested company declines, with an optional message.
     *
     * @return the meeting, DECLINED
     */
    @PreAuthorize("hasRole('COMPANY')")
    public MeetingOutcome decline(long meetingId, String response) {
        long me = currentUser.requireCompanyId();
        ForumUser user = currentUser.require();
        String text = BookingRules.trimmedMessage(response);
        declined(meetingId, me, user, text, text, "notification.meeting.DECLINED", null);
        return new MeetingOutcome(meetingId, MeetingStatus.DECLINED);
    }

    /**
     * The requested company proposes another time instead of the one asked for, typically because
     * that slot was taken while it was answering: a new request from it to the requester in
     * {@code slotId} (which the requester accepts or declines as any request; the limit and every
     * booking check apply), and the original request declined with the proposed time in its
     * history, the requester told. If the new request is refused, the original one stays as it was.
     *
     * @return the new request and its status
     */
    @PreAuthorize("hasRole('COMPANY')")
    public MeetingOutcome proposeOtherTime(long meetingId, long slotId, Collection<Long> delegateIds,
            String message) {
        long me = currentUser.requireCompanyId();
        ForumUser user = currentUser.require();
        MeetingDetails original = rows.meeting(meetingId);
        if (original.partnerId() != me) {
            throw new AccessDeniedException("Not a request to your company");
        }
        BookingRules.requireRequested(original.status());
        BookingRules.requireAnswerable(original.startsAt(), clock.instant());
        if (original.slotId() == slotId) {
            throw new BookingRefusedException("meeting.error.same-time");
        }
        MeetingOutcome proposal = request(original.requesterId(), slotId, delegateIds, message);
        String line = descriptions.describe(proposal.meetingId());
        try {
            declined(meetingId, me, user, BookingRules.trimmedMessage(message), line,
                    "notification.meeting.OTHER_TIME", line);
        } catch (BookingRefusedException e) {
            // the requester withdrew it meanwhile: the proposal stands on its own
        }
        return proposal;
    }

    private void declined(long meetingId, long me, ForumUser user, String text, String comment, String notificationKey,
            String detail) {
        retry.run(() -> {
            MeetingRows.Row meeting = rows.lock(meetingId);
            if (meeting.partnerId() != me) {
                throw new AccessDeniedException("Not a request to your company");
            }
            if (!BookingRules.declinable(meeting.status())) {
                return null;
            }
            BookingRules.requireAnswerable(ledger.slotStart(meeting.slotId()), clock.instant());
            rows.setResponse(meetingId, text);
            rows.setStatus(meetingId, MeetingStatus.DECLINED);
            rows.events(meetingId, user, new Event(MeetingStatus.DECLINED, comment));
            notifications.notifyCompany(meeting.requesterId(), notificationKey,
                    detail == null ? descriptions.describe(meetingId) : detail);
            return null;
        });
    }

    /**
     * Cancels a requested or confirmed meeting: either of its companies until its slot begins, or
     * an organizer at any time (to correct the record: the history names them). Its slot, table and
     * people are free again at once.
     *
     * @return the meeting, CANCELLED
     */
    @PreAuthorize("isAuthenticated()")
    public MeetingOutcome cancel(long meetingId, String reason) {
        ForumUser user = currentUser.require();
        String text = BookingRules.trimmedMessage(reason);
        retry.run(() -> {
            MeetingRows.Row meeting = rows.lock(meetingId);
            if (!user.isOrganizer() && !meeting.involves(user.companyId())) {
                throw new AccessDeniedException("Not your meeting");
            }
            if (!BookingRules.cancellable(meeting.status())) {
                return null;
            }
            // once begun, staff mark it at the table and both companies record outcomes: a company
            // cancelling then would erase them from the figures
            if (!user.isOrganizer()) {
                BookingRules.requireNotBegun(ledger.slotStart(meeting.slotId()), clock.instant());
            }
            // its delegates heard of it once it was confirmed; a request's end is the representatives' business
            Set<Long> attending = meeting.status() == MeetingStatus.CONFIRMED ? rows.delegatesOf(meeting.id()) : Set.of();
            ledger.free(meeting.id());
            rows.cancel(meeting.id(), user, text);
            notifications.notifyMeeting(List.of(meeting.requesterId(), meeting.partnerId()), attending,
                    "notification.meeting.CANCELLED", descriptions.describe(meeting.id()));
            return null;
        });
        return new MeetingOutcome(meetingId, MeetingStatus.CANCELLED);
    }
}
