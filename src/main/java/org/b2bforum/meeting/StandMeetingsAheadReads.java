package org.b2bforum.meeting;

import java.sql.Timestamp;
import java.time.Instant;

import org.b2bforum.fair.StandMeetingsAhead;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Fair's {@link StandMeetingsAhead}, read from the stands' part of the slot ledger ({@code stand_slot_booking}). */
@Component
class StandMeetingsAheadReads implements StandMeetingsAhead {

    private final NamedParameterJdbcTemplate jdbc;

    StandMeetingsAheadReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int startingAfter(long standId, Instant now) {
        Integer ahead = jdbc.queryForObject("""
                select count(*) from stand_slot_booking b where b.stand_id = :s and b.starts_at > :now""",
                new MapSqlParameterSource("s", standId).addValue("now", Timestamp.from(now)), Integer.class);
        return ahead == null ? 0 : ahead;
    }
}
