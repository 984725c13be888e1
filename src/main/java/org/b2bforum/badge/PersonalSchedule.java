package org.b2bforum.badge;

import java.util.List;

/**
 * A delegate and their schedule in time order: confirmed meetings and the program items they attend; with their badge's
 * code as shown ({@code 7KQ-3PX}), null while neither a print nor their page has made it.
 */
public record PersonalSchedule(BadgeHolder delegate, List<ScheduleEntry> entries, String badgeCode) {
}
