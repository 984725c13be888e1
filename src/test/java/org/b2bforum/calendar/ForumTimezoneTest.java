package org.b2bforum.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import biweekly.component.VTimezone;
import biweekly.util.UtcOffset;

/** The VTIMEZONE comes from the JVM's rules: Moscow's one offset since 2014, and a zone with summer time. */
class ForumTimezoneTest {

    @Test
    void moscow_has_one_standard_observance_since_october_2014() {
        VTimezone moscow = ForumTimezone.component(ZoneId.of("Europe/Moscow"), Instant.parse("2026-09-18T07:00:00Z"),
                Instant.parse("2026-09-21T15:00:00Z"));

        assertThat(moscow.getTimezoneId().getValue()).isEqualTo("Europe/Moscow");
        assertThat(moscow.getDaylightSavingsTime()).isEmpty();
        assertThat(moscow.getStandardTimes()).singleElement().satisfies(standard -> {
            assertThat(standard.getDateStart().getValue().getRawComponents().toString(true, true))
                    .isEqualTo("2014-10-26T02:00:00");
            assertThat(standard.getTimezoneOffsetFrom().getValue()).isEqualTo(new UtcOffset(true, 4, 0));
            assertThat(standard.getTimezoneOffsetTo().getValue()).isEqualTo(new UtcOffset(true, 3, 0));
            assertThat(standard.getTimezoneNames().getFirst().getValue()).isEqualTo("MSK");
        });
    }

    @Test
    void a_zone_with_summer_time_gets_each_change_between_the_first_and_the_last_event() {
        VTimezone berlin = ForumTimezone.component(ZoneId.of("Europe/Berlin"), Instant.parse("2026-03-01T10:00:00Z"),
                Instant.parse("2026-11-01T10:00:00Z"));

        assertThat(berlin.getStandardTimes()).hasSize(2); // in force on 1 March, and from 25 October
        assertThat(berlin.getDaylightSavingsTime()).singleElement().satisfies(summer -> {
            assertThat(summer.getDateStart().getValue().getRawComponents().toString(true, true))
                    .isEqualTo("2026-03-29T02:00:00");
            assertThat(summer.getTimezoneOffsetTo().getValue()).isEqualTo(new UtcOffset(true, 2, 0));
            assertThat(summer.getTimezoneNames().getFirst().getValue()).isEqualTo("CEST");
        });
        assertThat(berlin.getStandardTimes().getLast().getDateStart().getValue().getRawComponents()
                .toString(true, true)).isEqualTo("2026-10-25T03:00:00");
    }
}
