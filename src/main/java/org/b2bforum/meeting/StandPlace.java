package org.b2bforum.meeting;

/** A fair stand a meeting can take place at: the stand of one of the two companies. */
public record StandPlace(long standId, String number, long companyId, String companyName) {
}
