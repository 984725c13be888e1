package org.b2bforum.fair;

/** A company's stand, as a profile or a meeting names it: "Стенд B-14", in the zone. */
public record StandLabel(long standId, String number, FairZone zone) {
}
