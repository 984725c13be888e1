package org.b2bforum.venue.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

import org.b2bforum.base.i18n.ForumTime;

/** Times at the venue, in the forum's time zone: "10:02" today, "18 сент., 10:02" on another day. */
final class VenueTimes {

    private final ZoneId zone;
    private final Clock clock;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dayAndTime;
    private final DateTimeFormatter day;
    private final DateTimeFormatter date;
    private final Locale locale;

    VenueTimes(ForumTime forumTime, Clock clock, Locale locale) {
        this.zone = forumTime.zone();
        this.clock = clock;
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
        this.dayAndTime = DateTimeFormatter.ofPattern("d MMM, HH:mm", locale);
        this.day = DateTimeFormatter.ofPattern("EEEE, d MMMM", locale);
        this.date = DateTimeFormatter.ofPattern("d MMMM", locale);
        this.locale = locale;
    }

    /** "10:02" when it is today at the forum, else "18 сент., 10:02". */
    String moment(Instant instant) {
        return (isToday(instant) ? time : dayAndTime).format(instant.atZone(zone));
    }

    boolean isToday(Instant instant) {
        return instant.atZone(zone).toLocalDate().equals(LocalDate.now(clock.withZone(zone)));
    }

    /** "10:00". */
    String time(Instant instant) {
        return time.format(instant.atZone(zone));
    }

    /** "18 сентября", "18 September": the day and month written out, for a sentence. */
    String date(Instant instant) {
        return date.format(instant.atZone(zone));
    }

    /** "10:00–10:20". */
    String range(Instant start, Instant end) {
        return time.format(start.atZone(zone)) + "–" + time.format(end.atZone(zone));
    }

    /** "Четверг, 18 сентября". */
    String day(LocalDate date) {
        String text = day.format(date);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** "Москва", "Moscow Time", as the meeting grid and the program say it (not the zone's id). */
    String zoneName() {
        return zone.getDisplayName(TextStyle.FULL, locale);
    }
}
