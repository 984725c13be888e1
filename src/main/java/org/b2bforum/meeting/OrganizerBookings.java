package org.b2bforum.meeting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.b2bforum.base.i18n.ScheduleNotice;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.meeting.MeetingRows.Event;
import org.b2bforum.notification.AttendeesToChoose;
import org.b2bforum.notification.NotificationService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The organizers' bookings: a meeting booked directly (also outside the booking window), moved to
 * another slot, every meeting of a rejected company cancelled, and a schedule published as
 * confirmed meetings. Each step runs as {@link MeetingRequests}' do: in its own transaction under
 * the {@link SlotLedger}'s locks, retried on deadlocks.
 */
@Service
public class OrganizerBookings {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionRetry retry;
    private final SlotLedger ledger;
    private final MeetingRows rows;
    private final CurrentUser currentUser;
    private final NotificationService notifications;
    private final MeetingDescriptions descriptions;
    private final MeetingLimits limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganizerBookings(NamedParameterJdbcTemplate jdbc, TransactionRetry retry, SlotLedger ledger, MeetingRows rows,
            CurrentUser currentUser, NotificationService notifications, MeetingDescriptions descriptions,
            MeetingLimits limits, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.retry = retry;
        this.ledger = ledger;
        this.rows = rows;
        this.currentUser = currentUser;
        this.notifications = notifications;
        this.descriptions = descriptions;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * An organizer books a confirmed meeting directly, also outside the booking window, within
     * the meeting limit of both companies.
     *
     * @return the meeting's id (CONFIRMED)
     * @throws BookingRefusedException {@code meeting.error.company-limit} naming the company that
     *         has reached the limit
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    public long bookAsOrganizer(long requesterId, long partnerId, long slotId) {
        return bookAsOrganizer(requesterId, partnerId, slotId, false);
    }

    /**
     * An organizer books a confirmed meeting directly, also outside the booking window; over the
     * meeting limit only when {@code overLimit} says so (the override, chosen explicitly).
     *
     * @return the meeting's id (CONFIRMED)
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    public long bookAsOrganizer(long requesterId, long partnerId, long slotId, boolean overLimit) {
        ForumUser user = currentUser.require();
        BookingRules.requireTwoCompanies(requesterId, partnerId, "meeting.error.same-company");
        String[] line = new String[1];
        long booked = retry.run(() -> {
            SlotLedger.Locked locked = ledger.lockSlotAndCompanies(slotId, requesterId, partnerId);
            SlotLedger.Slot slot = locked.slot();
            if (!locked.approved(requesterId) || !locked.approved(partnerId)) {
                throw new BookingRefusedException("meeting.error.partner-unavailable");
            }
            ledger.requireBothFree(slot, requesterId, partnerId);
            if (rows.active(requesterId, partnerId, slotId) != null) {
                throw new BookingRefusedException("meeting.error.already-requested"); // requested, not yet answered
            }
            if (!overLimit) {
                int limit = limits.limit();
                Map<Long, Integer> active = limits.active(List.of(requesterId, partnerId));
                for (long company : List.of(requesterId, partnerId)) {
                    if (BookingRules.full(active.getOrDefault(company, 0), limit)) {
                        // the organizers' own refusal: it names the override they may choose
                        throw new BookingRefusedException("meeting.error.company-limit", rows.companyName(company),
                                limit);
                    }
                }
            }
            Set<Long> requesterDelegates = Set.of(rows.firstDelegate(requesterId));
            Set<Long> partnerDelegates = Set.of(rows.firstDelegate(partnerId));
            long table = ledger.freeTable(slot);
            long meetingId = rows.insert(requesterId, partnerId, slotId, null, MeetingStatus.CONFIRMED, table);
            rows.insertDelegates(meetingId, requesterId, requesterDelegates);
            rows.insertDelegates(meetingId, partnerId, partnerDelegates);
            Set<Long> delegates = new LinkedHashSet<>(requesterDelegates);
            delegates.addAll(partnerDelegates);
            ledger.requireDelegatesFree(slot, delegates);
            ledger.occupy(meetingId, slot, table, requesterId, partnerId, delegates);
            rows.events(meetingId, user, new Event(MeetingStatus.CONFIRMED, null));
            line[0] = descriptions.describe(meetingId);
            notifications.notifyMeeting(List.of(requesterId, partnerId), delegates, "notification.meeting.CONFIRMED",
                    line[0]);
            return meetingId;
        });
        // committed: each company's representatives are told that its first delegate was sent, to change if need be
        events.publishEvent(new AttendeesToChoose(List.of(requesterId, partnerId), line[0]));
        return booked;
    }

    /** An organizer moves a confirmed meeting to another slot (it gets a free table there, or keeps its fair stand). */
    @PreAuthorize("hasRole('ORGANIZER')")
    public MeetingOutcome move(long meetingId, long newSlotId) {
        ForumUser user = currentUser.require();
        retry.run(() -> {
            MeetingRows.Row meeting = rows.lock(meetingId);
            if (meeting.status() != MeetingStatus.CONFIRMED) {
                throw new BookingRefusedException("meeting.error.not-confirmed");
            }
            if (meeting.slotId() == newSlotId) {
                return null;
            }
            // a begun meeting's marks and outcomes belong to its time; a begun slot cannot be met in
            BookingRules.requireNotBegun(ledger.slotStart(meeting.slotId()), clock.instant());
            SlotLedger.Slot slot = ledger.lockSlotAndCompanies(newSlotId, meeting.requesterId(), meeting.partnerId())
                    .slot();
            BookingRules.requireFutureSlot(slot.startsAt(), clock.instant());
            ledger.free(meetingId);
            Set<Long> delegates = rows.delegatesOf(meetingId);
            ledger.requireBothFree(slot, meeting.requesterId(), meeting.partnerId());
            ledger.requireDelegatesFree(slot, delegates);
            if (rows.active(meeting.requesterId(), meeting.partnerId(), newSlotId) != null) {
                throw new BookingRefusedException("meeting.error.slot-taken"); // their request for that slot
            }
            Long stand = meeting.standId();
            if (stand != null) {
                ledger.requireStandFree(slot, stand, meeting.requesterId(), meeting.partnerId());
            }
            Long table = stand == null ? ledger.freeTable(slot) : null;
            rows.move(meetingId, newSlotId, table);
            ledger.occupy(meetingId, slot, table, stand, meeting.requesterId(), meeting.partnerId(), delegates);
            String line = descriptions.describe(meetingId);
            rows.events(meetingId, user, new Event(MeetingStatus.CONFIRMED, line));
            notifications.notifyMeeting(List.of(meeting.requesterId(), meeting.partnerId()), delegates,
                    "notification.meeting.MOVED", line);
            return null;
        });
        return new MeetingOutcome(meetingId, MeetingStatus.CONFIRMED);
    }

    /**
     * Cancels every meeting of a company whose registration the organizers have rejected, as an
     * organizer's {@link MeetingRequests#cancel} would: its requested and confirmed meetings in
     * slots still ahead, as requester or partner. Slots, tables and delegates are freed, the
     * history names the organizer with {@code reason}, and both companies are told the
     * registration was withdrawn. Each meeting is cancelled in its own step; meetings that have
     * begun stay as they are (they may have been held and marked at the tables).
     * <p>
     * Only for a rejected company: while a company is merely back in review (PENDING, after a new
     * name or tax number) its confirmed meetings stand, and it only cannot book new ones.
     *
     * @return how many meetings were cancelled
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    public int cancelAllOf(long companyId, String reason) {
        ForumUser user = currentUser.require();
        String text = BookingRules.trimmedMessage(reason);
        String status = jdbc.queryForObject("select status from company where id = :c",
                new MapSqlParameterSource("c", companyId), String.class);
        if (!RegistrationStatus.REJECTED.name().equals(status)) {
            throw new BookingRefusedException("meeting.error.company-not-rejected");
        }
        List<Long> active = jdbc.queryForList("""
                select m.id from meeting m join slot s on s.id = m.slot_id
                where (m.requester_company_id = :c or m.partner_company_id = :c)
                  and m.status in ('REQUESTED', 'CONFIRMED') and s.starts_at > :now
                order by s.starts_at, m.id""",
                new MapSqlParameterSource("c", companyId).addValue("now", Timestamp.from(clock.instant())), Long.class);
        int count = 0;
        for (long meetingId : active) {
            boolean done = retry.run(() -> {
                MeetingRows.Row meeting = rows.lock(meetingId);
                if (meeting.status() != MeetingStatus.REQUESTED && meeting.status() != MeetingStatus.CONFIRMED) {
                    return false; // cancelled or declined meanwhile
                }
                // a confirmed meeting leaves its delegates' day: they are told as of a cancellation
                Set<Long> attending = meeting.status() == MeetingStatus.CONFIRMED ? rows.delegatesOf(meeting.id())
                        : Set.of();
                ledger.free(meeting.id());
                rows.cancel(meeting.id(), user, text);
                notifyBoth(meeting.id(), meeting.requesterId(), meeting.partnerId(), attending,
                        "notification.meeting.REGISTRATION_WITHDRAWN");
                return true;
            });
            count += done ? 1 : 0;
        }
        return count;
    }

    // ---------------------------------------------------------------- publishing a schedule

    /**
     * Confirms the meetings of a schedule the organizers publish, all or none, in one transaction
     * (retried on deadlocks) that runs {@code guard} first: the caller locks and checks what it
     * publishes there, and marks it published. Each meeting is checked as a booking is, under the
     * same locks (its slot, then the companies) and with the same primary keys behind: both
     * companies approved, the slot ahead, neither company in another meeting at that time (in any
     * hall), the table free and in the slot's hall. Each company is represented by its first
     * delegate who attends no program item then. A request of the pair for that slot, still
     * unanswered, becomes the meeting; the pair's other requests to each other still waiting for an
     * answer (any slot ahead, either way) are settled by it: cancelled with the scheduled meeting named
     * in their history, and the requester told. One whose slot has begun stays as it is, unanswered
     * ({@link UnansweredRequests}): nobody could accept it any more, so it is neither cancelled nor
     * told. Both companies are notified. The booking window does not apply.
     * <p>
     * The meeting limit does: counted under the companies' locks once everything is written, no
     * company may end above the limit unless it already was (an organizer's explicit override);
     * then nothing is published. The scheduler leaves out what exceeds the limit, so this refuses
     * only when a company's meetings changed while the schedule was being published. The step runs at
     * READ COMMITTED: the guard reads the day before the locks, and a request committed between the two
     * is counted (and found, when it is the scheduled pair's in the slot) all the same.
     *
     * @return the ids of the confirmed meetings, in the order given
     * @throws BookingRefusedException {@code meeting.error.scheduled-conflict} naming the first
     *         meeting that no longer fits, or {@code meeting.error.scheduled-limit} naming a
     *         company it would take over the limit; nothing was changed
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    public List<Long> publishScheduled(List<ScheduledMeeting> scheduled, Runnable guard) {
        ForumUser user = currentUser.require();
        for (ScheduledMeeting meeting : scheduled) {
            BookingRules.requireTwoCompanies(meeting.requesterId(), meeting.partnerId(), "meeting.error.same-company");
        }
        return retry.runReadingCommitted(() -> {
            guard.run();
            Map<Long, SlotLedger.Slot> slots = ledger.lockSlots(scheduled.stream().map(ScheduledMeeting::slotId).toList());
            List<Long> companies = scheduled.stream().flatMap(m -> Stream.of(m.requesterId(), m.partnerId()))
                    .distinct().toList();
            Map<Long, String> status = ledger.lockCompanies(companies);
            // the pairs' open requests, locked at once (after the companies, as every step locks)
            OpenRequests open = new OpenRequests(rows.lockRequestsAwaitingAnswerAmong(companies));
            int limit = limits.limit();
            Map<Long, Integer> before = limits.active(companies);
            List<Long> ids = new ArrayList<>();
            Map<Long, Integer> byCompany = new HashMap<>();
            Map<Long, Integer> byDelegate = new HashMap<>();
            for (ScheduledMeeting meeting : scheduled) {
                Set<Long> delegates = new HashSet<>();
                ids.add(confirmScheduled(meeting, slots.get(meeting.slotId()), status, open, user, delegates));
                byCompany.merge(meeting.requesterId(), 1, Integer::sum);
                byCompany.merge(meeting.partnerId(), 1, Integer::sum);
                delegates.forEach(delegate -> byDelegate.merge(delegate, 1, Integer::sum));
            }
            Map<Long, Integer> after = limits.active(companies);
            for (long company : companies) {
                int now = after.getOrDefault(company, 0);
                if (BookingRules.overLimitByPublishing(before.getOrDefault(company, 0), now, limit)) {
                    throw new BookingRefusedException("meeting.error.scheduled-limit", rows.companyName(company),
                            limit, now);
                }
            }
            if (!scheduled.isEmpty()) {
                // one summary each, not one notification per meeting (dozens for a company at forum scale, ux54)
                String day = descriptions.day(slots.get(scheduled.getFirst().slotId()).startsAt());
                notifications.notifyEach(summaries(byCompany, day), summaries(byDelegate, day), ScheduleNotice.KEY);
            }
            return ids;
        });
    }

    private static Map<Long, String> summaries(Map<Long, Integer> counts, String day) {
        Map<Long, String> summaries = new HashMap<>();
        counts.forEach((id, count) -> summaries.put(id, ScheduleNotice.detail(day, count)));
        return summaries;
    }

    /** Confirms one meeting of a schedule; {@code attending} receives who attends it. */
    private long confirmScheduled(ScheduledMeeting scheduled, SlotLedger.Slot slot, Map<Long, String> status,
            OpenRequests open, ForumUser user, Set<Long> attending) {
        long a = scheduled.requesterId();
        long b = scheduled.partnerId();
        if (slot == null || !slot.startsAt().isAfter(clock.instant()) || !SlotLedger.isApproved(a, status)
                || !SlotLedger.isApproved(b, status) || ledger.companyBusy(slot, a, b)
                || !ledger.tableFree(slot, scheduled.tableId())) {
            throw conflict(a, b);
        }
        Long pending = rows.active(a, b, slot.id());
        if (pending == null) {
            pending = rows.active(b, a, slot.id());
        }
        Set<Long> delegates = pending == null ? new LinkedHashSet<>() : rows.delegatesOf(pending);
        Map<Long, Long> added = new HashMap<>();
        for (long company : List.of(a, b)) {
            if (!rows.represents(company, delegates)) {
                Long delegate = ledger.firstFreeDelegate(company, slot);
                if (delegate == null && hasDelegates(company)) {
                    throw conflict(a, b);
                }
                if (delegate != null) {
                    added.put(company, delegate);
                    delegates.add(delegate);
                }
            }
        }
        if (ledger.inProgram(slot, delegates)) {
            throw conflict(a, b);
        }
        long meetingId;
        if (pending == null) {
            meetingId = rows.insert(a, b, slot.id(), null, MeetingStatus.CONFIRMED, scheduled.tableId());
        } else {
            meetingId = pending;
            rows.confirm(meetingId, scheduled.tableId(), null, false);
        }
        open.taken(meetingId);
        added.forEach((company, delegate) -> rows.insertDelegates(meetingId, company, Set.of(delegate)));
        ledger.occupy(meetingId, slot, scheduled.tableId(), a, b, delegates);
        rows.events(meetingId, user, new Event(MeetingStatus.CONFIRMED, null));
        attending.addAll(delegates);
        List<MeetingRows.Row> settled = open.of(a, b);
        if (!settled.isEmpty()) {
            settlePair(settled, descriptions.describe(meetingId), user);
        }
        return meetingId;
    }

    /**
     * The open requests among the schedule's companies, locked once for the whole schedule; a
     * pair's are settled when its meeting is confirmed, each at most once, and one that became a
     * scheduled meeting is not settled.
     */
    private static final class OpenRequests {

        private final List<MeetingRows.Row> requests;
        private final Set<Long> done = new HashSet<>();

        OpenRequests(List<MeetingRows.Row> requests) {
            this.requests = requests;
        }

        void taken(long meetingId) {
            done.add(meetingId);
        }

        /** The pair's requests still open, either way, marked settled. */
        List<MeetingRows.Row> of(long a, long b) {
            List<MeetingRows.Row> pair = requests.stream()
                    .filter(r -> (r.requesterId() == a && r.partnerId() == b) || (r.requesterId() == b && r.partnerId() == a))
                    .filter(r -> done.add(r.id())).toList();
            return pair;
        }
    }

    /**
     * The pair's other open requests to each other give way to their scheduled meeting: a company
     * never keeps asking a partner for a time while a confirmed meeting with it stands. They are
     * cancelled, their history names the meeting, and the company that asked is told.
     */
    private void settlePair(List<MeetingRows.Row> open, String line, ForumUser user) {
        for (MeetingRows.Row request : open) {
            rows.cancel(request.id(), user, line);
            notifications.notifyCompany(request.requesterId(), "notification.meeting.SETTLED",
                    descriptions.describe(request.id()));
        }
    }

    private BookingRefusedException conflict(long a, long b) {
        List<String> names = jdbc.queryForList("select short_name from company where id in (:a, :b) order by id = :b",
                new MapSqlParameterSource("a", a).addValue("b", b), String.class);
        return new BookingRefusedException("meeting.error.scheduled-conflict", String.join(" — ", names));
    }

    private boolean hasDelegates(long companyId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from delegate where company_id = :c)",
                new MapSqlParameterSource("c", companyId), Boolean.class));
    }

    private void notifyBoth(long meetingId, long companyA, long companyB, Set<Long> delegates, String key) {
        notifications.notifyMeeting(List.of(companyA, companyB), delegates, key, descriptions.describe(meetingId));
    }
}
