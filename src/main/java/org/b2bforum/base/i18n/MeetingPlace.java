package org.b2bforum.base.i18n;

import java.util.Locale;

/**
 * Where a meeting takes place, as every page, badge, calendar and e-mail names it: a negotiation
 * table of a hall ("Зал A, стол № 3"), or an exhibitor's fair stand with its zone ("Стенд B-14,
 * Павильон B (выставка-ярмарка)") — a meeting at a stand has the slot's hall but no table there.
 * The SQL of a read model selects {@link #COLUMNS} with fair's {@code StandOfMeeting.JOINS}.
 */
public record MeetingPlace(String hall, String hallEn, Integer table, String stand, String zoneRu, String zoneEn) {

    /**
     * The columns to select: {@code h} the slot's hall, {@code t} the table, {@code st} the stand and {@code sz} its
     * zone, joined by fair's {@code StandOfMeeting.JOINS} (the fair's tables are fair's).
     */
    public static final String COLUMNS = " h.name place_hall, h.name_en place_hall_en, t.number place_table,"
            + " st.number place_stand,"
            + " sz.name_ru place_zone_ru, sz.name_en place_zone_en ";

    /** The words of a language: a translation key and its parameters. */
    @FunctionalInterface
    public interface Translation {
        String t(String key, Object... params);
    }

    public static MeetingPlace of(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MeetingPlace(rs.getString("place_hall"), rs.getString("place_hall_en"), rs.getObject("place_table", Integer.class),
                rs.getString("place_stand"), rs.getString("place_zone_ru"), rs.getString("place_zone_en"));
    }

    public boolean atStand() {
        return stand != null;
    }

    /** The hall in the language: its English name, or the Russian one while it has none. */
    public String hall(Locale locale) {
        return new Bilingual(hall, hallEn).in(locale);
    }

    /** The stand's zone in the language ({@code null} when not at a stand). */
    public String zone(Locale locale) {
        return Bilingual.isEnglish(locale) && zoneEn != null ? zoneEn : zoneRu;
    }

    /** "Стенд B-14, Павильон B (выставка-ярмарка)", "Зал A, стол № 3", or the hall while no table is set. */
    public String describe(Locale locale, Translation words) {
        if (atStand()) {
            return words.t("meetings.at-stand", stand, zone(locale));
        }
        return table == null ? hall(locale) : words.t("meetings.hall-table", hall(locale), table);
    }

    /** As {@link #describe}, without "(выставка-ярмарка)": for a badge's narrow schedule. */
    public String brief(Locale locale, Translation words) {
        return atStand() ? words.t("meetings.at-stand.short", stand, zone(locale)) : describe(locale, words);
    }
}
