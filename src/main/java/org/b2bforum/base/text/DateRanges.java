package org.b2bforum.base.text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Days in words: one date with its year, "20 сентября 2027 г." / "20 September 2027", and a span of days,
 * "18–21 сентября 2027 г.", "30 сентября – 2 октября", one day alone as that day; days of two years more than a month
 * apart always with their years. A Russian date with its year
 * takes "г." after the year, as Russian documents write it; a date without a year takes none.
 */
public final class DateRanges {

    private DateRanges() {
    }

    /** The date with its year: "20 сентября 2027 г.", "20 September 2027". */
    public static String date(LocalDate day, Locale locale) {
        return withYear("d MMMM", locale).format(day);
    }

    /**
     * A day-and-month pattern ({@code "d MMMM"}, {@code "EEEE, d MMMM"}) followed by the year, and by "г." in
     * Russian: every full date with a year the users read is formatted here.
     */
    public static DateTimeFormatter withYear(String dayAndMonth, Locale locale) {
        String year = "ru".equals(locale.getLanguage()) ? " yyyy 'г.'" : " yyyy";
        return DateTimeFormatter.ofPattern(dayAndMonth + year, locale);
    }

    /** The days from {@code first} to {@code last} in {@code locale}, with the year or without; empty without days. */
    public static String days(LocalDate first, LocalDate last, Locale locale, boolean withYear) {
        if (first == null || last == null) {
            return "";
        }
        DateTimeFormatter dayMonth = DateTimeFormatter.ofPattern("d MMMM", locale);
        DateTimeFormatter full = withYear ? withYear("d MMMM", locale) : dayMonth;
        if (first.equals(last)) {
            return full.format(first);
        }
        if (first.getYear() == last.getYear() && first.getMonth() == last.getMonth()) {
            return first.getDayOfMonth() + "–" + full.format(last);
        }
        // days of two years without them only across a new year: a day a year off (a mistyped year in the program)
        // read "18 сентября – 18 сентября" in the frame, hiding the very mistake it should show (ux90)
        if (first.getYear() == last.getYear() || !withYear && last.isBefore(first.plusMonths(1))) {
            return dayMonth.format(first) + " – " + full.format(last);
        }
        DateTimeFormatter dated = withYear("d MMMM", locale);
        return dated.format(first) + " – " + dated.format(last);
    }
}
