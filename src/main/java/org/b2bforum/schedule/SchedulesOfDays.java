package org.b2bforum.schedule;

import org.b2bforum.program.DaySchedules;
import org.b2bforum.program.ForumDayRemoving;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The schedule runs of a forum day, for the program's removal of the day: counted for the organizer's question, and
 * removed with the day in its transaction (a plain synchronous listener: they go, or stay, with it). A published or a
 * running run is never removed here; the program refuses the day's removal while there is one.
 */
@Component
class SchedulesOfDays implements DaySchedules {

    private final NamedParameterJdbcTemplate jdbc;

    SchedulesOfDays(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Built of(long dayId) {
        return jdbc.query("""
                select count(*) runs, coalesce(sum(status = 'PUBLISHED'), 0) published,
                       coalesce(sum(status = 'RUNNING'), 0) building
                from schedule_run where day_id = :day""", new MapSqlParameterSource("day", dayId),
                rs -> {
                    rs.next();
                    return new Built(rs.getInt("runs"), rs.getInt("published"), rs.getInt("building") > 0);
                });
    }

    @EventListener
    void remove(ForumDayRemoving removing) {
        MapSqlParameterSource params = new MapSqlParameterSource("day", removing.dayId());
        jdbc.update("""
                delete m from schedule_run_meeting m join schedule_run r on r.id = m.run_id
                where r.day_id = :day and r.status not in ('PUBLISHED', 'RUNNING')""", params);
        jdbc.update("delete from schedule_run where day_id = :day and status not in ('PUBLISHED', 'RUNNING')", params);
    }
}
