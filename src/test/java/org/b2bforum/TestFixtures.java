package org.b2bforum;

import java.time.Clock;

import org.b2bforum.base.clock.WallClock;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.FormLocks;
import org.b2bforum.company.TestCompanies;
import org.b2bforum.fair.FairFixture;
import org.b2bforum.meeting.BookingInvariants;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.schedule.ScheduleFixture;
import org.b2bforum.venue.VenueFixture;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The test fixtures as beans of the application context the tests share: a test asks for them
 * with {@code @Autowired} instead of building each in its own set-up. Found by the application's
 * component scan (test classes are on the class path), so every Spring test gets them without a
 * change of context configuration (one cached context for all, no extra start). They hold no
 * state of their own.
 */
@Configuration(proxyBeanMethods = false)
class TestFixtures {

    @Bean
    BookingFixture bookingFixture(ApplicationContext context) {
        return new BookingFixture(context);
    }

    @Bean
    DelegateFixture delegateFixture(ApplicationContext context) {
        return new DelegateFixture(context);
    }

    @Bean
    VenueFixture venueFixture(ApplicationContext context) {
        return new VenueFixture(context);
    }

    @Bean
    ScheduleFixture scheduleFixture(ApplicationContext context) {
        return new ScheduleFixture(context);
    }

    @Bean
    FairFixture fairFixture(ApplicationContext context) {
        return new FairFixture(context);
    }

    @Bean
    BookingInvariants bookingInvariants(JdbcTemplate jdbc) {
        return new BookingInvariants(jdbc);
    }

    @Bean
    EventDeliveries eventDeliveries(JdbcTemplate jdbc) {
        return new EventDeliveries(jdbc);
    }

    @Bean
    TestCompanies testCompanies(RegistrationService registrations, AccountService accounts) {
        return new TestCompanies(registrations, accounts);
    }

    /** The application's clock, which a test may move ahead on its own thread ({@link TestClock}). */
    @Bean
    @Primary
    TestClock testClock(@Qualifier("clock") Clock forum) {
        return new TestClock(forum);
    }

    /**
     * The wall clock (expiries, throttles, kept session checks), moved ahead with the forum's on a thread a test moved
     * ({@link TestClock}): only a rehearsal sets the two apart.
     */
    @Bean(defaultCandidate = false)
    @Primary
    @WallClock
    TestClock testWallClock() {
        return new TestClock(Clock.systemUTC());
    }

    @Bean
    FormLocks formLocks(NamedParameterJdbcTemplate jdbc, Clock clock) {
        return new FormLocks(jdbc, clock);
    }
}
