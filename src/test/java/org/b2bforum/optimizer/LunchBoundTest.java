package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the lunch boundary's lower bound ({@link LunchBound}) must never exceed the fewest breaks of a schedule
 * that places as many meetings, which brute force gives on small days, and it must be worth something where tables
 * are scarce.
 */
class LunchBoundTest {

    /** forum-13.tables8 at 152 placed: the relaxation's proved optimum (BlockBoundTest expects one more). */
    static final int TABLES8_LUNCH_BOUND = 17;

    @BeforeAll
    static void loadNatives() {
        CpSatScheduler.loadNatives();
    }

    /**
     * One table; participants 0 and 3 each meet once in the morning and once in the afternoon. Without a break each
     * would need the last morning slot, which holds one meeting: one of them breaks.
     */
    private static SchedulingProblem twoCompaniesAcrossLunch(MeetingRequest... extra) {
        List<MeetingRequest> meetings = new ArrayList<>(List.of(
                new MeetingRequest(0, 1, SessionPreference.MORNING, MeetingRequest.FREE, Set.of()),
                new MeetingRequest(0, 2, SessionPreference.AFTERNOON, MeetingRequest.FREE, Set.of()),
                new MeetingRequest(3, 4, SessionPreference.MORNING, MeetingRequest.FREE, Set.of()),
                new MeetingRequest(3, 5, SessionPreference.AFTERNOON, MeetingRequest.FREE, Set.of())));
        meetings.addAll(List.of(extra));
        return CpSatSchedulerTest.problem(6, 4, 2, 1, 2, Map.of(), meetings.toArray(MeetingRequest[]::new));
    }

    @Test
    void theLastMorningSlotSeatsOnlyOneOfTwoCompaniesThatMeetOnBothSidesOfLunch() {
        SchedulingProblem problem = twoCompaniesAcrossLunch();
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        assertThat(analysis.breaksLowerBound()).isZero();
        assertThat(LunchBound.of(analysis, 4, 5)).isEqualTo(1);
        assertThat(BruteForce.optimum(problem)).isEqualTo(1);
        // with two tables both fit around lunch
        SchedulingProblem roomier = new SchedulingProblem(6, 4, 2, new int[] {2, 2, 2, 2}, problem.meetings(),
                problem.forbidden(), 2);
        assertThat(LunchBound.of(new ProblemAnalysis(roomier), 4, 5)).isZero();
        assertThat(BruteForce.optimum(roomier)).isZero();
    }

    @Test
    void aDayWithoutLunchHasNoSuchBound() {
        SchedulingProblem problem = CpSatSchedulerTest.problem(3, 3, 3, 1, 2, Map.of(),
                MeetingRequest.of(0, 1), MeetingRequest.of(1, 2), MeetingRequest.of(2, 0));
        assertThat(LunchBound.of(new ProblemAnalysis(problem), 3, 5)).isZero();
    }

    @Test
    void onRandomSmallDaysWithScarceTablesTheBoundNeverExceedsTheBruteForceOptimum() {
        Random random = new Random(1515);
        int positive = 0;
        int tight = 0;
        int incomplete = 0;
        for (int round = 0; round < 80; round++) {
            // the last 20 rounds with a fixed meeting, a slot without tables and a forbidden slot at the boundary
            SchedulingProblem problem = randomDay(random, round >= 60);
            ProblemAnalysis analysis = new ProblemAnalysis(problem);
            int[] fewest = fewestBreaksByPlacedCount(problem);
            int most = fewest.length - 1;
            while (fewest[most] == Integer.MAX_VALUE) {
                most--;
            }
            if (LunchBound.provedIncomplete(analysis, 5)) {
                assertThat(most).as("round %d: %s", round, problem).isLessThan(problem.meetings().size());
                incomplete++;
            }
            for (int placed = 1; placed <= most; placed++) {
                // at least `placed` meetings: the fewest breaks over every such count
                int optimum = Integer.MAX_VALUE;
                for (int count = placed; count <= most; count++) {
                    optimum = Math.min(optimum, fewest[count]);
                }
                int bound = LunchBound.of(analysis, placed, 5);
                assertThat(bound).as("round %d, %d placed: %s", round, placed, problem).isLessThanOrEqualTo(optimum);
                if (placed == most) {
                    positive += bound > 0 ? 1 : 0;
                    tight += bound > 0 && bound == optimum ? 1 : 0;
                }
            }
        }
        // the random days are tight enough that the bound is often positive, and then often the optimum
        System.out.printf("LunchBoundTest random days: bound positive %d, equal to the optimum %d, "
                + "proved incomplete %d%n", positive, tight, incomplete);
        assertThat(positive).isGreaterThanOrEqualTo(10);
        assertThat(tight).isGreaterThanOrEqualTo(5);
        assertThat(incomplete).isPositive();
    }

