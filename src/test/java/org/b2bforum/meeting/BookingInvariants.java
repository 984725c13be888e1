package org.b2bforum.meeting;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The booking invariants checked with SQL against what the meetings say, independently of the
 * primary keys that are meant to enforce them. Each figure counts violations; all must be zero.
 * Used by the concurrency tests and by {@code bench/run-booking-contention}.
 */
public final class BookingInvariants {

    private final JdbcTemplate jdbc;

    public BookingInvariants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The violations in the given slots, or in all slots when {@code slotIds} is null. */
    public Map<String, Long> violations(Collection<Long> slotIds) {
        String in = slotIds == null ? "" : slotIds.isEmpty() ? " and 1 = 0"
                : slotIds.stream().map(String::valueOf).collect(Collectors.joining(",", " and %s in (", ")"));
        Map<String, Long> v = new LinkedHashMap<>();
        // a company in two confirmed meetings of one slot
        v.put("company_twice_in_slot", count("""
                select count(*) from (
                  select slot_id, company_id from (
                    select slot_id, requester_company_id company_id from meeting where status = 'CONFIRMED' %s
                    union all
                    select slot_id, partner_company_id from meeting where status = 'CONFIRMED' %s) x
                  group by slot_id, company_id having count(*) > 1) v""".formatted(f(in, "slot_id"), f(in, "slot_id"))));
        // a delegate in two confirmed meetings of one slot
        v.put("delegate_twice_in_slot", count("""
                select count(*) from (
                  select m.slot_id, md.delegate_id from meeting m join meeting_delegate md on md.meeting_id = m.id
                  where m.status = 'CONFIRMED' %s group by m.slot_id, md.delegate_id having count(*) > 1) v"""
                .formatted(f(in, "m.slot_id"))));
        // a table in two confirmed meetings of one slot
        v.put("table_twice_in_slot", count("""
                select count(*) from (
                  select slot_id, table_id from meeting where status = 'CONFIRMED' and table_id is not null %s
                  group by slot_id, table_id having count(*) > 1) v""".formatted(f(in, "slot_id"))));
        // more confirmed meetings in a slot than its hall has tables
        v.put("slot_over_tables", count("""
                select count(*) from (select slot_id, count(*) n from meeting where status = 'CONFIRMED' and stand_id is null %s
                                      group by slot_id) c
                join slot s on s.id = c.slot_id
                where c.n > (select count(*) from meeting_table t where t.hall_id = s.hall_id)"""
                .formatted(f(in, "slot_id"))));
        // a confirmed meeting at a table without exactly one table of its slot's hall
        v.put("confirmed_without_one_table", count("""
                select count(*) from meeting m join slot s on s.id = m.slot_id
                where m.status = 'CONFIRMED' and m.stand_id is null %s and (m.table_id is null
                   or (select count(*) from table_slot_booking b where b.meeting_id = m.id) <> 1
                   or not exists (select 1 from table_slot_booking b join meeting_table t on t.id = b.table_id
                                  where b.meeting_id = m.id and b.slot_id = m.slot_id and b.table_id = m.table_id
                                    and t.hall_id = s.hall_id))""".formatted(f(in, "m.slot_id"))));
        // a stand hosting two confirmed meetings at one time
        v.put("stand_twice_at_a_time", count("""
                select count(*) from (
                  select s.starts_at, m.stand_id from meeting m join slot s on s.id = m.slot_id
                  where m.status = 'CONFIRMED' and m.stand_id is not null %s
                  group by s.starts_at, m.stand_id having count(*) > 1) v""".formatted(f(in, "m.slot_id"))));
        // a confirmed meeting at a stand without exactly its stand booked in its slot, or with a table
        v.put("stand_meeting_without_its_stand", count("""
                select count(*) from meeting m
                where m.status = 'CONFIRMED' and m.stand_id is not null %s
                  and (m.table_id is not null
                    or (select count(*) from stand_slot_booking b where b.meeting_id = m.id) <> 1
                    or not exists (select 1 from stand_slot_booking b where b.meeting_id = m.id
                                   and b.stand_id = m.stand_id and b.slot_id = m.slot_id))"""
                .formatted(f(in, "m.slot_id"))));
        // a confirmed meeting without exactly its two companies booked in its slot
        v.put("confirmed_without_two_companies", count("""
                select count(*) from meeting m
                where m.status = 'CONFIRMED' %s and (
                      (select count(*) from company_slot_booking c where c.meeting_id = m.id) <> 2
                   or (select count(*) from company_slot_booking c where c.meeting_id = m.id and c.slot_id = m.slot_id
                         and c.company_id in (m.requester_company_id, m.partner_company_id)) <> 2
                   or m.requester_company_id = m.partner_company_id)""".formatted(f(in, "m.slot_id"))));
        // a confirmed meeting whose delegates are not all booked in its slot
        v.put("confirmed_delegates_not_booked", count("""
                select count(*) from meeting m
                where m.status = 'CONFIRMED' %s
                  and ((select count(*) from delegate_slot_booking d where d.meeting_id = m.id and d.slot_id = m.slot_id
                          and d.delegate_id in (select delegate_id from meeting_delegate md where md.meeting_id = m.id))
                       <> (select count(*) from meeting_delegate md where md.meeting_id = m.id)
                    or (select count(*) from delegate_slot_booking d where d.meeting_id = m.id)
                       <> (select count(*) from meeting_delegate md where md.meeting_id = m.id))"""
                .formatted(f(in, "m.slot_id"))));
        // a requested, declined or cancelled meeting that occupies a slot, a person or a table
        v.put("inactive_meeting_occupies", count("""
                select (select count(*) from company_slot_booking b join meeting m on m.id = b.meeting_id
                        where (m.status <> 'CONFIRMED' or m.slot_id <> b.slot_id) %1$s)
                     + (select count(*) from delegate_slot_booking b join meeting m on m.id = b.meeting_id
                        where (m.status <> 'CONFIRMED' or m.slot_id <> b.slot_id) %1$s)
                     + (select count(*) from table_slot_booking b join meeting m on m.id = b.meeting_id
                        where (m.status <> 'CONFIRMED' or m.slot_id <> b.slot_id) %1$s)
                     + (select count(*) from stand_slot_booking b join meeting m on m.id = b.meeting_id
                        where (m.status <> 'CONFIRMED' or m.slot_id <> b.slot_id) %1$s)
                     + (select count(*) from meeting m where m.status <> 'CONFIRMED' and m.table_id is not null %2$s)"""
                .formatted(f(in, "b.slot_id"), f(in, "m.slot_id"))));
        // two active requests or meetings of one company pair in one slot
        v.put("pair_twice_in_slot", count("""
                select count(*) from (select requester_company_id, partner_company_id, slot_id from meeting
                  where status in ('REQUESTED', 'CONFIRMED') %s
                  group by requester_company_id, partner_company_id, slot_id having count(*) > 1) v"""
                .formatted(f(in, "slot_id"))));
        return v;
    }

    /**
     * Companies in two confirmed meetings at the same time in different slots (parallel sessions
     * in two halls): the slot-based keys do not see this.
     */
    public long companiesInOverlappingMeetings(Collection<Long> slotIds) {
        String in = slotIds == null ? "" : slotIds.isEmpty() ? " and 1 = 0"
                : slotIds.stream().map(String::valueOf).collect(Collectors.joining(",", " and %s in (", ")"));
        return count("""
                select count(*) from (
                  select distinct a.company_id, a.meeting_id from company_slot_booking a
                  join slot sa on sa.id = a.slot_id
                  join company_slot_booking b on b.company_id = a.company_id and b.slot_id <> a.slot_id
                  join slot sb on sb.id = b.slot_id
                  where sa.starts_at < sb.ends_at and sb.starts_at < sa.ends_at %s) v"""
                .formatted(f(in, "a.slot_id")));
    }

    public static long total(Map<String, Long> violations) {
        return violations.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String f(String in, String column) {
        return in.isEmpty() ? "" : in.formatted(column);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
