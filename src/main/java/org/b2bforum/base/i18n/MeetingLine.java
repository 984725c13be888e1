package org.b2bforum.base.i18n;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A meeting in one line as it is stored, language-neutral, where it is written once for readers of
 * either language (a notification, the meetings a refused change would break):
 * "18.09 10:00 · Дорстроймаш — Мосдорсервис · Зал A/Hall A №3" (the hall once while it has no English name),
 * or "... · Стенд/Stand B-14, Павильон B/Pavilion B".
 * Shown, its place is put into the reader's words ({@link #inWords}): "Зал A, table 3" rather than
 * "Зал A №3", which an English reader took for the hall's number.
 */
public final class MeetingLine {

    private static final String STAND = "Стенд/Stand ";
    /** A place after a line's " · ", up to the line's end or the next line of a "; "-joined list. */
    private static final Pattern TABLE = Pattern.compile(" · ([^·;]+?) №(\\d+)(?=$|; )");
    private static final Pattern AT_STAND = Pattern.compile(" · " + STAND + "([^,·;]+), ([^·;]+?)(?=$|; )");
    /** A hall with its English name and no table yet (a request): "Зал A/Hall A" at a line's end. */
    private static final Pattern HALL = Pattern.compile(" · ([^·;/]+)/([^·;/]+?)(?=$|; )");
    /**
     * A "/" inside a name, as it is stored: the "/" of a line divides a Russian name from its English one, and a hall
     * "Зал 1/2" without an English name was read as "Зал 1" in Russian and "2" in English. Shown as "/" again.
     */
    private static final char SLASH_IN_NAME = '\u2215';
    /**
     * " №" inside a name, as it is stored (a no-break space before it): " №3" at a line's end is its table, and a
     * request in "Зал №2" (no table yet) was read as "Зал, table 2". Shown with a space again.
     */
    private static final String NUMBER_IN_NAME = "\u00a0№";

    private MeetingLine() {
    }

    /**
     * The stored place of a meeting at a hall's table ({@code table} null while none is set): the hall in both
     * languages, "Зал A/Hall A №3", once while it has no English name (or the same), as before it could have one.
     */
    public static String place(String hall, String hallEn, Integer table) {
        String names = hallEn == null || hallEn.isBlank() || hallEn.equals(hall) ? stored(hall)
                : stored(hall) + "/" + stored(hallEn);
        return table == null ? names : names + " №" + table;
    }

    /** The stored place of a meeting read by {@link MeetingPlace#COLUMNS}: at a fair stand, or at a hall's table. */
    public static String place(MeetingPlace place) {
        return place.atStand() ? stand(place.stand(), place.zoneRu(), place.zoneEn())
                : place(place.hall(), place.hallEn(), place.table());
    }

    /** The stored place of a meeting at a fair stand: its zone in both languages (once if they are the same). */
    public static String stand(String number, String zoneRu, String zoneEn) {
        return STAND + stored(number) + ", "
                + (zoneEn == null || zoneEn.equals(zoneRu) ? stored(zoneRu) : stored(zoneRu) + "/" + stored(zoneEn));
    }

    private static String stored(String name) {
        return name == null ? null : name.replace('/', SLASH_IN_NAME).replace(" №", NUMBER_IN_NAME);
    }

    /**
     * The line, or lines joined by "; ", with each place in the reader's words (as {@link MeetingPlace#describe}
     * puts it on the pages): "Зал A, стол № 3" / "Зал A, table 3", "Стенд B-14, Павильон B" / "Stand B-14, Pavilion
     * B". Other text is left as it is.
     */
    public static String inWords(String text, Locale locale, MeetingPlace.Translation words) {
        if (text == null) {
            return null;
        }
        String tables = TABLE.matcher(text).replaceAll(m -> {
            String[] hall = m.group(1).split("/");
            MeetingPlace table = hall.length == 2
                    ? new MeetingPlace(hall[0], hall[1], Integer.valueOf(m.group(2)), null, null, null)
                    : new MeetingPlace(m.group(1), null, Integer.valueOf(m.group(2)), null, null, null);
            return Matcher.quoteReplacement(" · " + table.brief(locale, words));
        });
        String stands = AT_STAND.matcher(tables).replaceAll(m -> {
            String[] zone = m.group(2).split("/");
            MeetingPlace stand = zone.length == 2 ? new MeetingPlace(null, null, null, m.group(1), zone[0], zone[1])
                    : new MeetingPlace(null, null, null, m.group(1), m.group(2), null);
            return Matcher.quoteReplacement(" · " + stand.brief(locale, words));
        });
        return HALL.matcher(stands).replaceAll(m -> Matcher.quoteReplacement(" · "
                + new Bilingual(m.group(1), m.group(2)).in(locale))).replace(SLASH_IN_NAME, '/')
                .replace(NUMBER_IN_NAME, " №");
    }
}
