package org.b2bforum.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.meeting.MeetingLimits;
import org.b2bforum.schedule.DayProblem.DayMeeting;
import org.b2bforum.schedule.DayProblem.Kind;
import org.b2bforum.schedule.DayProblem.SlotTime;
import org.b2bforum.schedule.DayProblem.TablePlace;
import org.b2bforum.optimizer.MeetingRequest;
import org.b2bforum.optimizer.SchedulingProblem;
import org.b2bforum.optimizer.SessionPreference;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads one forum day into a {@link DayProblem}, in the caller's transaction:
 * <ul>
 * <li>slots: the start times of the day's negotiation slots in order; parallel halls share slot
 * times (the program refuses shifted ones), so a slot's tables are those of every hall with a
 * slot then. A slot that has begun takes no new meetings.</li>
 * <li>morning: the slots that start before 13:00 forum time (lunch), whatever the sessions are
 * called. Wishes ask for no part of the day, so this only matters to the model.</li>
 * <li>fixed meetings: every confirmed meeting of the day (booked directly or published earlier)
 * keeps its slot and table.</li>
 * <li>wished meetings: one per pair of approved companies that has a wish in either direction and
 * no confirmed meeting yet on any day; must-meet if either wish is. They come must-meet first,
 * then in the order the wishes were made.</li>
 * <li>forbidden slots: those in which none of a company's delegates is free, all of them being at
 * program items they signed up for (the meeting is then attended by the first free delegate).</li>
 * <li>the meeting limit and each company's active meetings, as {@link MeetingLimits} counts them:
 * a run leaves out the wishes beyond a company's allowance.</li>
 * </ul>
 */
@Component
class DayProblemBuilder {

    static final LocalTime AFTERNOON = LocalTime.of(13, 0);

    private final NamedParameterJdbcTemplate jdbc;
    private final MeetingLimits limits;
    private final ZoneId zone;
    private final Clock clock;

    DayProblemBuilder(NamedParameterJdbcTemplate jdbc, MeetingLimits limits, ForumTime forumTime, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.zone = forumTime.zone();
        this.clock = clock;
    }

    private record SlotRow(long id, long hallId, String hallName, Instant startsAt, Instant endsAt) {
    }

    private record Fixed(long meetingId, long a, long b, long slotId, Instant startsAt, Long tableId) {
    }

    private record Pair(long a, long b, Kind kind) {
    }

