package org.b2bforum.venue;

/**
 * The person a badge belongs to, as the staff at the door see it (no photo, no contacts), and
 * their check-in when there is one. {@code withdrawn}: the company's registration is no longer
 * approved, so the badge does not admit its holder.
 */
public record BadgeHolder(long delegateId, String fullName, String position, String companyName, String city,
        CheckIn checkIn, boolean withdrawn) {

    public boolean checkedIn() {
        return checkIn != null;
    }
}
