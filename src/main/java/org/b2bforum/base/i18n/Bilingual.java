package org.b2bforum.base.i18n;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A name an organizer entered in Russian and, optionally, in English (a hall, a negotiation session, a
 * program item's title or place). An English reader is shown the English one, or the Russian while there
 * is none.
 */
public record Bilingual(String ru, String en) {

    public Bilingual {
        en = en == null || en.isBlank() ? null : en;
    }

    /** The column's value and its {@code _en} twin: {@code of(rs, "hall_name")} reads hall_name and hall_name_en. */
    public static Bilingual of(ResultSet rs, String column) throws SQLException {
        return new Bilingual(rs.getString(column), rs.getString(column + "_en"));
    }

    /** Russian only (the English is left to be added). */
    public static Bilingual ru(String ru) {
        return new Bilingual(ru, null);
    }

    public String in(Locale locale) {
        return en != null && isEnglish(locale) ? en : ru;
    }

    static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
