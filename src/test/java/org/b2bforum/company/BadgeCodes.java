package org.b2bforum.company;

import org.springframework.jdbc.core.JdbcTemplate;

/** Badge codes for tests, drawn as a print draws them ({@link BadgeCode}'s own alphabet). */
public final class BadgeCodes {

    private BadgeCodes() {
    }

    /** A code (stored form, no dash) that no badge has. */
    public static String unused(JdbcTemplate jdbc) {
        while (true) {
            String code = BadgeCode.newCode();
            if (jdbc.queryForObject("select count(*) from delegate where badge_code = ?", Integer.class, code) == 0) {
                return code;
            }
        }
    }
}
