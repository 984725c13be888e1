package org.b2bforum.company;

/**
 * Whether the organizers collect meeting wishes instead of slot bookings, so that company cards
 * offer "add to my wishes" rather than "request a meeting". Implemented by the schedule feature.
 */
public interface WishesPhase {

    boolean collectingWishes();
}
