package org.b2bforum.notification;

import java.util.Collection;
import java.util.List;

/**
 * A meeting confirmed without a company's own choice of who of it attends, once its booking has committed: booked at
 * once into a free slot by the other company (none of the company's delegates attends yet), or by the organizers (its
 * first delegate does, chosen by nobody). Published by the meeting feature after the booking's turn, outside its
 * locks; the representatives of those companies, and only they, are told to choose ({@code AttendeesToChooseNotifier}).
 * The "Meeting confirmed" every booking writes in its turn goes to both companies alike and says nothing of it (ux59
 * showed a hint on each of those, also to the company that had chosen its people, review57).
 * <p>
 * Published for the organizers' bookings. A company's instant booking writes its partner's "choose who attends" in its
 * own round trip instead ({@link NotificationService#alsoStatements}): published after each such booking, this
 * notification's own transaction cost 13-17 % of the booking benchmark's attempts per second (stop 45).
 *
 * @param companyIds the companies whose people none of theirs chose
 * @param detail the meeting in one line, as the booking's own notification has it
 * @param noneAttends true when none of their delegates attends yet, false when the organizers sent the first
 */
public record AttendeesToChoose(Collection<Long> companyIds, String detail, boolean noneAttends) {

    public AttendeesToChoose {
        companyIds = List.copyOf(companyIds);
    }
}
