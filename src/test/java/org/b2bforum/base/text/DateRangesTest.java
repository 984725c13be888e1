package org.b2bforum.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class DateRangesTest {

    static final Locale RU = Locale.forLanguageTag("ru");

    @Test
    void days_of_one_month_share_it_and_days_of_two_months_or_years_name_each() {
        assertThat(DateRanges.days(LocalDate.of(2027, 9, 18), LocalDate.of(2027, 9, 21), RU, true))
                .isEqualTo("18–21 сентября 2027 г.");
        assertThat(DateRanges.days(LocalDate.of(2027, 2, 9), LocalDate.of(2027, 2, 11), RU, false))
                .isEqualTo("9–11 февраля");
        assertThat(DateRanges.days(LocalDate.of(2027, 9, 30), LocalDate.of(2027, 10, 2), Locale.ENGLISH, true))
                .isEqualTo("30 September – 2 October 2027");
        assertThat(DateRanges.days(LocalDate.of(2027, 12, 30), LocalDate.of(2028, 1, 2), RU, true))
                .isEqualTo("30 декабря 2027 г. – 2 января 2028 г.");
        assertThat(DateRanges.days(LocalDate.of(2027, 12, 30), LocalDate.of(2028, 1, 2), RU, false))
                .isEqualTo("30 декабря – 2 января");
        assertThat(DateRanges.days(LocalDate.of(2027, 9, 18), LocalDate.of(2028, 9, 18), RU, false))
                .as("a year apart: with the years, not «18 сентября – 18 сентября»")
                .isEqualTo("18 сентября 2027 г. – 18 сентября 2028 г.");
        assertThat(DateRanges.days(LocalDate.of(2025, 9, 18), LocalDate.of(2027, 9, 19), Locale.ENGLISH, false))
                .isEqualTo("18 September 2025 – 19 September 2027");
        assertThat(DateRanges.days(LocalDate.of(2027, 9, 18), LocalDate.of(2027, 9, 18), RU, false))
                .isEqualTo("18 сентября");
        assertThat(DateRanges.days(null, null, RU, true)).isEmpty();
    }

    /** walked (ux84): the report's title page read "Дата составления отчёта: 20 сентября 2027", without "г.". */
    @Test
    void a_russian_date_with_its_year_takes_the_year_mark_and_an_english_one_does_not() {
        assertThat(DateRanges.date(LocalDate.of(2027, 9, 20), RU)).isEqualTo("20 сентября 2027 г.");
        assertThat(DateRanges.date(LocalDate.of(2027, 9, 20), Locale.forLanguageTag("en-GB")))
                .isEqualTo("20 September 2027");
        assertThat(DateRanges.withYear("EEEE, d MMMM", RU).format(LocalDate.of(2027, 9, 18)))
                .isEqualTo("суббота, 18 сентября 2027 г.");
        assertThat(DateRanges.withYear("EEEE, d MMMM", Locale.ENGLISH).format(LocalDate.of(2027, 9, 18)))
                .isEqualTo("Saturday, 18 September 2027");
        assertThat(DateRanges.days(LocalDate.of(2027, 9, 18), LocalDate.of(2027, 9, 21), Locale.ENGLISH, true))
                .isEqualTo("18–21 September 2027");
    }
}
