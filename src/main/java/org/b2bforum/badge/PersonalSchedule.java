package org.b2bforum.badge;

import java.util.List;

/** A delegate and their schedule in time order: confirmed meetings and the program items they attend. */
public record PersonalSchedule(BadgeHolder delegate, List<ScheduleEntry> entries) {
}