    @Test
    void onTheCraftedDaysTheBoundStaysBelowTheKnownOptimaAndLiftsTables8() throws Exception {
        ProblemAnalysis forbidden = analysis("crafted/forum-13crafc.forbidden.dzn");
        // generous limits where a proof is asserted: each solve stops once proved, and the limits are wall time while
        // the solve is one worker's CPU (BlockBoundTest's 60 s ended it unproved at load ~90 on the 2 cores, stab51)
        assertThat(LunchBound.of(forbidden, forbidden.meetingCount(), 600)).isBetween(1, 2); // optimum 2
        ProblemAnalysis tables8 = analysis("crafted/forum-13.tables8.dzn");
        // a generous limit: the solve stops once the relaxation's optimum (17) is proved, 0.28-0.89 s at load 8-14;
        // a short one on a loaded machine could stop at a feasible bound below 2
        int bound = LunchBound.of(tables8, 152, 600);
        // 152 of 154 is the most that fit (proved); the best known schedule for them has 23 breaks (28 before issue
        // 15's eleventh round), and CP-SAT's own bound for the fewest breaks stayed at 0-1 (bench/README, tenth round)
        assertThat(bound).isBetween(2, 23).isEqualTo(TABLES8_LUNCH_BOUND);
        // and every meeting placed is impossible: the relaxation is infeasible (so it claims no bound there)
        assertThat(LunchBound.provedIncomplete(tables8, 600)).isTrue();
        assertThat(LunchBound.of(tables8, 154, 10)).isZero();
        assertThat(LunchBound.provedIncomplete(forbidden, 10)).isFalse();
        // days without a lunch boundary
        ProblemAnalysis tic = analysis("tic-12.original.dzn");
        assertThat(LunchBound.of(tic, tic.meetingCount(), 10)).isZero();
    }

    @Test
    void whenNotEveryMeetingFitsTheSchedulersBoundIncludesTheLunchBoundAndStaysBelowTheOptimum() {
        // a fifth meeting on four single-table slots: at most four placed, and the lunch bound says 1 break
        SchedulingProblem problem = twoCompaniesAcrossLunch(MeetingRequest.of(1, 5));
        int[] fewest = fewestBreaksByPlacedCount(problem);
        assertThat(fewest[5]).isEqualTo(Integer.MAX_VALUE);
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        int lunch = LunchBound.of(analysis, 4, 5);
        assertThat(lunch).isPositive().isLessThanOrEqualTo(fewest[4]);
        ScheduleResult result = ScheduleChecker.solveProved(new CpSatScheduler(), problem, Duration.ofSeconds(2));
        assertThat(result.placements()).hasSize(4);
        assertThat(result.lowerBound()).isGreaterThanOrEqualTo(lunch).isLessThanOrEqualTo(fewest[4]);
        assertThat(result.totalBreaks()).isEqualTo(fewest[4]);
        assertThat(result.provedOptimal()).isTrue();
    }

