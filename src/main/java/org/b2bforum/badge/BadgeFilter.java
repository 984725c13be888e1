package org.b2bforum.badge;

import org.b2bforum.company.BadgeRole;

/** Which badges to print: any combination of a city, a company and a role; null means any. */
public record BadgeFilter(String city, Long companyId, BadgeRole role) {

    public static final BadgeFilter ALL = new BadgeFilter(null, null, null);

    public BadgeFilter {
        city = city == null || city.isBlank() ? null : city.strip();
    }
}
