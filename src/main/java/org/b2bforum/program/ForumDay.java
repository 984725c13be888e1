package org.b2bforum.program;

import java.time.LocalDate;

/** A day of the forum. */
public record ForumDay(long id, LocalDate day) {
}
