package org.b2bforum.base.text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A span of days in words: "18–21 сентября 2026", "30 сентября – 2 октября", one day alone as that day. */
public final class DateRanges {

    private DateRanges() {
    }

    /** The days from {@code first} to {@code last} in {@code locale}, with the year or without; empty without days. */
    public static String days(LocalDate first, LocalDate last, Locale locale, boolean withYear) {
        if (first == null || last == null) {
            return "";
        }
        DateTimeFormatter dayMonth = DateTimeFormatter.ofPattern("d MMMM", locale);
        DateTimeFormatter full = withYear ? DateTimeFormatter.ofPattern("d MMMM yyyy", locale) : dayMonth;
        if (first.equals(last)) {
            return full.format(first);
        }
        if (first.getYear() == last.getYear() && first.getMonth() == last.getMonth()) {
            return first.getDayOfMonth() + "–" + full.format(last);
        }
        if (first.getYear() == last.getYear() || !withYear) {
            return dayMonth.format(first) + " – " + full.format(last);
        }
        return full.format(first) + " – " + full.format(last);
    }
}
