package org.b2bforum.company;

import java.util.Set;

/** A company as listed in the directory. */
public record DirectoryEntry(long id, String shortName, String fullName, String city, Country country,
        Set<Sector> sectors, String offers, String seeks, boolean hasLogo, boolean starred) {
}
