package org.b2bforum.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.text.Texts;
import org.b2bforum.company.ForumAccess;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.ProgramItem;
import org.b2bforum.program.ProgramService;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meeting requests and bookings between companies. A request names a slot, the requesting
 * company's delegates and a message; the other company accepts (the meeting is confirmed and gets
 * a free table of the session) or declines; either side may cancel. With instant booking a request
 * into a free slot is confirmed at once.
 * <p>
 * The database guarantees that a company, a delegate and a table are in at most one confirmed
 * meeting per slot (the primary keys of the *_slot_booking tables; companies and delegates keyed by
 * the slot's start time, so also across parallel halls; overlapping slots of different lengths are
 * checked under the company's lock). Each step runs
 * in its own transaction, retried on deadlocks, so the write methods are not
 * {@code @Transactional} themselves; whoever loses a race is told "this slot was just taken".
 */
@Service
public class MeetingService {

    private static final int MAX_MESSAGE = 1000;

    /** {@link #busy} for companies {@code :a} and {@code :b} from {@code :start} to {@code :end}. */
    private static final String BUSY = busy(":a, :b", ":start", ":end");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionRetry retry;
    private final ForumAccess access;
    private final CurrentUser currentUser;
    private final ProgramService program;
    private final NotificationService notifications;
    private final MeetingDescriptions descriptions;
    private final MeetingLimits limits;
    private final Clock clock;

    MeetingService(NamedParameterJdbcTemplate jdbc, TransactionRetry retry, ForumAccess access,
            CurrentUser currentUser, ProgramService program, NotificationService notifications,
            MeetingDescriptions descriptions, MeetingLimits limits, Clock clock) {
        this.jdbc = jdbc;
        this.retry = retry;
        this.access = access;
        this.currentUser = currentUser;
        this.program = program;
        this.notifications = notifications;
        this.descriptions = descriptions;
        this.limits = limits;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    /** The logged-in company's delegates, to choose who attends. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<DelegateChoice> myDelegates() {
        return delegateChoicesOf(currentUser.requireCompanyId());
    }

    private List<DelegateChoice> delegateChoicesOf(long company) {
        return jdbc.query("select id, full_name, position from delegate where company_id = :c order by sort_order",
                new MapSqlParameterSource("c", company),
                (rs, i) -> new DelegateChoice(rs.getLong("id"), rs.getString("full_name"), rs.getString("position")));
    }

    /**
     * Future slots in which the logged-in company and {@code partnerId} are both free (also in the
     * other halls at that time), the chosen delegates attend no program item, and a table is left.
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<SlotOption> freeSlotsWith(long partnerId, Collection<Long> delegateIds) {
        long me = access.requireApprovedCompany();
        List<Long> delegates = delegateIds.isEmpty() ? List.of(-1L) : List.copyOf(delegateIds);
        return jdbc.query("""
                select s.id, n.name session_name, h.name hall_name, s.starts_at, s.ends_at,
                       (select count(*) from meeting_table t where t.hall_id = s.hall_id)
                     - (select count(*) from table_slot_booking b where b.slot_id = s.id) free_tables
                from slot s join negotiation_session n on n.id = s.session_id join hall h on h.id = s.hall_id
                where s.starts_at > :now
                  and not""" + busy(":me, :partner", "s.starts_at", "s.ends_at") + """
                  and not exists (select 1 from delegate_slot_booking d where d.starts_at = s.starts_at and d.delegate_id in (:delegates))
                  and not exists (select 1 from program_item p join program_item_attendee a on a.program_item_id = p.id
                                  where a.delegate_id in (:delegates) and p.starts_at < s.ends_at and p.ends_at > s.starts_at)
                having free_tables > 0
                order by s.starts_at, h.name""",
                new MapSqlParameterSource("me", me).addValue("partner", partnerId).addValue("delegates", delegates)
                        .addValue("now", Timestamp.from(clock.instant())),
                (rs, i) -> new SlotOption(rs.getLong("id"), rs.getString("session_name"), rs.getString("hall_name"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                        rs.getInt("free_tables")));
    }

    /**
     * The logged-in company's place against the meeting limit, for the request form to say at once
     * when it can ask for no more meetings.
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public MeetingLimit myMeetingLimit() {
        long me = currentUser.requireCompanyId();
        return new MeetingLimit(limits.limit(), limits.active(List.of(me)).getOrDefault(me, 0));
    }

    /** The logged-in company's meetings and requests, in time order. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<MeetingView> myMeetings() {
        long me = currentUser.requireCompanyId();
        return meetings("where (m.requester_company_id = :c or m.partner_company_id = :c)", new MapSqlParameterSource("c", me));
    }

    /**
     * The requests to the logged-in company that can no longer be accepted at their time: one of
     * the two companies has a confirmed meeting then (in any hall), or the slot has no table left.
     * The company can propose another time ({@link #proposeOtherTime}) or decline.
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public Set<Long> myRequestsTakenMeanwhile() {
        long me = currentUser.requireCompanyId();
        return new LinkedHashSet<>(jdbc.queryForList("""
                select m.id from meeting m join slot s on s.id = m.slot_id
                where m.partner_company_id = :me and m.status = 'REQUESTED'
                  and (""" + busy("m.requester_company_id, m.partner_company_id", "s.starts_at", "s.ends_at") + """
                       or (m.stand_id is null and (select count(*) from table_slot_booking b where b.slot_id = s.id)
                          >= (select count(*) from meeting_table t where t.hall_id = s.hall_id))
                       or exists (select 1 from stand_slot_booking sb where sb.stand_id = m.stand_id
                                  and sb.starts_at = s.starts_at))
                order by s.starts_at, m.id""", new MapSqlParameterSource("me", me), Long.class));
    }

    /** All meetings of a session, for the organizers' grid. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<MeetingView> meetingsInSession(long sessionId) {
        return meetings("where s.session_id = :session", new MapSqlParameterSource("session", sessionId));
    }

    /** One meeting: for the organizers or one of its two companies. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public MeetingView meeting(long meetingId) {
        MeetingView meeting = meetings("where m.id = :id", new MapSqlParameterSource("id", meetingId)).stream()
                .findFirst().orElseThrow(() -> new BookingRefusedException("meeting.error.not-found"));
        ForumUser user = currentUser.require();
        if (!user.isOrganizer() && !involves(meeting, user.companyId())) {
            throw new AccessDeniedException("Not your meeting");
        }
        return meeting;
    }

    /**
     * The logged-in company's agenda: its requested and confirmed meetings and the program items
     * its delegates attend, in time order; {@code delegateId} narrows it to one delegate.
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<AgendaEntry> myAgenda(Long delegateId) {
        return agendaOf(currentUser.requireCompanyId(), delegateId);
    }

    /**
     * For a delegate's own log-in: the agenda of their company (all its delegates), to read. The
     * delegate's own schedule is the badge feature's.
     */
    @PreAuthorize("hasRole('DELEGATE')")
    @Transactional(readOnly = true)
    public List<AgendaEntry> myCompanyAgenda() {
        long delegate = currentUser.requireDelegateId();
        long company = jdbc.queryForObject("select company_id from delegate where id = :d",
                new MapSqlParameterSource("d", delegate), Long.class);
        return agendaOf(company, null);
    }

    private List<AgendaEntry> agendaOf(long company, Long delegateId) {
        List<Long> delegates = delegateChoicesOf(company).stream().map(DelegateChoice::id)
                .filter(id -> delegateId == null || id.equals(delegateId)).toList();
        List<AgendaEntry> entries = new ArrayList<>();
        for (MeetingView m : meetings("where (m.requester_company_id = :c or m.partner_company_id = :c)",
                new MapSqlParameterSource("c", company))) {
            if (m.status() != MeetingStatus.REQUESTED && m.status() != MeetingStatus.CONFIRMED) {
                continue;
            }
            if (delegateId != null && !attends(m.id(), delegateId)) {
                continue;
            }
            String contacts = m.status() == MeetingStatus.CONFIRMED ? contactsOf(m.counterpartId(company)) : null;
            entries.add(new AgendaEntry(m.startsAt(), m.endsAt(), AgendaEntry.Kind.MEETING, m.id(),
                    m.counterpartName(company), m.hallName(), m.tableNumber(), m.status(), m.delegates(), contacts,
                    m.standNumber()));
        }
        for (ProgramItem item : program.itemsAttendedBy(delegates)) {
            entries.add(new AgendaEntry(item.startsAt(), item.endsAt(), AgendaEntry.Kind.PROGRAM, null, item.title(),
                    item.place(), null, null, List.of(), null, null));
        }
        entries.sort((a, b) -> a.startsAt().compareTo(b.startsAt()));
        return entries;
    }

    // ---------------------------------------------------------------- booking
    //
    // Every step that books runs in one transaction that first locks, in this order, the meeting
    // row (when there is one), the slot row and the two company rows (by id), and only then reads:
    // under REPEATABLE READ the snapshot is taken at the first plain read, so every check sees what
    // the previous holder of the same locks committed. The slot lock serialises the bookings of a
    // slot (so the free table found is free), the company locks those of a company (so its limit
    // and its other meetings at the same time are counted exactly). The primary keys of the
    // *_slot_booking tables stay the last line of defence.

    /**
     * Requests a meeting with {@code partnerId} in {@code slotId}, attended by the given delegates
     * of the logged-in company. With instant booking it is confirmed at once. Asking twice for the
     * same meeting returns the first request.
     *
     * @return the meeting's id
     * @throws BookingRefusedException when the slot is taken, the window closed, the limit reached...
     */
    @PreAuthorize("hasRole('COMPANY')")
    public long request(long partnerId, long slotId, Collection<Long> delegateIds, String message) {
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
    public long requestAtStand(long partnerId, long standId, long slotId, Collection<Long> delegateIds,
            String message) {
        return requested(partnerId, standId, slotId, delegateIds, message);
    }

    private long requested(long partnerId, Long standId, long slotId, Collection<Long> delegateIds, String message) {
        ForumUser user = currentUser.require();
        long me = currentUser.requireCompanyId();
        if (partnerId == me) {
            throw new BookingRefusedException("meeting.error.self");
        }
        Set<Long> delegates = chosen(delegateIds);
        String text = trimmed(message);
        return retry.inTurn(() -> book(me, partnerId, slotId, standId, delegates, text, user));
    }

    private long book(long me, long partnerId, long slotId, Long standId, Set<Long> delegates, String text,
            ForumUser user) {
        if (visiblyTaken(me, partnerId, slotId)) {
            // most requests for a popular company's time end here, without waiting for its lock
            throw new BookingRefusedException("meeting.error.slot-taken");
        }
        return retry.run(() -> {
            Locked locked = lockSlotAndCompanies(slotId, me, partnerId);
            SlotRow slot = future(locked.slot());
            Map<Long, String> status = locked.status();
            requireApproved(me, status);
            if (!isApproved(partnerId, status)) {
                throw new BookingRefusedException("meeting.error.partner-unavailable");
            }
            Situation now = situation(slot, me, partnerId, me, delegates);
            BookingSettings settings = now.settings();
            if (settings.wishesPhase()) {
                throw new BookingRefusedException("meeting.error.wishes-phase");
            }
            if (!settings.isOpenAt(clock.instant())) {
                throw new BookingRefusedException("meeting.error.window-closed");
            }
            now.requireOwnDelegates(delegates);
            if (now.existing() != null) {
                return now.existing(); // a double click or a second tab: the first request stands
            }
            now.checkLimit(now.activeOfA());
            now.checkFree();
            if (standId != null) {
                checkStand(slot, standId, me, partnerId);
            }
            if (!settings.instantBooking()) {
                long meetingId = insertMeeting(me, partnerId, slotId, text, MeetingStatus.REQUESTED, null, standId);
                insertDelegates(meetingId, me, delegates);
                events(meetingId, user, new Event(MeetingStatus.REQUESTED, text));
                notifications.notifyCompanies(List.of(partnerId), "notification.meeting.REQUESTED",
                        standId == null ? now.describe(descriptions, slot, false) : descriptions.describe(meetingId));
                return meetingId;
            }
            now.checkPartnerLimit();
            Long table = standId == null ? now.requireTable() : null;
            long meetingId = insertMeeting(me, partnerId, slotId, text, MeetingStatus.CONFIRMED, table, standId);
            insertDelegates(meetingId, me, delegates);
            occupy(meetingId, slot, table, standId, me, partnerId, delegates);
            events(meetingId, user, new Event(MeetingStatus.REQUESTED, text), new Event(MeetingStatus.CONFIRMED, null));
            notifications.notifyCompanies(List.of(me, partnerId), "notification.meeting.CONFIRMED",
                    standId == null ? now.describe(descriptions, slot, true) : descriptions.describe(meetingId));
            return meetingId;
        });
    }

    /**
     * The requested company accepts: the meeting is confirmed with a free table of the session.
     * {@code delegateIds} are who attends from the accepting company (its first delegate if empty).
     */
    @PreAuthorize("hasRole('COMPANY')")
    public void accept(long meetingId, Collection<Long> delegateIds, String response) {
        ForumUser user = currentUser.require();
        long me = currentUser.requireCompanyId();
        String text = trimmed(response);
        retry.run(() -> {
            MeetingRow meeting = lockMeeting(meetingId);
            if (meeting.partnerId() != me) {
                throw new AccessDeniedException("Not a request to your company");
            }
            Locked locked = lockSlotAndCompanies(meeting.slotId(), meeting.requesterId(), me);
            SlotRow slot = future(locked.slot());
            requireApproved(me, locked.status());
            if (meeting.status() == MeetingStatus.CONFIRMED) {
                return null; // a double click
            }
            if (meeting.status() != MeetingStatus.REQUESTED) {
                throw new BookingRefusedException("meeting.error.not-requested");
            }
            if (!isApproved(meeting.requesterId(), locked.status())) {
                // back in the organizers' review since asking: its request waits for their decision
                throw new BookingRefusedException("meeting.error.partner-unavailable");
            }
            Set<Long> delegates = delegateIds == null || delegateIds.isEmpty()
                    ? Set.of(firstDelegate(me)) : chosen(delegateIds);
            Situation now = situation(slot, meeting.requesterId(), me, me, delegates);
            if (!now.settings().isOpenAt(clock.instant())) {
                throw new BookingRefusedException("meeting.error.window-closed");
            }
            now.requireOwnDelegates(delegates);
            now.checkLimit(now.activeOfB());
            now.checkFree();
            if (meeting.standId() != null) {
                checkStand(slot, meeting.standId(), meeting.requesterId(), me);
            }
            Long table = meeting.standId() == null ? now.requireTable() : null;
            Set<Long> attending = delegatesOf(meetingId);
            attending.addAll(delegates);
            // the requester's delegates may have signed up for a program item since the request
            checkDelegatesFree(slot, attending);
            insertDelegates(meetingId, me, delegates);
            occupy(meetingId, slot, table, meeting.standId(), meeting.requesterId(), me, attending);
            jdbc.update("""
                    update meeting set status = 'CONFIRMED', table_id = :table, response = :response, updated_at = :now
                    where id = :id""", new MapSqlParameterSource("table", table).addValue("response", text)
                    .addValue("now", Timestamp.from(clock.instant())).addValue("id", meetingId));
            events(meetingId, user, new Event(MeetingStatus.CONFIRMED, text));
            notifications.notifyCompanies(List.of(meeting.requesterId(), me), "notification.meeting.CONFIRMED",
                    meeting.standId() == null ? now.describe(descriptions, slot, true) : descriptions.describe(meetingId));
            return null;
        });
    }

    /** The requested company declines, with an optional message. */
    @PreAuthorize("hasRole('COMPANY')")
    public void decline(long meetingId, String response) {
        long me = currentUser.requireCompanyId();
        ForumUser user = currentUser.require();
        String text = trimmed(response);
        declined(meetingId, me, user, text, text, "notification.meeting.DECLINED", null);
    }

    /**
     * The requested company proposes another time instead of the one asked for, typically because
     * that slot was taken while it was answering: a new request from it to the requester in
     * {@code slotId} (which the requester accepts or declines as any request; the limit and every
     * booking check apply), and the original request declined with the proposed time in its
     * history, the requester told. If the new request is refused, the original one stays as it was.
     *
     * @return the new request's id
     */
    @PreAuthorize("hasRole('COMPANY')")
    public long proposeOtherTime(long meetingId, long slotId, Collection<Long> delegateIds, String message) {
        long me = currentUser.requireCompanyId();
        ForumUser user = currentUser.require();
        MeetingView original = meetings("where m.id = :id", new MapSqlParameterSource("id", meetingId)).stream()
                .findFirst().orElseThrow(() -> new BookingRefusedException("meeting.error.not-found"));
        if (original.partnerId() != me) {
            throw new AccessDeniedException("Not a request to your company");
        }
        if (original.status() != MeetingStatus.REQUESTED) {
            throw new BookingRefusedException("meeting.error.not-requested");
        }
        if (original.slotId() == slotId) {
            throw new BookingRefusedException("meeting.error.same-time");
        }
        long proposal = request(original.requesterId(), slotId, delegateIds, message);
        String line = descriptions.describe(proposal);
        try {
            declined(meetingId, me, user, trimmed(message), line, "notification.meeting.OTHER_TIME", line);
        } catch (BookingRefusedException e) {
            // the requester withdrew it meanwhile: the proposal stands on its own
        }
        return proposal;
    }

    private void declined(long meetingId, long me, ForumUser user, String text, String comment, String notificationKey,
            String detail) {
        retry.run(() -> {
            MeetingRow meeting = lockMeeting(meetingId);
            if (meeting.partnerId() != me) {
                throw new AccessDeniedException("Not a request to your company");
            }
            if (meeting.status() == MeetingStatus.DECLINED) {
                return null;
            }
            if (meeting.status() != MeetingStatus.REQUESTED) {
                throw new BookingRefusedException("meeting.error.not-requested");
            }
            jdbc.update("update meeting set response = :response where id = :id",
                    new MapSqlParameterSource("response", text).addValue("id", meetingId));
            setStatus(meetingId, MeetingStatus.DECLINED);
            events(meetingId, user, new Event(MeetingStatus.DECLINED, comment));
            notifications.notifyCompany(meeting.requesterId(), notificationKey,
                    detail == null ? descriptions.describe(meetingId) : detail);
            return null;
        });
    }

    /**
     * Cancels a requested or confirmed meeting: either of its companies until its slot begins, or
     * an organizer at any time (to correct the record: the history names them). Its slot, table and
     * people are free again at once.
     */
    @PreAuthorize("isAuthenticated()")
    public void cancel(long meetingId, String reason) {
        ForumUser user = currentUser.require();
        String text = trimmed(reason);
        retry.run(() -> {
            MeetingRow meeting = lockMeeting(meetingId);
            if (!user.isOrganizer() && (user.companyId() == null
                    || (meeting.requesterId() != user.companyId() && meeting.partnerId() != user.companyId()))) {
                throw new AccessDeniedException("Not your meeting");
            }
            if (meeting.status() == MeetingStatus.CANCELLED) {
                return null;
            }
            if (meeting.status() != MeetingStatus.REQUESTED && meeting.status() != MeetingStatus.CONFIRMED) {
                throw new BookingRefusedException("meeting.error.not-active");
            }
            // once begun, staff mark it at the table and both companies record outcomes: a company
            // cancelling then would erase them from the figures
            if (!user.isOrganizer()) {
                requireNotBegun(meeting);
            }
            cancelled(meeting, user, text, "notification.meeting.CANCELLED");
            return null;
        });
    }

    /**
     * Cancels every meeting of a company whose registration the organizers have rejected, as an
     * organizer's {@link #cancel} would: its requested and confirmed meetings in slots still ahead,
     * as requester or partner. Slots, tables and delegates are freed, the history names the
     * organizer with {@code reason}, and both companies are told the registration was withdrawn.
     * Each meeting is cancelled in its own step; meetings that have begun stay as they are (they
     * may have been held and marked at the tables).
     * <p>
     * Only for a rejected company: while a company is merely back in review (PENDING, after a new
     * name or tax number) its confirmed meetings stand, and it only cannot book new ones.
     *
     * @return how many meetings were cancelled
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    public int cancelAllOf(long companyId, String reason) {
        ForumUser user = currentUser.require();
        String text = trimmed(reason);
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
                MeetingRow meeting = lockMeeting(meetingId);
                if (meeting.status() != MeetingStatus.REQUESTED && meeting.status() != MeetingStatus.CONFIRMED) {
                    return false; // cancelled or declined meanwhile
                }
                cancelled(meeting, user, text, "notification.meeting.REGISTRATION_WITHDRAWN");
                return true;
            });
            count += done ? 1 : 0;
        }
        return count;
    }

    /** Frees the locked active meeting's slot, table and people, cancels it and tells both companies. */
    private void cancelled(MeetingRow meeting, ForumUser user, String reason, String notificationKey) {
        free(meeting.id());
        setStatus(meeting.id(), MeetingStatus.CANCELLED);
        events(meeting.id(), user, new Event(MeetingStatus.CANCELLED, reason));
        notifyBoth(meeting.id(), meeting.requesterId(), meeting.partnerId(), notificationKey);
    }

    /**
     * An organizer books a confirmed meeting directly, also outside the booking window, within
     * the meeting limit of both companies.
     *
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
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    public long bookAsOrganizer(long requesterId, long partnerId, long slotId, boolean overLimit) {
        ForumUser user = currentUser.require();
        if (requesterId == partnerId) {
            throw new BookingRefusedException("meeting.error.same-company");
        }
        return retry.run(() -> {
            Locked locked = lockSlotAndCompanies(slotId, requesterId, partnerId);
            SlotRow slot = locked.slot();
            Map<Long, String> status = locked.status();
            if (!isApproved(requesterId, status) || !isApproved(partnerId, status)) {
                throw new BookingRefusedException("meeting.error.partner-unavailable");
            }
            checkBothFree(slot, requesterId, partnerId);
            if (activeMeeting(requesterId, partnerId, slotId) != null) {
                throw new BookingRefusedException("meeting.error.already-requested"); // requested, not yet answered
            }
            if (!overLimit) {
                int limit = limits.limit();
                Map<Long, Integer> active = limits.active(List.of(requesterId, partnerId));
                for (long company : List.of(requesterId, partnerId)) {
                    if (active.getOrDefault(company, 0) >= limit) {
                        throw new BookingRefusedException("meeting.error.company-limit", companyName(company), limit);
                    }
                }
            }
            Set<Long> requesterDelegates = Set.of(firstDelegate(requesterId));
            Set<Long> partnerDelegates = Set.of(firstDelegate(partnerId));
            long table = freeTable(slot);
            long meetingId = insertMeeting(requesterId, partnerId, slotId, null, MeetingStatus.CONFIRMED, table);
            insertDelegates(meetingId, requesterId, requesterDelegates);
            insertDelegates(meetingId, partnerId, partnerDelegates);
            Set<Long> delegates = new LinkedHashSet<>(requesterDelegates);
            delegates.addAll(partnerDelegates);
            checkDelegatesFree(slot, delegates);
            occupy(meetingId, slot, table, requesterId, partnerId, delegates);
            events(meetingId, user, new Event(MeetingStatus.CONFIRMED, null));
            notifyBoth(meetingId, requesterId, partnerId, "notification.meeting.CONFIRMED");
            return meetingId;
        });
    }

    /** An organizer moves a confirmed meeting to another slot (it gets a free table there). */
    @PreAuthorize("hasRole('ORGANIZER')")
    public void move(long meetingId, long newSlotId) {
        ForumUser user = currentUser.require();
        retry.run(() -> {
            MeetingRow meeting = lockMeeting(meetingId);
            if (meeting.status() != MeetingStatus.CONFIRMED) {
                throw new BookingRefusedException("meeting.error.not-confirmed");
            }
            if (meeting.slotId() == newSlotId) {
                return null;
            }
            // a begun meeting's marks and outcomes belong to its time; a begun slot cannot be met in
            requireNotBegun(meeting);
            SlotRow slot = lockSlotAndCompanies(newSlotId, meeting.requesterId(), meeting.partnerId()).slot();
            future(slot);
            free(meetingId);
            Set<Long> delegates = delegatesOf(meetingId);
            checkBothFree(slot, meeting.requesterId(), meeting.partnerId());
            checkDelegatesFree(slot, delegates);
            if (activeMeeting(meeting.requesterId(), meeting.partnerId(), newSlotId) != null) {
                throw new BookingRefusedException("meeting.error.slot-taken"); // their request for that slot
            }
            if (meeting.standId() != null) {
                checkStand(slot, meeting.standId(), meeting.requesterId(), meeting.partnerId());
            }
            Long table = meeting.standId() == null ? freeTable(slot) : null;
            // updated_at: calendars show the moved meeting as changed (iCalendar LAST-MODIFIED)
            jdbc.update("update meeting set slot_id = :slot, table_id = :table, updated_at = :now where id = :id",
                    new MapSqlParameterSource("slot", newSlotId).addValue("table", table).addValue("id", meetingId)
                            .addValue("now", Timestamp.from(clock.instant())));
            occupy(meetingId, slot, table, meeting.standId(), meeting.requesterId(), meeting.partnerId(), delegates);
            String line = descriptions.describe(meetingId);
            events(meetingId, user, new Event(MeetingStatus.CONFIRMED, line));
            notifications.notifyCompanies(List.of(meeting.requesterId(), meeting.partnerId()),
                    "notification.meeting.MOVED", line);
            return null;
        });
    }

    /**
     * Confirms the meetings of a schedule the organizers publish, all or none, in one transaction
     * (retried on deadlocks) that runs {@code guard} first: the caller locks and checks what it
     * publishes there, and marks it published. Each meeting is checked as a booking is, under the
     * same locks (its slot, then the companies) and with the same primary keys behind: both
     * companies approved, the slot ahead, neither company in another meeting at that time (in any
     * hall), the table free and in the slot's hall. Each company is represented by its first
     * delegate who attends no program item then. A request of the pair for that slot, still
     * unanswered, becomes the meeting; the pair's other open requests to each other (any slot,
     * either way) are settled by it: cancelled with the scheduled meeting named in their history,
     * and the requester told. Both companies are notified. The booking window does not apply.
     * <p>
     * The meeting limit does: counted under the companies' locks once everything is written, no
     * company may end above the limit unless it already was (an organizer's explicit override);
     * then nothing is published. The scheduler leaves out what exceeds the limit, so this refuses
     * only when a company's meetings changed while the schedule was being published.
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
            if (meeting.requesterId() == meeting.partnerId()) {
                throw new BookingRefusedException("meeting.error.same-company");
            }
        }
        return retry.run(() -> {
            guard.run();
            Map<Long, SlotRow> slots = lockSlots(scheduled.stream().map(ScheduledMeeting::slotId).toList());
            List<Long> companies = scheduled.stream().flatMap(m -> Stream.of(m.requesterId(), m.partnerId()))
                    .distinct().toList();
            Map<Long, String> status = lockCompanies(companies);
            int limit = limits.limit();
            Map<Long, Integer> before = limits.active(companies);
            List<Long> ids = new ArrayList<>();
            for (ScheduledMeeting meeting : scheduled) {
                ids.add(confirmScheduled(meeting, slots.get(meeting.slotId()), status, user));
            }
            Map<Long, Integer> after = limits.active(companies);
            for (long company : companies) {
                int now = after.getOrDefault(company, 0);
                if (now > limit && now > before.getOrDefault(company, 0)) {
                    throw new BookingRefusedException("meeting.error.scheduled-limit", companyName(company), limit, now);
                }
            }
            return ids;
        });
    }

    private long confirmScheduled(ScheduledMeeting scheduled, SlotRow slot, Map<Long, String> status, ForumUser user) {
        long a = scheduled.requesterId();
        long b = scheduled.partnerId();
        if (slot == null || !slot.startsAt().isAfter(clock.instant()) || !isApproved(a, status) || !isApproved(b, status)
                || companyBusy(slot, a, b) || !tableFree(slot, scheduled.tableId())) {
            throw conflict(a, b);
        }
        Long pending = activeMeeting(a, b, slot.id());
        if (pending == null) {
            pending = activeMeeting(b, a, slot.id());
        }
        Set<Long> delegates = pending == null ? new LinkedHashSet<>() : delegatesOf(pending);
        Map<Long, Long> added = new HashMap<>();
        for (long company : List.of(a, b)) {
            if (!representedIn(company, delegates)) {
                Long delegate = firstFreeDelegate(company, slot);
                if (delegate == null && hasDelegates(company)) {
                    throw conflict(a, b);
                }
                if (delegate != null) {
                    added.put(company, delegate);
                    delegates.add(delegate);
                }
            }
        }
        if (inProgram(slot, delegates)) {
            throw conflict(a, b);
        }
        long meetingId;
        if (pending == null) {
            meetingId = insertMeeting(a, b, slot.id(), null, MeetingStatus.CONFIRMED, scheduled.tableId());
        } else {
            meetingId = pending;
            jdbc.update("update meeting set status = 'CONFIRMED', table_id = :table, updated_at = :now where id = :id",
                    new MapSqlParameterSource("table", scheduled.tableId())
                            .addValue("now", Timestamp.from(clock.instant())).addValue("id", meetingId));
        }
        added.forEach((company, delegate) -> insertDelegates(meetingId, company, Set.of(delegate)));
        occupy(meetingId, slot, scheduled.tableId(), a, b, delegates);
        events(meetingId, user, new Event(MeetingStatus.CONFIRMED, null));
        String line = descriptions.describe(meetingId);
        notifications.notifyCompanies(List.of(a, b), "notification.meeting.SCHEDULED", line);
        settlePair(meetingId, a, b, line, user);
        return meetingId;
    }

    /**
     * The pair's other open requests to each other give way to their scheduled meeting: a company
     * never keeps asking a partner for a time while a confirmed meeting with it stands. They are
     * cancelled, their history names the meeting, and the company that asked is told.
     */
    private void settlePair(long meetingId, long a, long b, String line, ForumUser user) {
        List<MeetingRow> open = jdbc.query("""
                select id, requester_company_id, partner_company_id, slot_id, status from meeting
                where ((requester_company_id = :a and partner_company_id = :b)
                    or (requester_company_id = :b and partner_company_id = :a))
                  and status = 'REQUESTED' and id <> :meeting
                order by id for update""",
                new MapSqlParameterSource("a", a).addValue("b", b).addValue("meeting", meetingId),
                (rs, i) -> new MeetingRow(rs.getLong("id"), rs.getLong("requester_company_id"),
                        rs.getLong("partner_company_id"), rs.getLong("slot_id"),
                        MeetingStatus.valueOf(rs.getString("status"))));
        for (MeetingRow request : open) {
            setStatus(request.id(), MeetingStatus.CANCELLED);
            events(request.id(), user, new Event(MeetingStatus.CANCELLED, line));
            notifications.notifyCompany(request.requesterId(), "notification.meeting.SETTLED",
                    descriptions.describe(request.id()));
        }
    }

    private String companyName(long companyId) {
        return jdbc.queryForObject("select short_name from company where id = :c",
                new MapSqlParameterSource("c", companyId), String.class);
    }

    private BookingRefusedException conflict(long a, long b) {
        List<String> names = jdbc.queryForList("select short_name from company where id in (:a, :b) order by id = :b",
                new MapSqlParameterSource("a", a).addValue("b", b), String.class);
        return new BookingRefusedException("meeting.error.scheduled-conflict", String.join(" — ", names));
    }

    private boolean companyBusy(SlotRow slot, long a, long b) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select" + BUSY,
                new MapSqlParameterSource("a", a).addValue("b", b).addValue("start", Timestamp.from(slot.startsAt()))
                        .addValue("end", Timestamp.from(slot.endsAt())), Boolean.class));
    }

    private boolean tableFree(SlotRow slot, long tableId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from meeting_table t where t.id = :table and t.hall_id = :hall)
                   and not exists (select 1 from table_slot_booking b where b.slot_id = :slot and b.table_id = :table)""",
                new MapSqlParameterSource("table", tableId).addValue("hall", slot.hallId()).addValue("slot", slot.id()),
                Boolean.class));
    }

    private boolean representedIn(long companyId, Set<Long> delegates) {
        return !delegates.isEmpty() && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from delegate where company_id = :c and id in (:d))",
                new MapSqlParameterSource("c", companyId).addValue("d", delegates), Boolean.class));
    }

    /** The company's first delegate (in its order) who attends no program item during the slot. */
    private Long firstFreeDelegate(long companyId, SlotRow slot) {
        return jdbc.queryForList("""
                select d.id from delegate d
                where d.company_id = :c
                  and not exists (select 1 from program_item p join program_item_attendee a on a.program_item_id = p.id
                                  where a.delegate_id = d.id and p.starts_at < :end and p.ends_at > :start)
                order by d.sort_order limit 1""",
                new MapSqlParameterSource("c", companyId).addValue("start", Timestamp.from(slot.startsAt()))
                        .addValue("end", Timestamp.from(slot.endsAt())), Long.class).stream().findFirst().orElse(null);
    }

    private boolean hasDelegates(long companyId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from delegate where company_id = :c)",
                new MapSqlParameterSource("c", companyId), Boolean.class));
    }

    private boolean inProgram(SlotRow slot, Set<Long> delegates) {
        try {
            checkDelegatesFree(slot, delegates);
            return false;
        } catch (BookingRefusedException e) {
            return true;
        }
    }

    // ---------------------------------------------------------------- the invariants at work

    /**
     * Takes the slot for both companies, the meeting's delegates and the table. The checks under
     * the locks have found them free; should a primary key still refuse a row, another writer got
     * there first and the whole step is tried again from scratch.
     */
    private void occupy(long meetingId, SlotRow slot, long tableId, long companyA, long companyB,
            Set<Long> delegates) {
        occupy(meetingId, slot, tableId, null, companyA, companyB, delegates);
    }

    /** As {@link #occupy} at a table, or at a fair stand when {@code standId} is given (then no table). */
    private void occupy(long meetingId, SlotRow slot, Long tableId, Long standId, long companyA, long companyB,
            Set<Long> delegates) {
        MapSqlParameterSource params = new MapSqlParameterSource("slot", slot.id()).addValue("hall", slot.hallId())
                .addValue("start", Timestamp.from(slot.startsAt())).addValue("stand", standId)
                .addValue("table", tableId).addValue("meeting", meetingId).addValue("a", companyA).addValue("b", companyB);
        StringBuilder delegateRows = new StringBuilder();
        int i = 0;
        for (long delegate : delegates) {
            delegateRows.append(i == 0 ? "" : ", ").append("(:start, :slot, :d").append(i).append(", :meeting)");
            params.addValue("d" + i++, delegate);
        }
        try {
            jdbc.update("""
                    insert into company_slot_booking (starts_at, slot_id, company_id, meeting_id)
                    values (:start, :slot, :a, :meeting), (:start, :slot, :b, :meeting)""", params);
            if (!delegates.isEmpty()) {
                jdbc.update("insert into delegate_slot_booking (starts_at, slot_id, delegate_id, meeting_id) values "
                        + delegateRows, params);
            }
            if (standId != null) {
                jdbc.update("insert into stand_slot_booking (starts_at, slot_id, stand_id, meeting_id) values (:start, :slot, :stand, :meeting)",
                        params);
            } else {
                jdbc.update("insert into table_slot_booking (slot_id, table_id, hall_id, meeting_id) values (:slot, :table, :hall, :meeting)",
                        params);
            }
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyFailureException("Lost a race for slot " + slot.id(), e);
        }
    }

    /** The first free table of the slot's hall; exact, as the caller holds the slot's lock. */
    private long freeTable(SlotRow slot) {
        return jdbc.queryForList("""
                select t.id from meeting_table t
                where t.hall_id = :hall
                  and not exists (select 1 from table_slot_booking b where b.slot_id = :slot and b.table_id = t.id)
                order by t.number limit 1""", new MapSqlParameterSource("slot", slot.id()).addValue("hall", slot.hallId()),
                Long.class).stream().findFirst().orElseThrow(() -> new BookingRefusedException("meeting.error.no-table"));
    }

    private void free(long meetingId) {
        MapSqlParameterSource params = new MapSqlParameterSource("meeting", meetingId);
        jdbc.update("delete from company_slot_booking where meeting_id = :meeting", params);
        jdbc.update("delete from delegate_slot_booking where meeting_id = :meeting", params);
        jdbc.update("delete from table_slot_booking where meeting_id = :meeting", params);
        jdbc.update("delete from stand_slot_booking where meeting_id = :meeting", params);
        jdbc.update("update meeting set table_id = null where id = :meeting", params);
    }

    /**
     * SQL: whether one of {@code companies} has a confirmed meeting overlapping the time from
     * {@code start} to {@code end}, in any hall. Bookings keep their slot's start, so the index on
     * (company, start) is read only from the longest slot's length before {@code start}.
     */
    private static String busy(String companies, String start, String end) {
        return " exists (select 1 from company_slot_booking c join slot o on o.id = c.slot_id"
                + " where c.company_id in (%1$s) and c.starts_at < %3$s and c.starts_at > %2$s - interval %4$d minute"
                        .formatted(companies, start, end, ProgramService.MAX_SLOT_MINUTES)
                + " and o.ends_at > %s) ".formatted(start);
    }

    /**
     * Whether one of the two companies already has a confirmed meeting at the slot's time, as far
     * as the last commit shows (one statement in autocommit, no lock). Only a cancellation frees a
     * company again, so "taken" is true when read; "free" is checked again under the locks. Only
     * answers for two approved companies within the booking window, when the same request is not
     * there already, so the refusal is the one the transaction would give.
     * <p>
     * It looks for a meeting that starts with the slot (two lookups of the primary key): the
     * program keeps the slots of sessions at the same time identical in every hall, so that is the
     * meeting overlapping it; any other case is left to the exact check under the locks.
     */
    private boolean visiblyTaken(long me, long partnerId, long slotId) {
        return Boolean.TRUE.equals(jdbc.query("""
                select me.status = 'APPROVED' and partner.status = 'APPROVED' and not w.wishes_phase
                   and (w.opens_at is null or w.opens_at <= :now) and (w.closes_at is null or w.closes_at > :now)
                   and not exists (select 1 from meeting m where m.active_key = concat(:me, ':', :partner, ':', :slot))
                   and exists (select 1 from company_slot_booking c
                               where c.company_id in (:me, :partner) and c.starts_at = t.starts_at) taken
                from slot t join company me on me.id = :me join company partner on partner.id = :partner
                  join booking_settings w on w.id = 1
                where t.id = :slot""",
                new MapSqlParameterSource("me", me).addValue("partner", partnerId).addValue("slot", slotId)
                        .addValue("now", Timestamp.from(clock.instant())),
                rs -> rs.next() ? rs.getBoolean("taken") : Boolean.FALSE));
    }

    // ---------------------------------------------------------------- locks

    /** A meeting whose slot has begun stays as it is. */
    private void requireNotBegun(MeetingRow meeting) {
        Instant startsAt = jdbc.queryForObject("select starts_at from slot where id = :slot",
                new MapSqlParameterSource("slot", meeting.slotId()), Timestamp.class).toInstant();
        if (!startsAt.isAfter(clock.instant())) {
            throw new BookingRefusedException("meeting.error.begun");
        }
    }

    /** Meetings are booked ahead: a slot that has begun is refused. */
    private SlotRow future(SlotRow slot) {
        if (!slot.startsAt().isAfter(clock.instant())) {
            throw new BookingRefusedException("meeting.error.past-slot");
        }
        return slot;
    }

    /**
     * Locks the slot (bookings of one slot take turns), then both companies in id order (so two
     * bookings never wait for each other in a circle), in one statement, and returns the slot and
     * the companies' registration status as it is now.
     */
    private Locked lockSlotAndCompanies(long slotId, long a, long b) {
        Map<Long, String> status = new HashMap<>();
        SlotRow[] slot = new SlotRow[1];
        jdbc.query("""
                select s.id, s.hall_id, s.starts_at, s.ends_at, c.id company_id, c.status
                from slot s join company c on c.id in (:a, :b)
                where s.id = :slot order by c.id for update""",
                new MapSqlParameterSource("slot", slotId).addValue("a", a).addValue("b", b),
                rs -> {
                    slot[0] = new SlotRow(rs.getLong("id"), rs.getLong("hall_id"),
                            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant());
                    status.put(rs.getLong("company_id"), rs.getString("status"));
                });
        if (slot[0] == null) {
            throw new BookingRefusedException("meeting.error.no-slot");
        }
        return new Locked(slot[0], status);
    }

    private record Locked(SlotRow slot, Map<Long, String> status) {
    }

    /**
     * Locks companies in id order, as {@link #lockSlotAndCompanies} does, and returns their
     * registration status as it is now.
     */
    private Map<Long, String> lockCompanies(Collection<Long> ids) {
        Map<Long, String> status = new HashMap<>();
        if (ids.isEmpty()) {
            return status;
        }
        jdbc.query("select id, status from company where id in (:ids) order by id for update",
                new MapSqlParameterSource("ids", Set.copyOf(ids)),
                rs -> {
                    status.put(rs.getLong("id"), rs.getString("status"));
                });
        return status;
    }

    /** Locks several slots, in id order, as {@link #lockSlot} locks one. */
    private Map<Long, SlotRow> lockSlots(Collection<Long> ids) {
        Map<Long, SlotRow> slots = new HashMap<>();
        if (ids.isEmpty()) {
            return slots;
        }
        jdbc.query("select id, hall_id, starts_at, ends_at from slot where id in (:ids) order by id for update",
                new MapSqlParameterSource("ids", Set.copyOf(ids)),
                rs -> {
                    slots.put(rs.getLong("id"), new SlotRow(rs.getLong("id"), rs.getLong("hall_id"),
                            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant()));
                });
        return slots;
    }

    private static boolean isApproved(long companyId, Map<Long, String> status) {
        return RegistrationStatus.APPROVED.name().equals(status.get(companyId));
    }

    private static void requireApproved(long companyId, Map<Long, String> status) {
        if (!isApproved(companyId, status)) {
            throw new AccessDeniedException("Only an approved company can do this");
        }
    }

    private MeetingRow lockMeeting(long meetingId) {
        return jdbc.query("""
                select id, requester_company_id, partner_company_id, slot_id, status, stand_id from meeting
                where id = :id for update""", new MapSqlParameterSource("id", meetingId),
                (rs, i) -> new MeetingRow(rs.getLong("id"), rs.getLong("requester_company_id"),
                        rs.getLong("partner_company_id"), rs.getLong("slot_id"),
                        MeetingStatus.valueOf(rs.getString("status")), rs.getObject("stand_id", Long.class)))
                .stream().findFirst().orElseThrow(() -> new BookingRefusedException("meeting.error.not-found"));
    }

    // ---------------------------------------------------------------- checks

    /**
     * What a booking step checks, read in one statement once the locks are held: the booking
     * settings, how many of the delegates belong to their company, the pair's active meeting in
     * the slot, both companies' active meetings (for the limit), whether either company has a
     * meeting at that time, whether a delegate attends a program item then, and the first free
     * table. The step decides in the order the user should hear the reasons.
     */
    private record Situation(BookingSettings settings, int ownDelegates, Long existing, int activeOfA, int activeOfB,
            boolean busy, boolean inProgram, Long freeTable, Integer freeTableNumber, String requesterName,
            String partnerName, String hallName) {

        void requireOwnDelegates(Set<Long> delegates) {
            if (ownDelegates != delegates.size()) {
                throw new AccessDeniedException("Not your delegates");
            }
        }

        void checkLimit(int active) {
            if (active >= settings.meetingLimit()) {
                throw new BookingRefusedException("meeting.error.limit", settings.meetingLimit());
            }
        }

        /** With instant booking: the partner (b) has room for the meeting too. */
        void checkPartnerLimit() {
            if (activeOfB >= settings.meetingLimit()) {
                throw new BookingRefusedException("meeting.error.company-limit-reached", partnerName,
                        settings.meetingLimit());
            }
        }

        /** Both companies free at that time (in any hall), the delegates at no program item. */
        void checkFree() {
            if (busy) {
                throw new BookingRefusedException("meeting.error.slot-taken");
            }
            if (inProgram) {
                throw new BookingRefusedException("meeting.error.delegate-in-program");
            }
        }

        long requireTable() {
            if (freeTable == null) {
                throw new BookingRefusedException("meeting.error.no-table");
            }
            return freeTable;
        }

        /** The meeting in one line for the notifications, at the free table if {@code atTable}. */
        String describe(MeetingDescriptions descriptions, SlotRow slot, boolean atTable) {
            return descriptions.line(slot.startsAt(), requesterName, partnerName, hallName,
                    atTable ? freeTableNumber : null);
        }
    }

    /**
     * The situation of a meeting between requester {@code a} and partner {@code b} in the slot,
     * attended by {@code delegates} of company {@code owner}. Exact only under the slot's and the
     * companies' locks.
     */
    private Situation situation(SlotRow slot, long a, long b, long owner, Set<Long> delegates) {
        return jdbc.queryForObject("""
                select w.opens_at, w.closes_at, w.meeting_limit, w.instant_booking, w.wishes_phase,
                  (select count(*) from delegate where id in (:delegates) and company_id = :owner) own_delegates,
                  (select id from meeting where active_key = concat(:a, ':', :b, ':', :slot)) existing,
                 """ + MeetingLimits.activeOf(":a") + " active_a, " + MeetingLimits.activeOf(":b") + " active_b,"
                + BUSY + """
                  busy,
                  exists (select 1 from program_item p join program_item_attendee pa on pa.program_item_id = p.id
                          where pa.delegate_id in (:delegates) and p.starts_at < :end and p.ends_at > :start) in_program,
                  (select short_name from company where id = :a) a_name,
                  (select short_name from company where id = :b) b_name,
                  (select name from hall where id = :hall) hall_name,
                  ft.id free_table, ft.number free_table_number
                from booking_settings w
                  left join (select t.id, t.number from meeting_table t
                             where t.hall_id = :hall
                               and not exists (select 1 from table_slot_booking tb where tb.slot_id = :slot and tb.table_id = t.id)
                             order by t.number limit 1) ft on true
                where w.id = 1""",
                new MapSqlParameterSource("a", a).addValue("b", b).addValue("owner", owner)
                        .addValue("delegates", delegates.isEmpty() ? List.of(-1L) : delegates)
                        .addValue("slot", slot.id()).addValue("hall", slot.hallId())
                        .addValue("start", Timestamp.from(slot.startsAt())).addValue("end", Timestamp.from(slot.endsAt())),
                (rs, i) -> new Situation(
                        new BookingSettings(instant(rs.getTimestamp("opens_at")), instant(rs.getTimestamp("closes_at")),
                                rs.getInt("meeting_limit"), rs.getBoolean("instant_booking"),
                                rs.getBoolean("wishes_phase")),
                        rs.getInt("own_delegates"), rs.getObject("existing", Long.class), rs.getInt("active_a"),
                        rs.getInt("active_b"), rs.getBoolean("busy"), rs.getBoolean("in_program"),
                        rs.getObject("free_table", Long.class), rs.getObject("free_table_number", Integer.class),
                        rs.getString("a_name"), rs.getString("b_name"), rs.getString("hall_name")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * Neither company has a confirmed meeting at that time: in this slot, or in a slot of another
     * hall that overlaps it.
     */
    private void checkBothFree(SlotRow slot, long a, long b) {
        if (companyBusy(slot, a, b)) {
            throw new BookingRefusedException("meeting.error.slot-taken");
        }
    }

    private void checkDelegatesFree(SlotRow slot, Set<Long> delegates) {
        if (delegates.isEmpty()) {
            return;
        }
        Integer inProgram = jdbc.queryForObject("""
                select count(*) from program_item p join program_item_attendee a on a.program_item_id = p.id
                where a.delegate_id in (:delegates) and p.starts_at < :end and p.ends_at > :start""",
                new MapSqlParameterSource("delegates", delegates).addValue("start", Timestamp.from(slot.startsAt()))
                        .addValue("end", Timestamp.from(slot.endsAt())), Integer.class);
        if (inProgram != null && inProgram > 0) {
            throw new BookingRefusedException("meeting.error.delegate-in-program");
        }
    }

    private static Set<Long> chosen(Collection<Long> delegateIds) {
        if (delegateIds == null || delegateIds.isEmpty()) {
            throw new BookingRefusedException("meeting.error.no-delegates");
        }
        return new LinkedHashSet<>(delegateIds);
    }

    private long firstDelegate(long companyId) {
        return jdbc.queryForObject("select id from delegate where company_id = :c order by sort_order limit 1",
                new MapSqlParameterSource("c", companyId), Long.class);
    }

    private Set<Long> delegatesOf(long meetingId) {
        return new LinkedHashSet<>(jdbc.queryForList("select delegate_id from meeting_delegate where meeting_id = :id",
                new MapSqlParameterSource("id", meetingId), Long.class));
    }

    private static boolean involves(MeetingView meeting, Long companyId) {
        return companyId != null && (meeting.requesterId() == companyId || meeting.partnerId() == companyId);
    }

    private boolean attends(long meetingId, long delegateId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from meeting_delegate where meeting_id = :m and delegate_id = :d)",
                new MapSqlParameterSource("m", meetingId).addValue("d", delegateId), Boolean.class));
    }

    private String contactsOf(long companyId) {
        return jdbc.queryForObject("select concat(contact_person, ' · ', email, ' · ', phone) from company where id = :c",
                new MapSqlParameterSource("c", companyId), String.class);
    }

    // ---------------------------------------------------------------- meetings at fair stands

    /**
     * The stand belongs to one of the two companies (whose locks the caller holds, so it stays
     * theirs meanwhile) and hosts no confirmed meeting overlapping the slot.
     */
    private void checkStand(SlotRow slot, long standId, long a, long b) {
        Boolean theirs = jdbc.queryForObject("""
                select exists (select 1 from fair_stand_assignment where stand_id = :stand and company_id in (:a, :b))""",
                new MapSqlParameterSource("stand", standId).addValue("a", a).addValue("b", b), Boolean.class);
        if (!Boolean.TRUE.equals(theirs)) {
            throw new BookingRefusedException("meeting.error.stand-not-theirs");
        }
        Boolean busy = jdbc.queryForObject("""
                select exists (select 1 from stand_slot_booking sb join slot o on o.id = sb.slot_id
                               where sb.stand_id = :stand and sb.starts_at < :end and o.ends_at > :start)""",
                new MapSqlParameterSource("stand", standId).addValue("start", Timestamp.from(slot.startsAt()))
                        .addValue("end", Timestamp.from(slot.endsAt())), Boolean.class);
        if (Boolean.TRUE.equals(busy)) {
            throw new BookingRefusedException("meeting.error.stand-taken");
        }
    }

    /** The fair stands a meeting with {@code partnerId} can take place at: the partner's first, then one's own. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<StandPlace> standsWith(long partnerId) {
        long me = currentUser.requireCompanyId();
        return jdbc.query("""
                select s.id, s.number, c.id company_id, c.short_name from fair_stand_assignment a
                join fair_stand s on s.id = a.stand_id join company c on c.id = a.company_id
                where a.company_id in (:me, :partner) order by a.company_id = :me""",
                new MapSqlParameterSource("me", me).addValue("partner", partnerId),
                (rs, i) -> new StandPlace(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
    }

    /**
     * Future times at which the logged-in company and {@code partnerId} are both free, the chosen
     * delegates attend no program item and the stand hosts no meeting: one slot per start time
     * (parallel halls share their slot times; a meeting at a stand needs no table).
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<SlotOption> freeStandSlotsWith(long partnerId, long standId, Collection<Long> delegateIds) {
        long me = access.requireApprovedCompany();
        List<Long> delegates = delegateIds.isEmpty() ? List.of(-1L) : List.copyOf(delegateIds);
        return jdbc.query("""
                select s.id, n.name session_name, h.name hall_name, s.starts_at, s.ends_at
                from slot s join negotiation_session n on n.id = s.session_id join hall h on h.id = s.hall_id
                where s.id in (select min(x.id) from slot x where x.starts_at > :now group by x.starts_at)
                  and not""" + busy(":me, :partner", "s.starts_at", "s.ends_at") + """
                  and not exists (select 1 from delegate_slot_booking d where d.starts_at = s.starts_at and d.delegate_id in (:delegates))
                  and not exists (select 1 from program_item p join program_item_attendee a on a.program_item_id = p.id
                                  where a.delegate_id in (:delegates) and p.starts_at < s.ends_at and p.ends_at > s.starts_at)
                  and not exists (select 1 from stand_slot_booking sb where sb.stand_id = :stand and sb.starts_at = s.starts_at)
                order by s.starts_at""",
                new MapSqlParameterSource("me", me).addValue("partner", partnerId).addValue("delegates", delegates)
                        .addValue("stand", standId).addValue("now", Timestamp.from(clock.instant())),
                (rs, i) -> new SlotOption(rs.getLong("id"), rs.getString("session_name"), rs.getString("hall_name"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), 1));
    }

    // ---------------------------------------------------------------- rows

    private record SlotRow(long id, long hallId, Instant startsAt, Instant endsAt) {
    }

    /** A meeting's row; {@code standId} is set for a meeting at a fair stand. */
    private record MeetingRow(long id, long requesterId, long partnerId, long slotId, MeetingStatus status,
            Long standId) {

        MeetingRow(long id, long requesterId, long partnerId, long slotId, MeetingStatus status) {
            this(id, requesterId, partnerId, slotId, status, null);
        }
    }

    private record Event(MeetingStatus status, String comment) {
    }

    private Long activeMeeting(long requester, long partner, long slotId) {
        return jdbc.queryForList("""
                select id from meeting where active_key = concat(:r, ':', :p, ':', :s)""",
                new MapSqlParameterSource("r", requester).addValue("p", partner).addValue("s", slotId), Long.class)
                .stream().findFirst().orElse(null);
    }

    private long insertMeeting(long requester, long partner, long slotId, String message, MeetingStatus status,
            Long tableId) {
        return insertMeeting(requester, partner, slotId, message, status, tableId, null);
    }

    private long insertMeeting(long requester, long partner, long slotId, String message, MeetingStatus status,
            Long tableId, Long standId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("""
                    insert into meeting (requester_company_id, partner_company_id, slot_id, status, table_id, stand_id,
                        message, created_at, updated_at)
                    values (:r, :p, :s, :status, :table, :stand, :message, :now, :now)""",
                    new MapSqlParameterSource("r", requester).addValue("p", partner).addValue("s", slotId)
                            .addValue("status", status.name()).addValue("table", tableId).addValue("stand", standId)
                            .addValue("message", message).addValue("now", now), keys, new String[] {"id"});
        } catch (DuplicateKeyException e) {
            // cannot happen while the companies are locked; if it does, start again and find that request
            throw new ConcurrencyFailureException("The same meeting was requested at the same moment", e);
        }
        return keys.getKey().longValue();
    }

    private void insertDelegates(long meetingId, long companyId, Set<Long> delegates) {
        if (delegates.isEmpty()) {
            return;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("m", meetingId).addValue("c", companyId);
        StringBuilder rows = new StringBuilder();
        int i = 0;
        for (long delegate : delegates) {
            rows.append(i == 0 ? "" : ", ").append("(:m, :d").append(i).append(", :c)");
            params.addValue("d" + i++, delegate);
        }
        jdbc.update("insert ignore into meeting_delegate (meeting_id, delegate_id, company_id) values " + rows, params);
    }

    private void setStatus(long meetingId, MeetingStatus status) {
        jdbc.update("update meeting set status = :status, updated_at = :now where id = :id",
                new MapSqlParameterSource("status", status.name()).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("id", meetingId));
    }

    /** Writes the meeting's history, one row per step, in one statement. */
    private void events(long meetingId, ForumUser actor, Event... events) {
        Timestamp now = Timestamp.from(clock.instant());
        StringBuilder sql = new StringBuilder(
                "insert into meeting_event (meeting_id, status, comment, actor_id, actor_name, occurred_at) values ");
        MapSqlParameterSource params = new MapSqlParameterSource("m", meetingId).addValue("actor", actor.id())
                .addValue("name", actor.email()).addValue("now", now);
        for (int i = 0; i < events.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("(:m, :status").append(i).append(", :comment").append(i)
                    .append(", :actor, :name, :now)");
            params.addValue("status" + i, events[i].status().name()).addValue("comment" + i, events[i].comment());
        }
        jdbc.update(sql.toString(), params);
    }

    private void notifyBoth(long meetingId, long companyA, long companyB, String key) {
        notifications.notifyCompanies(List.of(companyA, companyB), key, descriptions.describe(meetingId));
    }

    private static String trimmed(String text) {
        String value = Texts.multiLine(text);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return value.length() > MAX_MESSAGE ? value.substring(0, MAX_MESSAGE) : value;
    }

    private List<MeetingView> meetings(String where, MapSqlParameterSource params) {
        List<MeetingView> meetings = jdbc.query("""
                select m.id, m.requester_company_id, a.short_name requester_name, m.partner_company_id,
                       b.short_name partner_name, m.status, m.slot_id, s.session_id, s.starts_at, s.ends_at,
                       h.name hall_name, t.number table_number, st.number stand_number, m.message, m.response,
                       (select group_concat(d.full_name order by d.sort_order separator '|') from meeting_delegate md
                          join delegate d on d.id = md.delegate_id where md.meeting_id = m.id) delegates
                from meeting m
                join company a on a.id = m.requester_company_id
                join company b on b.id = m.partner_company_id
                join slot s on s.id = m.slot_id
                join hall h on h.id = s.hall_id
                left join meeting_table t on t.id = m.table_id
                left join fair_stand st on st.id = m.stand_id
                """ + where + " order by s.starts_at, m.id", params, MeetingService::meetingView);
        return meetings;
    }

    private static MeetingView meetingView(ResultSet rs, int row) throws SQLException {
        String delegates = rs.getString("delegates");
        Integer table = rs.getObject("table_number", Integer.class);
        return new MeetingView(rs.getLong("id"), rs.getLong("requester_company_id"), rs.getString("requester_name"),
                rs.getLong("partner_company_id"), rs.getString("partner_name"),
                MeetingStatus.valueOf(rs.getString("status")), rs.getLong("slot_id"), rs.getLong("session_id"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getString("hall_name"), table, rs.getString("message"),
                rs.getString("response"),
                delegates == null ? List.of() : Arrays.stream(delegates.split("\\|")).collect(Collectors.toList()),
                rs.getString("stand_number"));
    }
}
