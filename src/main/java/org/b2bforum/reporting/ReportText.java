package org.b2bforum.reporting;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.b2bforum.base.text.DateRanges;
import org.b2bforum.company.Cities;
import org.b2bforum.company.Country;
import org.b2bforum.company.Sector;
import org.b2bforum.venue.Outcome;

import com.vaadin.flow.i18n.I18NProvider;

/** The report's words in one language: translations, names of cities and sectors, numbers and dates. */
final class ReportText {

    private final I18NProvider i18n;
    private final Locale locale;
    private final ZoneId zone;
    private final NumberFormat numbers;
    private final DateTimeFormatter dateTime;

    ReportText(I18NProvider i18n, Locale locale, ZoneId zone) {
        this.i18n = i18n;
        this.locale = locale;
        this.zone = zone;
        this.numbers = NumberFormat.getIntegerInstance(locale);
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", locale);
    }

    Locale locale() {
        return locale;
    }

    String t(String key, Object... params) {
        return i18n.getTranslation(key, locale, params);
    }

    String number(long n) {
        return numbers.format(n);
    }

    /** "85,3 %" of the whole, or "—" when the whole is nothing. */
    String share(long part, long whole) {
        if (whole == 0) {
            return "—";
        }
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
        percent.setMinimumFractionDigits(1);
        return percent.format((double) part / whole);
    }

    String city(String stored) {
        return Cities.inLanguage(stored, this::t);
    }

    String country(Country country) {
        return t(country.translationKey());
    }

    String sector(Sector sector) {
        return t(sector.translationKey());
    }

    String outcome(Outcome outcome) {
        return t(outcome.translationKey());
    }

    /** "20 сентября 2027 г.", "20 September 2027". */
    String date(LocalDate day) {
        return DateRanges.date(day, locale);
    }

    /** The forum's day (in its time zone) of the instant. */
    LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The instant on the forum's clock: the report's tables give times as the forum's people lived them. */
    LocalDateTime local(Instant instant) {
        return instant.atZone(zone).toLocalDateTime();
    }

    /**
     * "2027-09-18 14:00" in both languages, as the leads workbook writes it: the English report wrote the Russian dots
     * (ux87), then "18/09/2027", which an American reads month first. The column titles say the zone (Moscow time).
     */
    String dateTime(LocalDateTime at) {
        return dateTime.format(at);
    }

    /** The workbook's format of a date and time, as {@link #dateTime} writes it. */
    String sheetDateTime() {
        return "yyyy-mm-dd hh:mm";
    }

    /** "18–21 сентября 2026 г." or the single day; empty while the forum has no days. */
    String forumDates(LocalDate first, LocalDate last) {
        return DateRanges.days(first, last, locale, true);
    }

    String forumTitle() {
        return t("app.title");
    }
}
