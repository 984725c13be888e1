package org.b2bforum.program;

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
public final class ProgramLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter longDate;

    public ProgramLabels(ForumTime forumTime, Locale locale) {
        this.zone = forumTime.zone();
        this.locale = locale;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
    }

    /** "Москва", "Moscow Time". */
    public String zoneName() {
        return zone.getDisplayName(TextStyle.FULL, locale);
    }

    public String date(LocalDate day) {
        return date.format(day);
    }

    /** "пятница, 18 сентября 2026 г." */
    public String longDate(LocalDate day) {
        return longDate.format(day);
    }

    public String date(Instant instant) {
        return date(LocalDate.ofInstant(instant, zone));
    }

    /** "10:00–10:20" in forum time. */
    public String timeRange(Instant start, Instant end) {
        return TIME.format(start.atZone(zone)) + "–" + TIME.format(end.atZone(zone));
    }

    public LocalDateTime toForumTime(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }

    public Instant fromForumTime(LocalDateTime time) {
        return time == null ? null : time.atZone(zone).toInstant();
    }
}
