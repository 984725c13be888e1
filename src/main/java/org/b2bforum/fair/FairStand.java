package org.b2bforum.fair;

import java.util.Set;

import org.b2bforum.company.Sector;

/**
 * A stand on the fair map: its zone, number and place on the zone's grid, and the exhibiting
 * company (null while free). {@code matches} says whether it answers the visitor's search.
 */
public record FairStand(long id, FairZone zone, String number, int row, int column, Long companyId,
        String companyName, Set<Sector> sectors, boolean matches) {

    public boolean assigned() {
        return companyId != null;
    }
}
