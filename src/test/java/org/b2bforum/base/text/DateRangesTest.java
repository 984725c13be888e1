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
                .isEqualTo("18–21 сентября 2027");
        assertThat(DateRanges.days(LocalDate.of(2027, 2, 9), LocalDate.of(2027, 2, 11), RU, false))
                .isEqualTo("9–11 февраля");
        assertThat(DateRanges.days(LocalDate.of(2027, 9, 30), LocalDate.of(2027, 10, 2), Locale.ENGLISH, true))
                .isEqualTo("30 September – 2 October 2027");
        assertThat(DateRanges.days(LocalDate.of(2027, 12, 30), LocalDate.of(2028, 1, 2), RU, true))
                .isEqualTo("30 декабря 2027 – 2 января 2028");
        assertThat(DateRanges.days(LocalDate.of(2027, 12, 30), LocalDate.of(2028, 1, 2), RU, false))
                .isEqualTo("30 декабря – 2 января");
        assertThat(DateRanges.days(LocalDate.of(2027, 9, 18), LocalDate.of(2027, 9, 18), RU, false))
                .isEqualTo("18 сентября");
        assertThat(DateRanges.days(null, null, RU, true)).isEmpty();
    }
}
