package org.b2bforum.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ForumTimeTest {

    private final ForumTime time = new ForumTime("Europe/Moscow");
    private final Instant now = Instant.parse("2026-09-19T06:30:00Z"); // 09:30 in Moscow

    @Test
    void a_brief_time_is_the_hour_today_in_the_forums_zone_the_day_this_year_and_the_date_before() {
        Locale ru = Locale.forLanguageTag("ru");
        assertThat(time.brief(Instant.parse("2026-09-18T21:10:00Z"), now, ru)).as("00:10 in Moscow, today there")
                .isEqualTo("00:10");
        assertThat(time.brief(Instant.parse("2026-09-18T20:50:00Z"), now, ru)).as("23:50 in Moscow, yesterday")
                .isEqualTo("18 сент.");
        assertThat(time.brief(Instant.parse("2026-09-18T20:50:00Z"), now, Locale.ENGLISH)).isEqualTo("18 Sep");
        assertThat(time.brief(Instant.parse("2025-12-30T12:00:00Z"), now, ru)).isEqualTo("30.12.2025");
        assertThat(time.brief(Instant.parse("2026-09-19T12:05:00Z"), now, Locale.ENGLISH)).isEqualTo("3:05\u202fPM");
    }
}
