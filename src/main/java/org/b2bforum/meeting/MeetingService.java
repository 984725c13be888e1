package org.b2bforum.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.ForumAccess;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.ProgramItem;
import org.b2bforum.program.ProgramService;
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
 * meeting per slot (the primary keys of the *_slot_booking tables; companies and delegates by the
 * slot's start time, so also across halls). Each step runs in its own
 * transaction, retried on deadlocks, so the write methods are not {@code @Transactional}
 * themselves; whoever loses a race is told "this slot was just taken".
 */
@Service
public class MeetingService {

    private static final int MAX_TABLE_TRIES = 20;
    private static final int MAX_MESSAGE = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionRetry retry;
    private final ForumAccess access;
    private final CurrentUser currentUser;
    private final ProgramService program;
    private final NotificationService notifications;
    private final MeetingDescriptions descriptions;
    private final Clock clock;

    MeetingService(NamedParameterJdbcTemplate jdbc, TransactionRetry retry, ForumAccess access,
            CurrentUser currentUser, ProgramService program, NotificationService notifications,
            MeetingDescriptions descriptions, Clock clock) {
        this.jdbc = jdbc;
        this.retry = retry;
        this.access = access;
        this.currentUser = currentUser;
        this.program = program;
        this.notifications = notifications;
        this.descriptions = descriptions;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    /** The logged-in company's delegates, to choose who attends. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<DelegateChoice> myDelegates() {
        return jdbc.query("select id, full_name, position from delegate where company_id = :c order by sort_order",
                new MapSqlParameterSource("c", currentUser.requireCompanyId()),
                (rs, i) -> new DelegateChoice(rs.getLong("id"), rs.getString("full_name"), rs.getString("position")));
    }

    /**
     * Future slots in which the logged-in company and {@code partnerId} are both free, the chosen
     * delegates attend no program item, and a table is left.
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
                  and not exists (select 1 from company_slot_booking c where c.starts_at = s.starts_at and c.company_id in (:me, :partner))
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

    /** The logged-in company's meetings and requests, in time order. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<MeetingView> myMeetings() {
        long me = currentUser.requireCompanyId();
        return meetings("where (m.requester_company_id = :c or m.partner_company_id = :c)", new MapSqlParameterSource("c", me));
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
        long me = currentUser.requireCompanyId();
        List<Long> delegates = myDelegates().stream().map(DelegateChoice::id)
                .filter(id -> delegateId == null || id.equals(delegateId)).toList();
        List<AgendaEntry> entries = new ArrayList<>();
        for (MeetingView m : myMeetings()) {
            if (m.status() != MeetingStatus.REQUESTED && m.status() != MeetingStatus.CONFIRMED) {
                continue;
            }
            if (delegateId != null && !attends(m.id(), delegateId)) {
                continue;
            }
            String contacts = m.status() == MeetingStatus.CONFIRMED ? contactsOf(m.counterpartId(me)) : null;
            entries.add(new AgendaEntry(m.startsAt(), m.endsAt(), AgendaEntry.Kind.MEETING, m.id(),
                    m.counterpartName(me), m.hallName(), m.tableNumber(), m.status(), m.delegates(), contacts));
        }
        for (ProgramItem item : program.itemsAttendedBy(delegates)) {
            entries.add(new AgendaEntry(item.startsAt(), item.endsAt(), AgendaEntry.Kind.PROGRAM, null, item.title(),
                    item.place(), null, null, List.of(), null));
        }
        entries.sort((a, b) -> a.startsAt().compareTo(b.startsAt()));
        return entries;
    }

    // ---------------------------------------------------------------- booking

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
        long me = access.requireApprovedCompany();
        ForumUser user = currentUser.require();
        if (partnerId == me) {
            throw new BookingRefusedException("meeting.error.self");
        }
        if (!access.isApproved(partnerId)) {
            throw new BookingRefusedException("meeting.error.partner-unavailable");
        }
        BookingSettings settings = program.bookingSettings();
        if (!settings.isOpenAt(clock.instant())) {
            throw new BookingRefusedException("meeting.error.window-closed");
        }
        Set<Long> delegates = checkOwnDelegates(me, delegateIds);
        String text = trimmed(message);
        return retry.run(() -> {
            Long existing = activeMeeting(me, partnerId, slotId);
            if (existing != null) {
                return existing;
            }
            checkLimit(me, settings.meetingLimit());
            SlotRow slot = futureSlot(slotId);
            checkBothFree(slot, me, partnerId);
            checkDelegatesFree(slot, delegates);
            long meetingId;
            try {
                meetingId = insertMeeting(me, partnerId, slotId, text);
            } catch (DuplicateKeyException e) {
                return activeMeeting(me, partnerId, slotId); // a double click: the first request stands
            }
            insertDelegates(meetingId, me, delegates);
            event(meetingId, MeetingStatus.REQUESTED, text, user);
            if (settings.instantBooking()) {
                checkLimit(partnerId, settings.meetingLimit());
                occupy(meetingId, slot, me, partnerId);
                setStatus(meetingId, MeetingStatus.CONFIRMED);
                event(meetingId, MeetingStatus.CONFIRMED, null, user);
                notifyBoth(meetingId, "notification.meeting.CONFIRMED");
            } else {
                notifications.notifyCompany(partnerId, "notification.meeting.REQUESTED", descriptions.describe(meetingId));
            }
            return meetingId;
        });
    }

    /**
     * The requested company accepts: the meeting is confirmed with a free table of the session.
     * {@code delegateIds} are who attends from the accepting company (its first delegate if empty).
     */
    @PreAuthorize("hasRole('COMPANY')")
    public void accept(long meetingId, Collection<Long> delegateIds, String response) {
        long me = access.requireApprovedCompany();
        ForumUser user = currentUser.require();
        BookingSettings settings = program.bookingSettings();
        Set<Long> delegates = delegateIds == null || delegateIds.isEmpty()
                ? Set.of(firstDelegate(me)) : checkOwnDelegates(me, delegateIds);
        String text = trimmed(response);
        retry.run(() -> {
            MeetingRow meeting = lockMeeting(meetingId);
            if (meeting.partnerId() != me) {
                throw new AccessDeniedException("Not a request to your company");
            }
            if (meeting.status() == MeetingStatus.CONFIRMED) {
                return null; // a double click
            }
            if (meeting.status() != MeetingStatus.REQUESTED) {
                throw new BookingRefusedException("meeting.error.not-requested");
            }
            if (!settings.isOpenAt(clock.instant())) {
                throw new BookingRefusedException("meeting.error.window-closed");
            }
            checkLimit(me, settings.meetingLimit());
            SlotRow slot = futureSlot(meeting.slotId());
            insertDelegates(meetingId, me, delegates);
            // the requester's delegates may have signed up for a program item since the request
            checkDelegatesFree(slot, delegatesOf(meetingId));
            occupy(meetingId, slot, meeting.requesterId(), me);
            jdbc.update("update meeting set response = :response where id = :id",
                    new MapSqlParameterSource("response", text).addValue("id", meetingId));
            setStatus(meetingId, MeetingStatus.CONFIRMED);
            event(meetingId, MeetingStatus.CONFIRMED, text, user);
            notifyBoth(meetingId, "notification.meeting.CONFIRMED");
            return null;
        });
    }

    /** The requested company declines, with an optional message. */
    @PreAuthorize("hasRole('COMPANY')")
    public void decline(long meetingId, String response) {
        long me = currentUser.requireCompanyId();
        ForumUser user = currentUser.require();
        String text = trimmed(response);
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
            event(meetingId, MeetingStatus.DECLINED, text, user);
            notifications.notifyCompany(meeting.requesterId(), "notification.meeting.DECLINED",
                    descriptions.describe(meetingId));
            return null;
        });
    }

    /**
     * Cancels a requested or confirmed meeting: either of its companies, or an organizer. Its
     * slot, table and people are free again at once.
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
            free(meetingId);
            setStatus(meetingId, MeetingStatus.CANCELLED);
            event(meetingId, MeetingStatus.CANCELLED, text, user);
            notifyBoth(meetingId, "notification.meeting.CANCELLED");
            return null;
        });
    }

    /**
     * An organizer books a confirmed meeting directly, also outside the booking window and over
     * the limit (the override).
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    public long bookAsOrganizer(long requesterId, long partnerId, long slotId) {
        ForumUser user = currentUser.require();
        if (requesterId == partnerId) {
            throw new BookingRefusedException("meeting.error.same-company");
        }
        if (!access.isApproved(requesterId) || !access.isApproved(partnerId)) {
            throw new BookingRefusedException("meeting.error.partner-unavailable");
        }
        return retry.run(() -> {
            SlotRow slot = slotRow(slotId);
            checkBothFree(slot, requesterId, partnerId);
            long meetingId;
            try {
                meetingId = insertMeeting(requesterId, partnerId, slotId, null);
            } catch (DuplicateKeyException e) {
                throw new BookingRefusedException("meeting.error.already-requested");
            }
            insertDelegates(meetingId, requesterId, Set.of(firstDelegate(requesterId)));
            insertDelegates(meetingId, partnerId, Set.of(firstDelegate(partnerId)));
            checkDelegatesFree(slot, delegatesOf(meetingId));
            occupy(meetingId, slot, requesterId, partnerId);
            setStatus(meetingId, MeetingStatus.CONFIRMED);
            event(meetingId, MeetingStatus.CONFIRMED, null, user);
            notifyBoth(meetingId, "notification.meeting.CONFIRMED");
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
            free(meetingId);
            jdbc.update("update meeting set slot_id = :slot where id = :id",
                    new MapSqlParameterSource("slot", newSlotId).addValue("id", meetingId));
            SlotRow slot = slotRow(newSlotId);
            checkBothFree(slot, meeting.requesterId(), meeting.partnerId());
            checkDelegatesFree(slot, delegatesOf(meetingId));
            occupy(meetingId, slot, meeting.requesterId(), meeting.partnerId());
            event(meetingId, MeetingStatus.CONFIRMED, descriptions.describe(meetingId), user);
            notifyBoth(meetingId, "notification.meeting.MOVED");
            return null;
        });
    }

    // ---------------------------------------------------------------- the invariants at work

    /**
     * Takes the slot for both companies and the meeting's delegates, and the first free table of
     * the slot's hall. The primary keys refuse a second booking; a table taken by a concurrent
     * booking makes us try the next one.
     */
    private void occupy(long meetingId, SlotRow slot, long companyA, long companyB) {
        try {
            Timestamp startsAt = Timestamp.from(slot.startsAt());
            jdbc.batchUpdate("""
                    insert into company_slot_booking (starts_at, slot_id, company_id, meeting_id)
                    values (:start, :slot, :company, :meeting)""",
                    new MapSqlParameterSource[] {
                        new MapSqlParameterSource("start", startsAt).addValue("slot", slot.id()).addValue("company", companyA)
                                .addValue("meeting", meetingId),
                        new MapSqlParameterSource("start", startsAt).addValue("slot", slot.id()).addValue("company", companyB)
                                .addValue("meeting", meetingId)});
        } catch (DuplicateKeyException e) {
            throw new BookingRefusedException("meeting.error.slot-taken");
        }
        try {
            jdbc.update("""
                    insert into delegate_slot_booking (starts_at, slot_id, delegate_id, meeting_id)
                    select :start, :slot, delegate_id, meeting_id from meeting_delegate where meeting_id = :meeting""",
                    new MapSqlParameterSource("slot", slot.id()).addValue("meeting", meetingId)
                            .addValue("start", Timestamp.from(slot.startsAt())));
        } catch (DuplicateKeyException e) {
            throw new BookingRefusedException("meeting.error.delegate-busy");
        }
        MapSqlParameterSource params = new MapSqlParameterSource("slot", slot.id()).addValue("hall", slot.hallId())
                .addValue("meeting", meetingId);
        for (int attempt = 0; attempt < MAX_TABLE_TRIES; attempt++) {
            List<Long> free = jdbc.queryForList("""
                    select t.id from meeting_table t
                    where t.hall_id = :hall
                      and not exists (select 1 from table_slot_booking b where b.slot_id = :slot and b.table_id = t.id)
                    order by t.number limit 1""", params, Long.class);
            if (free.isEmpty()) {
                throw new BookingRefusedException("meeting.error.no-table");
            }
            try {
                jdbc.update("insert into table_slot_booking (slot_id, table_id, hall_id, meeting_id) values (:slot, :table, :hall, :meeting)",
                        params.addValue("table", free.getFirst()));
                jdbc.update("update meeting set table_id = :table where id = :meeting", params);
                return;
            } catch (DuplicateKeyException e) {
                // another booking took this table a moment ago: try the next free one
            }
        }
        throw new BookingRefusedException("meeting.error.slot-taken");
    }

    private void free(long meetingId) {
        MapSqlParameterSource params = new MapSqlParameterSource("meeting", meetingId);
        jdbc.update("delete from company_slot_booking where meeting_id = :meeting", params);
        jdbc.update("delete from delegate_slot_booking where meeting_id = :meeting", params);
        jdbc.update("delete from table_slot_booking where meeting_id = :meeting", params);
        jdbc.update("update meeting set table_id = null where id = :meeting", params);
    }

    // ---------------------------------------------------------------- checks

    private void checkLimit(long companyId, int limit) {
        Integer active = jdbc.queryForObject("""
                select count(*) from meeting where status = 'CONFIRMED' and (requester_company_id = :c or partner_company_id = :c)
                   or status = 'REQUESTED' and requester_company_id = :c""",
                new MapSqlParameterSource("c", companyId), Integer.class);
        if (active != null && active >= limit) {
            throw new BookingRefusedException("meeting.error.limit", limit);
        }
    }

    private void checkBothFree(SlotRow slot, long a, long b) {
        Integer busy = jdbc.queryForObject(
                "select count(*) from company_slot_booking where starts_at = :start and company_id in (:a, :b)",
                new MapSqlParameterSource("start", Timestamp.from(slot.startsAt())).addValue("a", a).addValue("b", b),
                Integer.class);
        if (busy != null && busy > 0) {
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

    private Set<Long> checkOwnDelegates(long companyId, Collection<Long> delegateIds) {
        if (delegateIds == null || delegateIds.isEmpty()) {
            throw new BookingRefusedException("meeting.error.no-delegates");
        }
        Set<Long> ids = new LinkedHashSet<>(delegateIds);
        Integer own = jdbc.queryForObject("select count(*) from delegate where id in (:ids) and company_id = :c",
                new MapSqlParameterSource("ids", ids).addValue("c", companyId), Integer.class);
        if (own == null || own != ids.size()) {
            throw new AccessDeniedException("Not your delegates");
        }
        return ids;
    }

    private long firstDelegate(long companyId) {
        return jdbc.queryForObject("select id from delegate where company_id = :c order by sort_order limit 1",
                new MapSqlParameterSource("c", companyId), Long.class);
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

    // ---------------------------------------------------------------- rows

    private record SlotRow(long id, long hallId, Instant startsAt, Instant endsAt) {
    }

    private record MeetingRow(long id, long requesterId, long partnerId, long slotId, MeetingStatus status) {
    }

    private SlotRow slotRow(long slotId) {
        return jdbc.query("select id, hall_id, starts_at, ends_at from slot where id = :id",
                new MapSqlParameterSource("id", slotId),
                (rs, i) -> new SlotRow(rs.getLong("id"), rs.getLong("hall_id"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant()))
                .stream().findFirst().orElseThrow(() -> new BookingRefusedException("meeting.error.no-slot"));
    }

    private SlotRow futureSlot(long slotId) {
        SlotRow slot = slotRow(slotId);
        if (!slot.startsAt().isAfter(clock.instant())) {
            throw new BookingRefusedException("meeting.error.past-slot");
        }
        return slot;
    }

    private Set<Long> delegatesOf(long meetingId) {
        return new LinkedHashSet<>(jdbc.queryForList("select delegate_id from meeting_delegate where meeting_id = :id",
                new MapSqlParameterSource("id", meetingId), Long.class));
    }

    private MeetingRow lockMeeting(long meetingId) {
        return jdbc.query("""
                select id, requester_company_id, partner_company_id, slot_id, status from meeting
                where id = :id for update""", new MapSqlParameterSource("id", meetingId),
                (rs, i) -> new MeetingRow(rs.getLong("id"), rs.getLong("requester_company_id"),
                        rs.getLong("partner_company_id"), rs.getLong("slot_id"),
                        MeetingStatus.valueOf(rs.getString("status"))))
                .stream().findFirst().orElseThrow(() -> new BookingRefusedException("meeting.error.not-found"));
    }

    private Long activeMeeting(long requester, long partner, long slotId) {
        return jdbc.queryForList("""
                select id from meeting where active_key = concat(:r, ':', :p, ':', :s)""",
                new MapSqlParameterSource("r", requester).addValue("p", partner).addValue("s", slotId), Long.class)
                .stream().findFirst().orElse(null);
    }

    private long insertMeeting(long requester, long partner, long slotId, String message) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into meeting (requester_company_id, partner_company_id, slot_id, status, message, created_at, updated_at)
                values (:r, :p, :s, 'REQUESTED', :message, :now, :now)""",
                new MapSqlParameterSource("r", requester).addValue("p", partner).addValue("s", slotId)
                        .addValue("message", message).addValue("now", now), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    private void insertDelegates(long meetingId, long companyId, Set<Long> delegates) {
        jdbc.batchUpdate("insert ignore into meeting_delegate (meeting_id, delegate_id, company_id) values (:m, :d, :c)",
                delegates.stream().map(d -> new MapSqlParameterSource("m", meetingId).addValue("d", d).addValue("c", companyId))
                        .toArray(MapSqlParameterSource[]::new));
    }

    private void setStatus(long meetingId, MeetingStatus status) {
        jdbc.update("update meeting set status = :status, updated_at = :now where id = :id",
                new MapSqlParameterSource("status", status.name()).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("id", meetingId));
    }

    private void event(long meetingId, MeetingStatus status, String comment, ForumUser actor) {
        jdbc.update("""
                insert into meeting_event (meeting_id, status, comment, actor_id, actor_name, occurred_at)
                values (:m, :status, :comment, :actor, :name, :now)""",
                new MapSqlParameterSource("m", meetingId).addValue("status", status.name()).addValue("comment", comment)
                        .addValue("actor", actor.id()).addValue("name", actor.email())
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    private void notifyBoth(long meetingId, String key) {
        Map<String, Object> row = jdbc.queryForMap("select requester_company_id, partner_company_id from meeting where id = :id",
                new MapSqlParameterSource("id", meetingId));
        String detail = descriptions.describe(meetingId);
        notifications.notifyCompany(((Number) row.get("requester_company_id")).longValue(), key, detail);
        notifications.notifyCompany(((Number) row.get("partner_company_id")).longValue(), key, detail);
    }

    private static String trimmed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        return value.length() > MAX_MESSAGE ? value.substring(0, MAX_MESSAGE) : value;
    }

    private List<MeetingView> meetings(String where, MapSqlParameterSource params) {
        List<MeetingView> meetings = jdbc.query("""
                select m.id, m.requester_company_id, a.short_name requester_name, m.partner_company_id,
                       b.short_name partner_name, m.status, m.slot_id, s.session_id, s.starts_at, s.ends_at,
                       h.name hall_name, t.number table_number, m.message, m.response,
                       (select group_concat(d.full_name order by d.sort_order separator '|') from meeting_delegate md
                          join delegate d on d.id = md.delegate_id where md.meeting_id = m.id) delegates
                from meeting m
                join company a on a.id = m.requester_company_id
                join company b on b.id = m.partner_company_id
                join slot s on s.id = m.slot_id
                join hall h on h.id = s.hall_id
                left join meeting_table t on t.id = m.table_id
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
                delegates == null ? List.of() : Arrays.stream(delegates.split("\\|")).collect(Collectors.toList()));
    }
}
