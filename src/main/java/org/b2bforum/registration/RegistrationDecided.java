package org.b2bforum.registration;

import org.b2bforum.company.RegistrationStatus;

/** Published when an organizer decides on a registration, inside the deciding transaction. */
public record RegistrationDecided(long companyId, String companyName, RegistrationStatus decision,
        String comment) {
}
