package org.b2bforum.program;

import java.time.LocalDate;
import java.util.Optional;

import org.b2bforum.base.ui.ForumDays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The forum's days as the frame shows them: one statement (the day's unique index answers min and max). */
@Component
class ProgramDays implements ForumDays {

    private final JdbcTemplate jdbc;

    ProgramDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Days> days() {
        return jdbc.query("select min(day) first_day, max(day) last_day from forum_day", rs -> {
            rs.next();
            LocalDate first = rs.getObject("first_day", LocalDate.class);
            return first == null ? Optional.<Days>empty()
                    : Optional.of(new Days(first, rs.getObject("last_day", LocalDate.class)));
        });
    }
}
