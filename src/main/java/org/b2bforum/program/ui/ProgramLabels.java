package org.b2bforum.program.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

import org.b2bforum.base.i18n.ForumTime;

/** Dates and times of the program as organizers read them: always in the forum's time zone. */
final class ProgramLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter longDate;

    ProgramLabels(ForumTime forumTime, Locale locale) {
        this.zone = forumTime.zone();
        this.locale = locale;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
    }

    /** "Москва", "Moscow Time". */
    String zoneName() {
        return zone.getDisplayName(TextStyle.FULL, locale);
    }

    String date(LocalDate day) {
        return date.format(day);
    }

    /** "пятница, 18 сентября 2026 г." */
    String longDate(LocalDate day) {
        return longDate.format(day);
    }

    String date(Instant instant) {
        return date(LocalDate.ofInstant(instant, zone));
    }

    /** "10:00–10:20" in forum time. */
    String timeRange(Instant start, Instant end) {
        return TIME.format(start.atZone(zone)) + "–" + TIME.format(end.atZone(zone));
    }

    LocalDateTime toForumTime(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }

    Instant fromForumTime(LocalDateTime time) {
        return time == null ? null : time.atZone(zone).toInstant();
    }
}