    /**
     * Where not every meeting fits, the scheduler's bound includes the lunch bound, and with it the solver proves at
     * once what it cannot prove alone: on this day CP-SAT's own bound stayed at 0 for a whole 20 s solve (three
     * days of this kind measured with the lunch bound left out, load ~12), where the lunch bound (10) takes 0.01-0.3
     * s and makes the schedule found optimal at the end of the start's annealing and row search (12 % of the limit, of
     * one core: 0.24 s of 2 s; 10 s spent 1.2 s, bench/README.md run-suite stop 40). A starved test JVM's unproved
     * answer is asked again with 8 s, then 32 s ({@link ScheduleChecker#solveProved}; with 5 s and six CPU hogs
     * beside a load of 17 the placement was not proved in time once).
     * This was shown on forum-13.tables8 with an 8 s run spent whole (tables8 is never proved), 7.5 s of
     * both cores in every build, and too little CPU for its lunch bound at load 17-27.
     */
    @Test
    void whereCpSatAloneStaysAt0TheSchedulersBoundIsTheLunchBoundAndProvesTheSchedule() {
        SchedulingProblem problem = straddlingDay();
        int lunch = LunchBound.of(new ProblemAnalysis(problem), problem.meetings().size() - 1, 10);
        assertThat(lunch).isEqualTo(10);
        ScheduleResult result = ScheduleChecker.solveProved(new CpSatScheduler(), problem, Duration.ofSeconds(2));
        assertThat(result.placements()).hasSize(problem.meetings().size() - 1);
        assertThat(result.lowerBound()).isEqualTo(lunch);
        assertThat(result.totalBreaks()).isEqualTo(lunch);
        assertThat(result.provedOptimal()).isTrue();
    }

    /**
     * Twelve participants meet two companies in the morning and two in the afternoon (five slots each); the last
     * morning slot and the first afternoon slot have three tables, the others twelve. One more participant wants 11
     * meetings in the 10 slots, so not every meeting fits, and takes a table in both boundary slots. A participant
     * without a break meets in both boundary slots, which seat two such participants each: at least 10 break.
     */
    private static SchedulingProblem straddlingDay() {
        int straddlers = 12;
        List<MeetingRequest> meetings = new ArrayList<>();
        int partner = straddlers;
        for (int p = 0; p < straddlers; p++) {
            for (int i = 0; i < 2; i++) {
                meetings.add(new MeetingRequest(p, partner++, SessionPreference.MORNING, MeetingRequest.FREE, Set.of()));
                meetings.add(new MeetingRequest(p, partner++, SessionPreference.AFTERNOON, MeetingRequest.FREE,
                        Set.of()));
            }
        }
        int busy = partner;
        for (int i = 1; i <= 11; i++) {
            meetings.add(MeetingRequest.of(busy, busy + i));
        }
        int[] tables = {12, 12, 12, 12, 3, 3, 12, 12, 12, 12};
        List<Set<Integer>> forbidden = new ArrayList<>();
        for (int p = 0; p <= busy + 11; p++) {
            forbidden.add(Set.of());
        }
        return new SchedulingProblem(busy + 12, 10, 5, tables, meetings, forbidden, 2);
    }

    @Test
    void aLunchBoundAboveTheBreaksOfTheScheduleItIsForIsNotUsed() {
        SchedulingProblem problem = twoCompaniesAcrossLunch();
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        assertThat(LunchBound.of(analysis, 4, 5)).isEqualTo(1);
        // valid schedules: the bound holds
        assertThat(CpSatScheduler.lunchBound(analysis, new int[] {0, 2, 1, 3}, 5)).isEqualTo(1);
        // not a schedule (slots 1 and 2 hold two meetings at one table), with 0 breaks: the bound of 1 exceeds
        // them, which a valid bound cannot do for a schedule, so it is not used
        assertThat(CpSatScheduler.lunchBound(analysis, new int[] {1, 2, 1, 2}, 5)).isZero();
    }

    private static ProblemAnalysis analysis(String resource) throws Exception {
        return new ProblemAnalysis(DznReader.read(DznReaderTest.resource(resource)));
    }

