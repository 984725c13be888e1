package org.b2bforum.badge;

import org.b2bforum.company.BadgeRole;
import org.b2bforum.company.Country;

/** A delegate as their badge shows them. */
public record BadgeHolder(long delegateId, String fullName, String position, long companyId, String companyName,
        String city, Country country, BadgeRole role) {
}
