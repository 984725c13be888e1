package org.b2bforum.notification;

import java.util.Collection;
import java.util.List;

/**
 * A meeting the organizers booked for two companies, once its booking has committed: each company's first delegate
 * attends, chosen by nobody of theirs. Published by the meeting feature after the booking's turn, outside its locks;
 * the representatives of those companies are told to check who goes ({@code AttendeesToChooseNotifier}). The "Meeting
 * confirmed" every booking writes in its turn goes to both companies alike and says nothing of it (ux59 showed a hint
 * on each of those, also to the company that had chosen its people, review57).
 * <p>
 * A company's instant booking writes its partner's "choose who attends" in its own round trip instead
 * ({@link NotificationService#alsoStatements}): published after each such booking, a notification in a transaction of
 * its own cost 13-17 % of the booking benchmark's attempts per second (stop 45).
 *
 * @param companyIds the companies whose people none of theirs chose
 * @param detail the meeting in one line, as the booking's own notification has it
 */
public record AttendeesToChoose(Collection<Long> companyIds, String detail) {

    public AttendeesToChoose {
        companyIds = List.copyOf(companyIds);
    }
}
