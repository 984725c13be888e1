package org.b2bforum.registration;

import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.company.Sector;

/**
 * Filters of the approval queue; a null value does not filter. {@code text} finds a part of the company's short or
 * full name, tax number or e-mail, in any letter case.
 */
public record RegistrationFilter(RegistrationStatus status, String city, Sector sector, String text) {

    public RegistrationFilter(RegistrationStatus status, String city, Sector sector) {
        this(status, city, sector, null);
    }

    public static RegistrationFilter all() {
        return new RegistrationFilter(null, null, null);
    }
}