    /**
     * A small day with a lunch boundary, one or two tables, sessions and a few forbidden slots; with
     * {@code harder} also a meeting fixed in a slot, a slot without tables and a participant that cannot meet in
     * one of the two slots next to lunch.
     */
    static SchedulingProblem randomDay(Random random, boolean harder) {
        int participants = 4 + random.nextInt(3);
        int slots = 4 + random.nextInt(2);
        int morning = 2 + random.nextInt(slots - 3);
        int[] tables = new int[slots];
        for (int s = 0; s < slots; s++) {
            tables[s] = 1 + (random.nextInt(4) == 0 ? 1 : 0);
        }
        List<MeetingRequest> meetings = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        int count = 5 + random.nextInt(2);
        while (meetings.size() < count) {
            int a = random.nextInt(participants);
            int b = random.nextInt(participants);
            if (a != b && pairs.add(Math.min(a, b) + "-" + Math.max(a, b))) {
                SessionPreference session = SessionPreference.values()[random.nextInt(3)];
                meetings.add(new MeetingRequest(a, b, session, MeetingRequest.FREE, Set.of()));
            }
        }
        List<Set<Integer>> forbidden = new ArrayList<>();
        for (int p = 0; p < participants; p++) {
            forbidden.add(random.nextInt(4) == 0 ? Set.of(random.nextInt(slots)) : Set.of());
        }
        if (harder) {
            MeetingRequest first = meetings.get(0);
            int from = first.session() == SessionPreference.AFTERNOON ? morning : 0;
            int to = first.session() == SessionPreference.MORNING ? morning : slots;
            meetings.set(0, new MeetingRequest(first.first(), first.second(), first.session(),
                    from + random.nextInt(to - from), Set.of()));
            tables[random.nextInt(slots)] = 0;
            forbidden.set(random.nextInt(participants), Set.of(morning - 1 + random.nextInt(2)));
        }
        return new SchedulingProblem(participants, slots, morning, tables, meetings, forbidden, 2);
    }

    /**
     * Per number of meetings placed, the fewest total breaks of a valid schedule placing exactly that many
     * (fairness left out, which only lowers it; a fixed meeting may be left out too), or {@code Integer.MAX_VALUE}
     * when none places that many.
     */
    static int[] fewestBreaksByPlacedCount(SchedulingProblem problem) {
        int n = problem.meetings().size();
        int[] fewest = new int[n + 1];
        Arrays.fill(fewest, Integer.MAX_VALUE);
        int[] slot = new int[n];
        search(problem, slot, 0, new int[problem.slots()], new HashMap<>(), fewest);
        return fewest;
    }

    private static void search(SchedulingProblem problem, int[] slot, int m, int[] used,
            Map<Integer, Set<Integer>> busy, int[] fewest) {
        if (m == slot.length) {
            List<Placement> placements = new ArrayList<>();
            for (int i = 0; i < slot.length; i++) {
                if (slot[i] >= 0) {
                    placements.add(new Placement(i, slot[i], 0));
                }
            }
            int total = Arrays.stream(ScheduleChecker.breaks(problem, placements)).sum();
            fewest[placements.size()] = Math.min(fewest[placements.size()], total);
            return;
        }
        slot[m] = -1;
        search(problem, slot, m + 1, used, busy, fewest);
        MeetingRequest meeting = problem.meetings().get(m);
        for (int s = 0; s < problem.slots(); s++) {
            boolean morning = s < problem.morningSlots();
            if (meeting.session() == SessionPreference.MORNING && !morning
                    || meeting.session() == SessionPreference.AFTERNOON && morning
                    || meeting.isFixed() && meeting.fixedSlot() != s
                    || used[s] >= problem.tablesPerSlot()[s]
                    || problem.forbidden().get(meeting.first()).contains(s)
                    || problem.forbidden().get(meeting.second()).contains(s)
                    || busy.getOrDefault(meeting.first(), Set.of()).contains(s)
                    || busy.getOrDefault(meeting.second(), Set.of()).contains(s)) {
                continue;
            }
            slot[m] = s;
            used[s]++;
            busy.computeIfAbsent(meeting.first(), k -> new HashSet<>()).add(s);
            busy.computeIfAbsent(meeting.second(), k -> new HashSet<>()).add(s);
            search(problem, slot, m + 1, used, busy, fewest);
            busy.get(meeting.first()).remove(s);
            busy.get(meeting.second()).remove(s);
            used[s]--;
            slot[m] = -1;
        }
    }
}
