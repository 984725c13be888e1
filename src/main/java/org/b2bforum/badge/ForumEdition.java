package org.b2bforum.badge;

import java.time.LocalDate;

/** The forum as its badges name it: its title and its first and last day (null while it has no days). */
record ForumEdition(String title, LocalDate firstDay, LocalDate lastDay) {
}
