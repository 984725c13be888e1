package org.b2bforum.base.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Shows instants (stored in UTC) in the forum's time zone, Europe/Moscow by default. */
@Component
public class ForumTime {

    private final ZoneId zone;

    ForumTime(@Value("${b2bforum.time-zone:Europe/Moscow}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * As chat lists show when: the time alone today ({@code now}'s day in the forum's zone), the day and month this
     * year, the date before.
     */
    public String brief(Instant instant, Instant now, Locale locale) {
        ZonedDateTime at = instant.atZone(zone);
        ZonedDateTime today = now.atZone(zone);
        if (at.toLocalDate().equals(today.toLocalDate())) {
            return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(at);
        }
        if (at.getYear() == today.getYear()) {
            return DateTimeFormatter.ofPattern("d MMM", locale).format(at);
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale).format(at);
    }

    public String format(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }
}
