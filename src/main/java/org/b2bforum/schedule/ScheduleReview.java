package org.b2bforum.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.b2bforum.base.i18n.Bilingual;
import org.b2bforum.schedule.DayProblem.Kind;
import org.b2bforum.optimizer.BreakCounter;
import org.b2bforum.optimizer.SchedulingProblem;
import org.b2bforum.optimizer.Unplaced;

/**
 * A finished run as the organizers review it: the slots of the day with their table use, the
 * meetings placed and not placed (with the reason in data), and each company's day.
 *
 * @param stale  whether the wishes, meetings or program changed since the run was built (it can
 *               then not be published)
 */
public record ScheduleReview(ScheduleRun run, List<SlotUse> slots, List<PlacedMeeting> placed,
        List<UnplacedMeeting> unplaced, List<CompanyDay> companies, boolean stale) {

    /** The fairness bound d every build of a day aims at: companies' breaks at most this far apart. */
    public static final int FAIRNESS = SchedulingProblem.DEFAULT_FAIRNESS;

    /**
     * The fairness gap of the confirmed meetings alone: each company's breaks counting its {@link CellKind#FIXED}
     * cells only, the highest less the lowest. The scheduler never leaves a confirmed meeting out, so where they alone
     * are further apart than the fairness bound d, the run's gap is above d too, and at most this (it leaves wishes
     * out down to their gap, not below it). The review can say so: "the confirmed meetings alone are N apart".
     */
    public int confirmedMeetingsGap() {
        int lowest = Integer.MAX_VALUE;
        int highest = 0;
        for (CompanyDay company : companies) {
            boolean[] confirmed = new boolean[company.cells().size()];
            for (int s = 0; s < confirmed.length; s++) {
                confirmed[s] = company.cells().get(s).kind() == CellKind.FIXED;
            }
            int breaks = BreakCounter.breaks(confirmed);
            lowest = Math.min(lowest, breaks);
            highest = Math.max(highest, breaks);
        }
        return companies.isEmpty() ? 0 : highest - lowest;
    }

    /**
     * Whether the run's fairness gap is above the bound d every build aims at because the confirmed meetings alone are
     * further apart than d: they stay where they are, and the scheduler makes the day fair within their gap instead
     * ({@code optimizer.ScheduleResult#unfairBecauseOfFixedMeetings}). The page says so beside the gap's figure, which
     * was otherwise above d with nothing to tell why.
     */
    public boolean unfairBecauseOfConfirmedMeetings() {
        Integer gap = run.fairnessGap();
        int confirmed = confirmedMeetingsGap();
        return gap != null && gap > FAIRNESS && confirmed > FAIRNESS && gap <= confirmed;
    }

    /** A slot time: its tables (all halls) and how many hold a meeting in this result. */
    public record SlotUse(Instant startsAt, Instant endsAt, int tables, int used) {
    }

    /** A meeting with its place; fixed ones were confirmed before and stay where they are. */
    public record PlacedMeeting(long companyAId, String companyA, long companyBId, String companyB, Kind kind,
            int slot, Instant startsAt, Instant endsAt, String hallName, String hallNameEn, int tableNumber) {

        /** The hall in the language (the Russian name while it has no English one). */
        public String hallName(Locale locale) {
            return new Bilingual(hallName, hallNameEn).in(locale);
        }
    }

    /**
     * A wished meeting the run could not place: the reason, and for
     * {@link Unplaced.Reason#TOO_MANY_MEETINGS} the company concerned, its wished meetings and its free slots.
     */
    public record UnplacedMeeting(long companyAId, String companyA, long companyBId, String companyB, Kind kind,
            Unplaced.Reason reason, String reasonCompany, int wanted, int available) {
    }

    /** One company's day, slot by slot, and its breaks. */
    public record CompanyDay(long companyId, String name, List<Cell> cells, int meetings, int breaks) {
    }

    /** What a company does in a slot: with whom, at which hall's table (the page words it in its language). */
    public record Cell(CellKind kind, String counterpart, Bilingual hall, Integer table) {
    }

    public enum CellKind {
        /** A meeting this run places. */
        MEETING,
        /** A confirmed meeting that stays. */
        FIXED,
        /** Idle between two meetings: part of a break. */
        BREAK,
        /** All its delegates are at program items. */
        PROGRAM,
        /** Free, before the first or after the last meeting. */
        FREE
    }
}
