package org.b2bforum.venue;

import java.util.Collection;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recorded outcomes (venue's table) of meetings the meeting module deletes, before it deletes them.
 * Not reachable from a view: the caller checks who is asking.
 */
@Component
public class MeetingOutcomes {

    private final NamedParameterJdbcTemplate jdbc;

    MeetingOutcomes(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes the outcomes recorded for these meetings. */
    @Transactional
    public void deleteOf(Collection<Long> meetingIds) {
        if (!meetingIds.isEmpty()) {
            jdbc.update("delete from meeting_outcome where meeting_id in (:ids)",
                    new MapSqlParameterSource("ids", meetingIds));
        }
    }
}
