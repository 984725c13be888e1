package org.b2bforum.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.TimeZone;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;

/**
 * The VTIMEZONE of the forum's time zone, made from the JVM's time-zone rules (no download): the
 * observance in force at the first event and every offset change up to the last one. For
 * Europe/Moscow that is one STANDARD observance, UTC+03:00 (MSK) since 26 October 2014.
 */
final class ForumTimezone {

    private static final DateTimeFormatter TZ_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private ForumTimezone() {
    }

    static TimezoneAssignment assignment(ZoneId zone, Instant from, Instant to) {
        return new TimezoneAssignment(TimeZone.getTimeZone(zone), component(zone, from, to));
    }

    static VTimezone component(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        VTimezone timezone = new VTimezone(zone.getId());
        ZoneOffsetTransition previous = rules.previousTransition(from.plusSeconds(1));
        ZoneOffset offset = rules.getOffset(from);
        if (previous == null) {
            timezone.addStandardTime(observance(new StandardTime(), zone, LocalDateTime.of(1970, 1, 1, 0, 0),
                    offset, offset, from));
        } else {
            add(timezone, zone, previous, rules);
        }
        for (ZoneOffsetTransition next = rules.nextTransition(from); next != null && next.getInstant().isBefore(to);
                next = rules.nextTransition(next.getInstant())) {
            add(timezone, zone, next, rules);
        }
        return timezone;
    }

    private static void add(VTimezone timezone, ZoneId zone, ZoneOffsetTransition transition, ZoneRules rules) {
        boolean daylight = rules.isDaylightSavings(transition.getInstant());
        if (daylight) {
            timezone.addDaylightSavingsTime(observance(new DaylightSavingsTime(), zone, transition.getDateTimeBefore(),
                    transition.getOffsetBefore(), transition.getOffsetAfter(), transition.getInstant()));
        } else {
            timezone.addStandardTime(observance(new StandardTime(), zone, transition.getDateTimeBefore(),
                    transition.getOffsetBefore(), transition.getOffsetAfter(), transition.getInstant()));
        }
    }

    private static <T extends Observance> T observance(T observance, ZoneId zone, LocalDateTime start,
            ZoneOffset from, ZoneOffset to, Instant inForce) {
        observance.setDateStart(new DateTimeComponents(start.getYear(), start.getMonthValue(), start.getDayOfMonth(),
                start.getHour(), start.getMinute(), start.getSecond(), false));
        observance.setTimezoneOffsetFrom(new UtcOffset(from.getTotalSeconds() * 1000L));
        observance.setTimezoneOffsetTo(new UtcOffset(to.getTotalSeconds() * 1000L));
        // "MSK", "CET", "CEST": the short name in force then
        observance.addTimezoneName(TZ_NAME.format(inForce.atZone(zone)));
        return observance;
    }
}
