package org.b2bforum.badge;

import java.util.List;

/** Everything printed on one badge: the front (holder, check-in link as a QR code) and the back (schedule). */
record BadgeCard(BadgeHolder holder, String checkInLink, List<ScheduleEntry> schedule) {
}
