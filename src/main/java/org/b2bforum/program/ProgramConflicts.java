package org.b2bforum.program;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The confirmed meetings a program change would break, described for the organizer (e.g.
 * "18.09 10:00 · Дорстроймаш — Мосдорсервис, table 3"). Implemented by the meeting feature.
 */
public interface ProgramConflicts {

    List<String> confirmedMeetingsInSlots(Collection<Long> slotIds);

    List<String> confirmedMeetingsAtTables(Collection<Long> tableIds);

    List<String> confirmedMeetingsOfDelegates(Collection<Long> delegateIds, Instant from, Instant to);

    /** All confirmed meetings of these delegates, whenever they are (a company may not remove them). */
    List<String> confirmedMeetingsOfDelegates(Collection<Long> delegateIds);

    /**
     * Withdraws the requests in slots that are being removed: those still waiting for an answer with a word to both
     * companies, those whose slot has begun (unanswered, nobody could accept them any more) silently.
     */
    void dropRequestsInSlots(Collection<Long> slotIds);
}
