package org.b2bforum.venue;

/**
 * The person a badge belongs to, as the staff at the door see it (no photo, no contacts), and
 * their check-in when there is one.
 */
public record BadgeHolder(long delegateId, String fullName, String position, String companyName, String city,
        CheckIn checkIn) {

    public boolean checkedIn() {
        return checkIn != null;
    }
}
