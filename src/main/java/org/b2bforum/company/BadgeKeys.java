package org.b2bforum.company;

/** What a badge carries to find its holder by: the check-in token (its QR code) and the short code printed under it. */
public record BadgeKeys(String checkInToken, String code) {
}
