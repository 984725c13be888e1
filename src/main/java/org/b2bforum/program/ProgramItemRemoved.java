package org.b2bforum.program;

import java.util.List;

/**
 * An organizer removed a program item: the delegates who had signed up for it ({@code delegateIds}, of
 * {@code companyIds}) are told after it has committed. {@code detail} is the item in one line, stored as a meeting line is
 * ("18.09 10:00–11:00 · Круглый стол/Round table", {@code base.i18n.MeetingLine}), shown in the reader's language.
 */
public record ProgramItemRemoved(long itemId, String detail, List<Long> companyIds, List<Long> delegateIds) {
}
