package org.b2bforum.registration;

import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.company.Sector;

/** Filters of the approval queue; a null value does not filter. */
public record RegistrationFilter(RegistrationStatus status, String city, Sector sector) {

    public static RegistrationFilter all() {
        return new RegistrationFilter(null, null, null);
    }
}
