package org.b2bforum.base.i18n;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one notification a company (or a delegate) gets when the organizers publish a day's schedule, rather than one
 * per new meeting (dozens at forum scale, ux54): stored language-neutral as the day and the count ("18.09 12"), shown
 * in the reader's words ("18.09 — 12 новых встреч", "18.09 — 12 new meetings").
 */
public final class ScheduleNotice {

    /** The notification's key. */
    public static final String KEY = "notification.meeting.PUBLISHED";

    private static final Pattern DETAIL = Pattern.compile("(\\d\\d\\.\\d\\d) (\\d+)");

    private ScheduleNotice() {
    }

    /** The stored detail: the day as "dd.MM" in the forum's time and the number of new meetings. */
    public static String detail(String day, int meetings) {
        return day + " " + meetings;
    }

    /**
     * A notification's detail in the reader's words: a schedule's summary put into words, a meeting line's place
     * ({@link MeetingLine#inWords}) otherwise.
     */
    public static String inWords(String messageKey, String detail, Locale locale, MeetingPlace.Translation words) {
        Matcher summary = detail == null ? null : DETAIL.matcher(detail);
        if (KEY.equals(messageKey) && summary.matches()) {
            int count = Integer.parseInt(summary.group(2));
            return words.t(Plural.key(KEY + ".detail", count, locale), summary.group(1), count);
        }
        return MeetingLine.inWords(detail, locale, words);
    }
}
