package org.b2bforum.badge;

import java.util.List;

/**
 * Everything printed on one badge: the front (holder, check-in link as a QR code, the badge's code under it as
 * {@code 7KQ-3PX}) and the back (schedule).
 */
record BadgeCard(BadgeHolder holder, String checkInLink, String code, List<ScheduleEntry> schedule) {
}
