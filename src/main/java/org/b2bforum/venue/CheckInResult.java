package org.b2bforum.venue;

/**
 * What a check-in did: {@code firstTime} when this call checked the delegate in, false when an
 * earlier scan had (then {@code holder.checkIn()} is that earlier check-in).
 */
public record CheckInResult(BadgeHolder holder, boolean firstTime) {
}
