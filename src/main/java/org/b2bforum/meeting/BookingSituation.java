package org.b2bforum.meeting;

import java.util.List;
import java.util.Map;

import org.b2bforum.notification.NotificationService;
import org.b2bforum.program.BookingSettings;

/**
 * What a booking step needs to know, read by {@link SlotLedger#situation} in one statement once
 * the slot's and both companies' locks are held, for {@link BookingRules} to decide on: the
 * booking settings, how many of the chosen delegates belong to their company, the pair's active
 * meeting in the slot (and its status), both companies' active meetings (as the limit counts them),
 * whether either company has a meeting at that time (in any hall), whether a chosen delegate
 * attends a program item then, the first free table of the slot's hall, and the two companies' log-ins, to notify
 * in the step's last batch.
 */
record BookingSituation(BookingSettings settings, int ownDelegates, Long existing, MeetingStatus existingStatus,
        int activeOfRequester, int activeOfPartner, boolean busy, boolean inProgram, Long freeTable,
        Integer freeTableNumber, String requesterName, String partnerName, String hallName, String hallNameEn,
        NotificationService.Recipients recipients) {

    /** A situation without the log-ins (for the rules, which do not need them). */
    BookingSituation(BookingSettings settings, int ownDelegates, Long existing, MeetingStatus existingStatus,
            int activeOfRequester, int activeOfPartner, boolean busy, boolean inProgram, Long freeTable,
            Integer freeTableNumber, String requesterName, String partnerName, String hallName) {
        this(settings, ownDelegates, existing, existingStatus, activeOfRequester, activeOfPartner, busy, inProgram,
                freeTable, freeTableNumber, requesterName, partnerName, hallName, null, new NotificationService.Recipients(Map.of(), List.of()));
    }
}
