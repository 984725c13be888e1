package org.b2bforum.base.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's two clocks (the package's comment): the forum's, on the real time unless
 * {@code b2bforum.clock.start} (e.g. {@code 2027-09-19T09:30+03:00}) starts a rehearsal, which the log says at the
 * start, every organizer's and venue staff's page in one line and {@code /actuator/info} under {@code clock}; and the
 * wall clock, which only a {@link WallClock} injection gets.
 */
@Configuration(proxyBeanMethods = false)
class ForumClocks {

    private static final Logger log = LoggerFactory.getLogger(ForumClocks.class);

    @Bean
    Clock clock(Rehearsal rehearsal) {
        return rehearsal.clock().<Clock>map(c -> c).orElseGet(Clock::systemUTC);
    }

    @Bean
    Rehearsal rehearsal(@Value("${b2bforum.clock.start:}") String start,
            @Value("${b2bforum.clock.started-at:}") String startedAt) {
        if (start.isBlank()) {
            return new Rehearsal(Optional.empty());
        }
        Instant at = startedAt.isBlank() ? Instant.now() : OffsetDateTime.parse(startedAt.strip()).toInstant();
        RehearsalClock clock = new RehearsalClock(OffsetDateTime.parse(start.strip()).toInstant(), at, Clock.systemUTC());
        Duration offset = clock.offset();
        log.warn("REHEARSAL CLOCK: b2bforum.clock.start={} - the application believes it is {} (UTC), {} days {} h {} "
                + "the real time; tokens, sessions, throttles and the log keep the real time. Not for a real forum.",
                start.strip(), clock.instant().truncatedTo(ChronoUnit.SECONDS), offset.abs().toDays(),
                offset.abs().toHoursPart(), offset.isNegative() ? "behind" : "ahead of");
        return new Rehearsal(Optional.of(clock));
    }

    @Bean(defaultCandidate = false)
    @WallClock
    Clock wallClock() {
        return Clock.systemUTC();
    }
}
