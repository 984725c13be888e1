package org.b2bforum.company;

/** What a delegate is at the forum, printed on the badge as a colour band. Organizers set it. */
public enum BadgeRole {
    PARTICIPANT, ORGANIZER, SPEAKER, PRESS
}
