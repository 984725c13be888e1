package org.b2bforum.base.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;

/** The rehearsal clock starts where it is set and ticks with the real time. */
class RehearsalClockTest {

    private static final Instant REAL_START = Instant.parse("2026-12-07T08:00:00Z");

    /** The real clock {@code later} after {@link #REAL_START}. */
    private static Clock real(Duration later) {
        return Clock.offset(Clock.fixed(REAL_START, ZoneOffset.UTC), later);
    }

    @Test
    void the_clock_starts_at_the_moment_set_and_then_ticks_with_the_real_time() {
        Instant start = OffsetDateTime.parse("2027-09-19T09:30+03:00").toInstant();
        RehearsalClock atStart = new RehearsalClock(start, REAL_START, real(Duration.ZERO));
        RehearsalClock clock = new RehearsalClock(start, REAL_START, real(Duration.ofMinutes(25).plusSeconds(7)));

        assertThat(atStart.instant()).isEqualTo(Instant.parse("2027-09-19T06:30:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-09-19T06:55:07Z"));
        assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
        assertThat(clock.withZone(ZoneId.of("Europe/Moscow")).instant()).isEqualTo(clock.instant());
        assertThat(java.time.LocalTime.now(clock.withZone(ZoneId.of("Europe/Moscow"))))
                .isEqualTo(java.time.LocalTime.of(9, 55, 7));
    }

    @Test
    void work_run_at_a_forum_moment_reads_that_moment_even_within_the_real_time_and_the_forum_time_is_read_there_too() {
        RehearsalClock clock = new RehearsalClock(Instant.parse("2027-09-22T09:00:00Z"), REAL_START,
                real(Duration.ofMinutes(5)));
        Instant moment = Instant.parse("2027-09-15T10:20:00Z");
        Instant[] inside = new Instant[3];

        RehearsalClock.onTheRealTime(() -> {
            inside[0] = RehearsalClock.forumInstant(clock);
            RehearsalClock.atTheForumMoment(moment, () -> inside[1] = clock.instant());
            inside[2] = clock.instant();
        });

        assertThat(inside[0]).as("the rehearsal's time, read within the real time").isEqualTo(
                Instant.parse("2027-09-22T09:05:00Z"));
        assertThat(inside[1]).isEqualTo(moment);
        assertThat(inside[2]).as("the real time again after it").isEqualTo(REAL_START.plus(Duration.ofMinutes(5)));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-09-22T09:05:00Z"));
    }

    @Test
    void work_run_on_the_real_time_reads_the_real_clock_on_its_thread_only() throws Exception {
        RehearsalClock clock = new RehearsalClock(Instant.parse("2027-09-19T06:30:00Z"), REAL_START,
                real(Duration.ZERO));
        Instant[] inside = new Instant[2];

        RehearsalClock.onTheRealTime(() -> {
            inside[0] = clock.instant();
            Thread other = Thread.ofPlatform().start(() -> inside[1] = clock.instant());
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(inside[0]).isEqualTo(REAL_START);
        assertThat(inside[1]).isEqualTo(Instant.parse("2027-09-19T06:30:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-09-19T06:30:00Z"));
    }

    /** The demo forum is loaded on the real time, and what it makes happen at the venue on the rehearsal's. */
    @Test
    void work_run_on_the_forum_time_within_work_on_the_real_time_reads_the_rehearsal() {
        RehearsalClock clock = new RehearsalClock(Instant.parse("2027-09-20T07:00:00Z"), REAL_START,
                real(Duration.ZERO));
        Instant[] seen = new Instant[3];

        RehearsalClock.onTheRealTime(() -> {
            seen[0] = clock.instant();
            RehearsalClock.onTheForumTime(() -> seen[1] = clock.instant());
            seen[2] = clock.instant();
        });

        assertThat(seen).containsExactly(REAL_START, Instant.parse("2027-09-20T07:00:00Z"), REAL_START);
    }

    @Test
    void nodes_given_the_same_start_of_the_rehearsal_agree_whenever_each_started() {
        Instant start = OffsetDateTime.parse("2027-09-18T10:00+03:00").toInstant();
        Instant startedAt = REAL_START.minus(Duration.ofHours(2)); // the first node, two hours ago
        RehearsalClock restarted = new RehearsalClock(start, startedAt, real(Duration.ZERO));

        assertThat(restarted.instant()).isEqualTo(OffsetDateTime.parse("2027-09-18T12:00+03:00").toInstant());
        assertThat(restarted.offset()).isEqualTo(Duration.between(startedAt, start));
    }

    @Test
    void the_info_endpoint_says_whether_the_forum_runs_on_a_rehearsal_clock() {
        RehearsalClock clock = new RehearsalClock(Instant.parse("2027-09-19T06:30:00Z"), Instant.now(),
                Clock.systemUTC());

        Info.Builder rehearsing = new Info.Builder();
        new RehearsalInfo(new Rehearsal(java.util.Optional.of(clock))).contribute(rehearsing);
        Info.Builder real = new Info.Builder();
        new RehearsalInfo(new Rehearsal(java.util.Optional.empty())).contribute(real);

        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) rehearsing.build().get("clock");
        assertThat(details).containsEntry("rehearsal", true).containsEntry("start", "2027-09-19T06:30:00Z")
                .containsKeys("now", "offset");
        assertThat(real.build().get("clock")).isEqualTo(Map.of("rehearsal", false));
    }
}
