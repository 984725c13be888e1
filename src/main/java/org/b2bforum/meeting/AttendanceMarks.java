package org.b2bforum.meeting;

import java.sql.Timestamp;

import org.b2bforum.venue.AttendanceMarked;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records on the meeting's row the attendance staff marked at the venue (the last mark counts, with who set it
 * and when). Runs in the marking transaction, which holds the meeting's row lock and has checked the mark.
 */
@Component
class AttendanceMarks {

    private final NamedParameterJdbcTemplate jdbc;

    AttendanceMarks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void record(AttendanceMarked mark) {
        jdbc.update("""
                update meeting set attendance = :attendance, attendance_marked_at = :at, attendance_marked_by = :user,
                       attendance_marked_name = :name
                where id = :id""", new MapSqlParameterSource("id", mark.meetingId())
                .addValue("attendance", mark.attendance().name()).addValue("at", Timestamp.from(mark.markedAt()))
                .addValue("user", mark.markedBy()).addValue("name", mark.markedByName()));
    }
}
