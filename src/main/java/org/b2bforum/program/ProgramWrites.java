package org.b2bforum.program;

import static org.b2bforum.base.text.Texts.singleLine;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * What the program's services share when they write: the checks of typed names (with the keys of their refusals),
 * the refusal that lists the confirmed meetings a change would break, the day a row belongs to, and an insert that
 * returns the new row's id.
 */
final class ProgramWrites {

    private ProgramWrites() {
    }

    /** A required single-line text of at most {@code maxLength} characters. */
    static void text(String value, int maxLength) {
        text(value, maxLength, "validation.required", "validation.too-long");
    }

    private static void text(String value, int maxLength, String requiredKey, String tooLongKey) {
        if (value == null || singleLine(value).isEmpty()) {
            throw new InvalidProgramException(requiredKey);
        }
        if (singleLine(value).length() > maxLength) {
            throw new InvalidProgramException(tooLongKey);
        }
    }

    /** A program item's place: required, at most 200 characters; refused with keys of its own, not the title's. */
    static void place(String value) {
        text(value, 200, "program.error.place-required", "program.error.place-too-long");
    }

    /** An optional English name: null when empty, refused with {@code tooLongKey} when longer than {@code maxLength}. */
    static String english(String value, int maxLength, String tooLongKey) {
        String line = value == null ? "" : singleLine(value);
        if (line.length() > maxLength) {
            throw new InvalidProgramException(tooLongKey);
        }
        return line.isEmpty() ? null : line;
    }

    /** Refuses the change, naming the confirmed meetings it would break, when there are any. */
    static void refuseIfAny(List<String> affected) {
        if (!affected.isEmpty()) {
            throw new ProgramChangeRefusedException(affected);
        }
    }

    /**
     * The forum day's date; refused when there is no such day. Read with a shared lock, held to the caller's commit: a
     * session or a program item being added to the day and the day's removal ({@code ProgramService.removeDay}, which
     * locks it for update) take turns, and the one that comes second is refused in words (before, an addition whose
     * day was removed meanwhile failed on the foreign key, an error page).
     */
    static LocalDate dayOf(NamedParameterJdbcTemplate jdbc, long dayId) {
        return jdbc.queryForList("select day from forum_day where id = :id lock in share mode",
                new MapSqlParameterSource("id", dayId),
                LocalDate.class).stream().findFirst().orElseThrow(() -> new InvalidProgramException("program.error.no-day"));
    }

    /** Runs an insert and returns the new row's id. */
    static long insert(NamedParameterJdbcTemplate jdbc, String sql, MapSqlParameterSource params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(sql, params, keys, new String[] {"id"});
        return keys.getKey().longValue();
    }
}
