package org.b2bforum.base.security;

import java.time.Clock;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Locks an address for the anonymous forms as a node with the production limit would: the tests' own throttle has a
 * limit raised out of reach (every test request comes from 127.0.0.1), and the lock, in the database, holds for it too.
 */
public class FormLocks {

    private final LoginThrottle productionLimit;

    public FormLocks(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.productionLimit = new LoginThrottle(clock, jdbc, new LoginRecords(jdbc, clock));
    }

    /** A throttle with the production limits, on the shared database (its locks hold for every node). */
    public LoginThrottle productionLimits() {
        return productionLimit;
    }

    /** Submits forms from this address until it is locked. */
    public void lock(String address) {
        while (productionLimit.formSubmitted(address).isEmpty()) {
            // the next submission
        }
    }
}