    DayProblem build(long dayId) {
        MapSqlParameterSource day = new MapSqlParameterSource("day", dayId);
        LocalDate date = jdbc.queryForList("select day from forum_day where id = :day", day, LocalDate.class).stream()
                .findFirst().orElseThrow(() -> new ScheduleRefusedException("schedule.error.no-day"));

        List<SlotTime> slots = slotTimes(day);
        Map<Instant, Integer> slotIndex = new HashMap<>();
        for (int s = 0; s < slots.size(); s++) {
            slotIndex.put(slots.get(s).startsAt(), s);
        }

        List<Fixed> fixed = jdbc.query("""
                select m.id, m.requester_company_id, m.partner_company_id, m.slot_id, s.starts_at, m.table_id
                from meeting m join slot s on s.id = m.slot_id join negotiation_session n on n.id = s.session_id
                where n.day_id = :day and m.status = 'CONFIRMED' order by s.starts_at, m.id""", day,
                (rs, i) -> new Fixed(rs.getLong("id"), rs.getLong("requester_company_id"),
                        rs.getLong("partner_company_id"), rs.getLong("slot_id"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getObject("table_id", Long.class)));
        List<Pair> wished = wishedPairs();

        TreeSet<Long> companies = new TreeSet<>();
        fixed.forEach(f -> {
            companies.add(f.a());
            companies.add(f.b());
        });
        wished.forEach(p -> {
            companies.add(p.a());
            companies.add(p.b());
        });
        List<Long> companyIds = List.copyOf(companies);
        Map<Long, Integer> participant = new HashMap<>();
        for (int i = 0; i < companyIds.size(); i++) {
            participant.put(companyIds.get(i), i);
        }

        List<DayMeeting> meetings = new ArrayList<>();
        List<MeetingRequest> requests = new ArrayList<>();
        int[] fixedPerSlot = new int[slots.size()];
        List<Set<Integer>> fixedSlotsOf = new ArrayList<>();
        companyIds.forEach(c -> fixedSlotsOf.add(new HashSet<>()));
        for (Fixed f : fixed) {
            int s = slotIndex.get(f.startsAt());
            fixedPerSlot[s]++;
            fixedSlotsOf.get(participant.get(f.a())).add(s);
            fixedSlotsOf.get(participant.get(f.b())).add(s);
            meetings.add(new DayMeeting(f.a(), f.b(), Kind.FIXED, f.meetingId(), f.slotId(), f.tableId()));
            requests.add(new MeetingRequest(participant.get(f.a()), participant.get(f.b()), SessionPreference.ANY, s,
                    Set.of()));
        }
        for (Kind kind : List.of(Kind.MUST, Kind.NICE)) {
            for (Pair pair : wished) {
                if (pair.kind() == kind) {
                    meetings.add(new DayMeeting(pair.a(), pair.b(), kind, null, null, null));
                    requests.add(MeetingRequest.of(participant.get(pair.a()), participant.get(pair.b())));
                }
            }
        }

        Instant now = clock.instant();
        int[] capacity = new int[slots.size()];
        int morning = 0;
        for (int s = 0; s < slots.size(); s++) {
            SlotTime slot = slots.get(s);
            capacity[s] = slot.startsAt().isAfter(now) ? slot.tables().size() : fixedPerSlot[s];
            if (slot.startsAt().atZone(zone).toLocalTime().isBefore(AFTERNOON)) {
                morning = s + 1;
            }
        }
        List<Set<Integer>> forbidden = forbidden(dayId, companyIds, slots);
        for (int p = 0; p < companyIds.size(); p++) {
            forbidden.get(p).removeAll(fixedSlotsOf.get(p)); // a confirmed meeting stays where it is
        }
        SchedulingProblem problem = new SchedulingProblem(companyIds.size(), slots.size(), morning, capacity, requests,
                forbidden, SchedulingProblem.DEFAULT_FAIRNESS);
        int limit = limits.limit();
        Map<Long, Integer> counts = limits.active(companyIds);
        List<Integer> active = companyIds.stream().map(c -> counts.getOrDefault(c, 0)).toList();
        return new DayProblem(dayId, date, problem, companyIds, slots, meetings, limit, active,
                fingerprint(slots, capacity, meetings, requests, companyIds, forbidden, limit, active));
    }

    private List<SlotTime> slotTimes(MapSqlParameterSource day) {
        List<SlotRow> rows = jdbc.query("""
                select s.id, s.hall_id, h.name hall_name, s.starts_at, s.ends_at
                from slot s join negotiation_session n on n.id = s.session_id join hall h on h.id = s.hall_id
                where n.day_id = :day order by s.starts_at, h.name, s.id""", day,
                (rs, i) -> new SlotRow(rs.getLong("id"), rs.getLong("hall_id"), rs.getString("hall_name"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant()));
        Map<Long, List<long[]>> tablesOfHall = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.query("select id, hall_id, number from meeting_table where hall_id in (:halls) order by hall_id, number",
                    new MapSqlParameterSource("halls", rows.stream().map(SlotRow::hallId).distinct().toList()),
                    rs -> {
                        tablesOfHall.computeIfAbsent(rs.getLong("hall_id"), h -> new ArrayList<>())
                                .add(new long[] {rs.getLong("id"), rs.getInt("number")});
                    });
        }
        Map<Instant, List<SlotRow>> byTime = new LinkedHashMap<>();
        rows.forEach(r -> byTime.computeIfAbsent(r.startsAt(), t -> new ArrayList<>()).add(r));
        List<SlotTime> slots = new ArrayList<>();
        byTime.forEach((start, halls) -> {
            List<TablePlace> tables = new ArrayList<>();
            for (SlotRow slot : halls) {
                for (long[] table : tablesOfHall.getOrDefault(slot.hallId(), List.of())) {
                    tables.add(new TablePlace(slot.id(), table[0], slot.hallName(), (int) table[1]));
                }
            }
            slots.add(new SlotTime(start, halls.getFirst().endsAt(), tables));
        });
        return slots;
    }

    /** Pairs of approved companies with a wish either way and no confirmed meeting yet, in wish order. */
    private List<Pair> wishedPairs() {
        Set<String> met = new HashSet<>(jdbc.queryForList("""
                select concat(least(requester_company_id, partner_company_id), ':',
                              greatest(requester_company_id, partner_company_id))
                from meeting where status = 'CONFIRMED'""", new MapSqlParameterSource(), String.class));
        Map<String, Pair> pairs = new LinkedHashMap<>();
        jdbc.query("""
                select w.company_id, w.target_company_id, w.priority from meeting_wish w
                join company a on a.id = w.company_id join company b on b.id = w.target_company_id
                where a.status = 'APPROVED' and b.status = 'APPROVED'
                order by w.created_at, w.id""", new MapSqlParameterSource(), rs -> {
                    long a = rs.getLong("company_id");
                    long b = rs.getLong("target_company_id");
                    Kind kind = WishPriority.valueOf(rs.getString("priority")) == WishPriority.MUST ? Kind.MUST : Kind.NICE;
                    String key = Math.min(a, b) + ":" + Math.max(a, b);
                    if (met.contains(key)) {
                        return;
                    }
                    Pair earlier = pairs.get(key);
                    if (earlier == null) {
                        pairs.put(key, new Pair(a, b, kind));
                    } else if (kind == Kind.MUST) {
                        pairs.put(key, new Pair(earlier.a(), earlier.b(), Kind.MUST));
                    }
                });
        return List.copyOf(pairs.values());
    }

    /** Per company, the slots in which every one of its delegates attends a program item. */
    private List<Set<Integer>> forbidden(long dayId, List<Long> companyIds, List<SlotTime> slots) {
        List<Set<Integer>> forbidden = new ArrayList<>();
        companyIds.forEach(c -> forbidden.add(new TreeSet<>()));
        if (companyIds.isEmpty() || slots.isEmpty()) {
            return forbidden;
        }
        // company -> delegate -> the [start, end) of the day's program items it attends
        Map<Long, Map<Long, List<Instant[]>>> busy = new HashMap<>();
        jdbc.query("""
                select d.company_id, d.id delegate_id, p.starts_at, p.ends_at
                from delegate d
                left join program_item_attendee a on a.delegate_id = d.id
                left join program_item p on p.id = a.program_item_id and p.day_id = :day
                where d.company_id in (:companies)""",
                new MapSqlParameterSource("day", dayId).addValue("companies", companyIds), rs -> {
                    List<Instant[]> items = busy.computeIfAbsent(rs.getLong("company_id"), c -> new HashMap<>())
                            .computeIfAbsent(rs.getLong("delegate_id"), d -> new ArrayList<>());
                    Timestamp start = rs.getTimestamp("starts_at");
                    if (start != null) {
                        items.add(new Instant[] {start.toInstant(), rs.getTimestamp("ends_at").toInstant()});
                    }
                });
        for (int p = 0; p < companyIds.size(); p++) {
            Map<Long, List<Instant[]>> delegates = busy.get(companyIds.get(p));
            if (delegates == null) {
                continue; // no delegates: nobody to be elsewhere
            }
            for (int s = 0; s < slots.size(); s++) {
                SlotTime slot = slots.get(s);
                boolean someoneFree = delegates.values().stream().anyMatch(items -> items.stream()
                        .noneMatch(i -> i[0].isBefore(slot.endsAt()) && i[1].isAfter(slot.startsAt())));
                if (!someoneFree) {
                    forbidden.get(p).add(s);
                }
            }
        }
        return forbidden;
    }

    private static String fingerprint(List<SlotTime> slots, int[] capacity, List<DayMeeting> meetings,
            List<MeetingRequest> requests, List<Long> companyIds, List<Set<Integer>> forbidden, int limit,
            List<Integer> active) {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < slots.size(); s++) {
            SlotTime slot = slots.get(s);
            text.append("slot ").append(slot.startsAt()).append(' ').append(slot.endsAt()).append(' ').append(capacity[s]);
            slot.tables().forEach(t -> text.append(' ').append(t.slotId()).append('/').append(t.tableId()));
            text.append('\n');
        }
        for (int m = 0; m < meetings.size(); m++) {
            DayMeeting meeting = meetings.get(m);
            text.append("meeting ").append(meeting.kind()).append(' ').append(meeting.companyA()).append(' ')
                    .append(meeting.companyB()).append(' ').append(meeting.fixedMeetingId()).append(' ')
                    .append(requests.get(m).fixedSlot()).append(' ').append(meeting.fixedSlotId()).append(' ')
                    .append(meeting.fixedTableId()).append('\n');
        }
        for (int p = 0; p < companyIds.size(); p++) {
            text.append("forbidden ").append(companyIds.get(p)).append(' ').append(new TreeSet<>(forbidden.get(p)))
                    .append(" active ").append(active.get(p)).append('\n');
        }
        text.append("limit ").append(limit).append('\n');
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
