package org.b2bforum.meeting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The per-company meeting limit and how it is counted, in one place for booking, publishing and
 * the scheduler. Reads in the caller's transaction (booking steps run in their own JDBC one, under
 * the companies' locks), so it is exact only where the caller holds those locks and read nothing before taking them:
 * the count is a plain read, which under REPEATABLE READ sees the snapshot of the transaction's first read. Publishing,
 * whose guard reads the day ({@code ScheduleService.publish}) before the locks, runs at READ COMMITTED so that a
 * meeting committed between the two is counted ({@code TransactionRetry.runReadingCommitted}).
 */
@Component
public class MeetingLimits {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    MeetingLimits(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * SQL: how many active meetings the company {@code company} (an SQL expression) has at {@code now} (an SQL
     * expression), as the limit counts them, in the whole forum: its requests still waiting for an answer or confirmed,
     * and the confirmed meetings it was asked to. An open request to it does not count until it accepts; a request of
     * its own left unanswered ({@link UnansweredRequests}) no longer counts: nobody can accept it any more, and it
     * refused the company new requests.
     * <p>
     * The booking reads it twice under its locks at every booking ({@code SlotLedger}), so each part reads an index
     * alone ({@code ix_meeting_requester} holds the slot since V41, {@code ix_meeting_partner}) and only a request
     * still REQUESTED looks up its slot's start. Joining every meeting of the requester to its slot (ux76) read each
     * one's table row and slot: 128 InnoDB pages for the booking's two counts against 12 now on
     * {@code bench/run-booking-contention}'s data (bench/README.md, stop 51). The confirmed ones are those with a slot,
     * as the join counted them.
     */
    static String activeOf(String company, String now) {
        return ("((select count(*) from meeting where requester_company_id = %1$s and status = 'CONFIRMED'"
                + " and slot_id is not null)"
                + " + (select count(*)" + UnansweredRequests.awaitingAnswerWhere("m.requester_company_id = %1$s", "%2$s") + ")"
                + " + (select count(*) from meeting where partner_company_id = %1$s and status = 'CONFIRMED'))")
                .formatted(company, now);
    }

    /** The most active meetings a company may have (the booking settings' limit). */
    public int limit() {
        return jdbc.queryForObject("select meeting_limit from booking_settings where id = 1",
                new MapSqlParameterSource(), Integer.class);
    }

    /** Each company's active meetings, as the limit counts them. */
    public Map<Long, Integer> active(Collection<Long> companyIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (companyIds.isEmpty()) {
            return counts;
        }
        jdbc.query("select c.id, " + activeOf("c.id", ":now") + " active from company c where c.id in (:ids)",
                new MapSqlParameterSource("ids", Set.copyOf(companyIds)).addValue("now", Timestamp.from(clock.instant())),
                rs -> {
                    counts.put(rs.getLong("id"), rs.getInt("active"));
                });
        return counts;
    }
}
