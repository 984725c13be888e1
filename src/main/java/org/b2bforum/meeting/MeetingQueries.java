package org.b2bforum.meeting;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.ForumAccess;
import org.b2bforum.fair.CompanyStands;
import org.b2bforum.program.ProgramItem;
import org.b2bforum.program.ProgramItems;
import org.b2bforum.venue.Attendance;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading meetings: a company's meetings, requests, free slots with a partner, its place against
 * the limit and its agenda; a session's meetings for the organizers. The commands are
 * {@link MeetingRequests} (a company's) and {@link OrganizerBookings} (the organizers').
 */
@Service
public class MeetingQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final MeetingRows rows;
    private final ForumAccess access;
    private final CurrentUser currentUser;
    private final ProgramItems programItems;
    private final MeetingLimits limits;
    private final Clock clock;
    private final CompanyStands stands;

    MeetingQueries(NamedParameterJdbcTemplate jdbc, MeetingRows rows, ForumAccess access, CurrentUser currentUser,
            ProgramItems programItems, MeetingLimits limits, Clock clock, CompanyStands stands) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.access = access;
        this.currentUser = currentUser;
        this.programItems = programItems;
        this.limits = limits;
        this.clock = clock;
        this.stands = stands;
    }

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
     * SQL: the chosen delegates ({@code :delegates}) have no meeting at slot {@code s}'s time and attend no program
     * item then. Only the asking company's own delegates count: another company's would give their meetings and
     * program items away through the slots offered.
     */
    private static final String CHOSEN_DELEGATES_FREE = """
              and not exists (select 1 from delegate_slot_booking d join delegate o on o.id = d.delegate_id
                              where o.company_id = :me and d.delegate_id in (:delegates) and d.starts_at = s.starts_at)
              and not exists (select 1 from program_item p join program_item_attendee a on a.program_item_id = p.id
                              join delegate o on o.id = a.delegate_id
                              where o.company_id = :me and a.delegate_id in (:delegates)
                                and p.starts_at < s.ends_at and p.ends_at > s.starts_at)
            """;

    /**
     * SQL: the partner ({@code :partner}) is an approved company. A company back in review keeps its meetings, and its
     * id typed into a forged request learnt their times from the times offered (sec52); it gets none now, as the form
     * says "company not found" for it.
     */
    private static final String PARTNER_APPROVED = """
              and exists (select 1 from company pc where pc.id = :partner and pc.status = 'APPROVED')
            """;

    /**
     * Future times at which the logged-in company and {@code partnerId} are both free (also in the
     * other halls at that time), the chosen delegates attend no program item, and a table is left: one slot per start
     * time, of the hall with the most tables left then.
     * One statement after the approval check, in the caller's transaction or in none: a refused "Send" reads them
     * again, and a read-only transaction of their own (a JPA session, a {@code set autocommit} pair and a commit)
     * was most of that re-read at the booking window's rush (bench/README.md, issue 17).
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<SlotOption> freeSlotsWith(long partnerId, Collection<Long> delegateIds) {
        long me = access.requireApprovedCompany();
        List<Long> delegates = delegateIds.isEmpty() ? List.of(-1L) : List.copyOf(delegateIds);
        // one slot per start time, of the hall with the most tables left: parallel halls share their slot times, and
        // the form listed 10:00 once per hall (ux54); a company chooses a time, the table is found for it
        return jdbc.query("""
                select id, session_name, hall_name, hall_name_en, starts_at, ends_at, free_tables from (
                  select x.*, row_number() over (partition by x.starts_at
                                                 order by x.free_tables desc, x.hall_name, x.id) nth from (
                    select s.id, n.name session_name, h.name hall_name, h.name_en hall_name_en, s.starts_at, s.ends_at,
                           (select count(*) from meeting_table t where t.hall_id = s.hall_id)
                         - (select count(*) from table_slot_booking b where b.slot_id = s.id) free_tables
                    from slot s join negotiation_session n on n.id = s.session_id join hall h on h.id = s.hall_id
                    where s.starts_at > :now
                      and not""" + SlotLedger.busy(":me, :partner", "s.starts_at", "s.ends_at") + CHOSEN_DELEGATES_FREE
                + PARTNER_APPROVED + """
                  ) x where x.free_tables > 0
                ) ranked where nth = 1
                order by starts_at""",
                new MapSqlParameterSource("me", me).addValue("partner", partnerId).addValue("delegates", delegates)
                        .addValue("now", Timestamp.from(clock.instant())),
                (rs, i) -> new SlotOption(rs.getLong("id"), rs.getString("session_name"), rs.getString("hall_name"),
                        rs.getString("hall_name_en"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                        rs.getInt("free_tables")));
    }

    /**
     * The fair stands a meeting with {@code partnerId} can take place at: the partner's first, then one's own;
     * only stands of approved companies (a stand stays assigned while its company is back in review or
     * rejected), and none for a company that is not approved itself. Fair's read model {@link CompanyStands}.
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<StandPlace> standsWith(long partnerId) {
        long me = currentUser.requireCompanyId();
        if (!access.isApproved(me)) {
            return List.of();
        }
        return stands.partnersThenMine(partnerId, me).stream()
                .map(s -> new StandPlace(s.standId(), s.number(), s.companyId(), s.companyName())).toList();
    }

    /**
     * Future times at which the logged-in company and {@code partnerId} are both free, the chosen
     * delegates attend no program item and the stand hosts no meeting: one slot per start time
     * (parallel halls share their slot times; a meeting at a stand needs no table). None for a stand of neither
     * company (as {@link SlotLedger#requireStandFree} refuses it): a forged stand id reads no other stand's times.
     * In the caller's transaction or in none, as {@link #freeSlotsWith}.
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<SlotOption> freeStandSlotsWith(long partnerId, long standId, Collection<Long> delegateIds) {
        long me = access.requireApprovedCompany();
        List<Long> delegates = delegateIds.isEmpty() ? List.of(-1L) : List.copyOf(delegateIds);
        return jdbc.query("""
                select s.id, n.name session_name, h.name hall_name, h.name_en hall_name_en, s.starts_at, s.ends_at
                from slot s join negotiation_session n on n.id = s.session_id join hall h on h.id = s.hall_id
                where s.id in (select min(x.id) from slot x where x.starts_at > :now group by x.starts_at)
                  and not""" + SlotLedger.busy(":me, :partner", "s.starts_at", "s.ends_at") + CHOSEN_DELEGATES_FREE
                + PARTNER_APPROVED + """
                  and not exists (select 1 from stand_slot_booking sb where sb.stand_id = :stand and sb.starts_at = s.starts_at)
                  and exists (select 1 from fair_stand_assignment fa
                              where fa.stand_id = :stand and fa.company_id in (:me, :partner))
                order by s.starts_at""",
                new MapSqlParameterSource("me", me).addValue("partner", partnerId).addValue("delegates", delegates)
                        .addValue("stand", standId).addValue("now", Timestamp.from(clock.instant())),
                (rs, i) -> new SlotOption(rs.getLong("id"), rs.getString("session_name"), rs.getString("hall_name"),
                        rs.getString("hall_name_en"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), 1));
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
    public List<MeetingDetails> myMeetings() {
        return meetingsOf(currentUser.requireCompanyId());
    }

    private List<MeetingDetails> meetingsOf(long company) {
        return rows.meetings("where (m.requester_company_id = :c or m.partner_company_id = :c)",
                new MapSqlParameterSource("c", company));
    }

    /**
     * Who cancelled each of the logged-in company's cancelled meetings, and the reason they gave: the history's last
     * cancellation, its actor's log-in read for whose it was (a read model across the accounts' table). Before, the
     * reason written in the "Cancel meeting" dialog was stored and shown to nobody, the other company included.
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public Map<Long, Cancellation> myCancellations() {
        Map<Long, Cancellation> cancellations = new HashMap<>();
        jdbc.query("""
                select e.meeting_id, e.comment, u.role, u.company_id from meeting m
                join meeting_event e on e.meeting_id = m.id and e.status = 'CANCELLED'
                left join app_user u on u.id = e.actor_id
                where (m.requester_company_id = :c or m.partner_company_id = :c) and m.status = 'CANCELLED'
                order by e.occurred_at, e.id""", new MapSqlParameterSource("c", currentUser.requireCompanyId()),
                (ResultSet rs) -> {
                    cancellations.put(rs.getLong("meeting_id"), new Cancellation("ORGANIZER".equals(rs.getString("role")),
                            rs.getObject("company_id", Long.class), rs.getString("comment")));
                });
        return cancellations;
    }

    /**
     * The requests to the logged-in company that can no longer be accepted at their time: one of
     * the two companies has a confirmed meeting then (in any hall), or the slot has no table left
     * (or, for a meeting at a fair stand, the stand hosts another meeting then).
     * The company can propose another time ({@link MeetingRequests#proposeOtherTime}) or decline.
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public Set<Long> myRequestsTakenMeanwhile() {
        long me = currentUser.requireCompanyId();
        return new LinkedHashSet<>(jdbc.queryForList("""
                select m.id from meeting m join slot s on s.id = m.slot_id
                where m.partner_company_id = :me and m.status = 'REQUESTED'
                  and (""" + SlotLedger.busy("m.requester_company_id, m.partner_company_id", "s.starts_at", "s.ends_at") + """
                       or (m.stand_id is null and (select count(*) from table_slot_booking b where b.slot_id = s.id)
                          >= (select count(*) from meeting_table t where t.hall_id = s.hall_id))
                       or exists (select 1 from stand_slot_booking sb where sb.stand_id = m.stand_id
                                  and sb.starts_at = s.starts_at))
                order by s.starts_at, m.id""", new MapSqlParameterSource("me", me), Long.class));
    }

    /** All meetings of a session, for the organizers' grid. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<MeetingDetails> meetingsInSession(long sessionId) {
        return rows.meetings("where s.session_id = :session", new MapSqlParameterSource("session", sessionId));
    }

    /** One meeting: for the organizers or one of its two companies. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public MeetingDetails meeting(long meetingId) {
        MeetingDetails meeting = rows.meeting(meetingId);
        ForumUser user = currentUser.require();
        if (!user.isOrganizer() && !involves(meeting, user.companyId())) {
            throw new AccessDeniedException("Not your meeting");
        }
        return meeting;
    }

    private static boolean involves(MeetingDetails meeting, Long companyId) {
        return companyId != null && (meeting.requesterId() == companyId || meeting.partnerId() == companyId);
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
     * For a delegate's own log-in: the agenda of their company (all its delegates), to read; empty when their company
     * has removed them meanwhile. The delegate's own schedule is the badge feature's.
     */
    @PreAuthorize("hasRole('DELEGATE')")
    @Transactional(readOnly = true)
    public Optional<List<AgendaEntry>> myCompanyAgenda() {
        long delegate = currentUser.requireDelegateId();
        // empty when the company took the delegate off its list since this request's session check (before: the
        // empty result's exception, an error page and its trace); their next request finds the log-in gone
        return jdbc.queryForList("select company_id from delegate where id = :d",
                new MapSqlParameterSource("d", delegate), Long.class).stream().findFirst()
                .map(company -> agendaOf(company, null));
    }

    private List<AgendaEntry> agendaOf(long company, Long delegateId) {
        List<Long> delegates = delegateChoicesOf(company).stream().map(DelegateChoice::id)
                .filter(id -> delegateId == null || id.equals(delegateId)).toList();
        List<AgendaEntry> entries = new ArrayList<>();
        for (MeetingDetails m : meetingsOf(company)) {
            if (m.status() != MeetingStatus.REQUESTED && m.status() != MeetingStatus.CONFIRMED) {
                continue;
            }
            if (delegateId != null && !attends(m.id(), delegateId)) {
                continue;
            }
            String contacts = m.status() == MeetingStatus.CONFIRMED ? contactsOf(m.counterpartId(company)) : null;
            entries.add(new AgendaEntry(m.startsAt(), m.endsAt(), AgendaEntry.Kind.MEETING, m.id(),
                    m.counterpartName(company), null, m.hallName(), null, m.tableNumber(), m.status(), m.delegatesOf(company),
                    contacts,
                    m.place(), null, m.counterpartId(company),
                    m.status() == MeetingStatus.CONFIRMED ? m.attendance() : null, m.unanswered()));
        }
        for (ProgramItem item : programItems.attendedBy(delegates)) {
            entries.add(new AgendaEntry(item.startsAt(), item.endsAt(), AgendaEntry.Kind.PROGRAM, null, item.title(),
                    item.titleEn(), item.place(), item.placeEn(), null, null, List.of(), null, null, item.id(), null,
                    null, false));
        }
        entries.sort((a, b) -> a.startsAt().compareTo(b.startsAt()));
        return entries;
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
}
