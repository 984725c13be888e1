package org.b2bforum.schedule;

/** An approved company a company may add to its wishes. */
public record WishCandidate(long id, String shortName, String city) {
}
