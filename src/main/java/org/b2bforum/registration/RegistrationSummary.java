package org.b2bforum.registration;

import java.time.Instant;
import java.util.Set;

import org.b2bforum.company.Country;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.company.Sector;

/**
 * A row of the approval queue; {@code awaitingEmailConfirmation} while its log-in's e-mail has not been confirmed by
 * the link sent to it (it cannot be approved meanwhile).
 */
public record RegistrationSummary(long id, String shortName, String fullName, String city, Country country,
        Set<Sector> sectors, RegistrationStatus status, Instant submittedAt, boolean awaitingEmailConfirmation) {
}
