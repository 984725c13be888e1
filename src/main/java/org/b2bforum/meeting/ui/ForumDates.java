package org.b2bforum.meeting.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.b2bforum.base.i18n.ForumTime;

/**
 * Forum dates and times as people read them, in the forum's time zone and the UI's language:
 * "18 сент., 10:00–10:20", "четверг, 18 сентября".
 */
final class ForumDates {

    private final ZoneId zone;
    private final DateTimeFormatter shortDay;
    private final DateTimeFormatter longDay;
    private final DateTimeFormatter time;

    ForumDates(ForumTime forumTime, Locale locale) {
        this.zone = forumTime.zone();
        this.shortDay = DateTimeFormatter.ofPattern("d MMM", locale);
        this.longDay = DateTimeFormatter.ofPattern("EEEE, d MMMM", locale);
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
    }

    LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** "четверг, 18 сентября". */
    String day(LocalDate day) {
        String text = longDay.format(day);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "10:00–10:20". */
    String times(Instant start, Instant end) {
        return time.format(start.atZone(zone)) + "–" + time.format(end.atZone(zone));
    }

    /** "18 сент., 10:00–10:20". */
    String when(Instant start, Instant end) {
        return shortDay.format(start.atZone(zone)) + ", " + times(start, end);
    }
}
