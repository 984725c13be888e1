/**
 * The automatic meeting scheduler: places the wished meetings of one forum day into slots and tables, with
 * as few breaks (runs of idle slots between two meetings of a company) as possible and a fairness bound d on
 * the difference between any two companies' breaks. Free of Vaadin and JPA: the product's services turn their
 * entities into a {@link org.b2bforum.optimizer.SchedulingProblem} and the
 * {@link org.b2bforum.optimizer.ScheduleResult} back into meetings.
 *
 * <h2>Why CP-SAT</h2>
 * The optimiser is {@link org.b2bforum.optimizer.CpSatScheduler}, built on Google OR-Tools' CP-SAT
 * ({@code com.google.ortools:ortools-java}, Apache-2.0, only the Linux x86-64 natives are packaged).
 * <ul>
 *   <li>The problem is a pure 0-1 problem with a small integer objective, which is CP-SAT's home ground: a
 *   clause-learning SAT core with linear constraints, presolve, and a portfolio of search strategies run in
 *   parallel. It proves optimality (lower bounds, infeasibility) instead of only improving a schedule.</li>
 *   <li>Timefold (the other serious Java option) is a local-search engine: good at keeping many soft
 *   constraints roughly right, but it never proves a bound, and "every meeting placed, zero breaks" is a
 *   needle-in-a-haystack feasibility question that local search handles poorly.</li>
 *   <li>The best published method (Bofill et al., JAIR 2022) is a MaxSAT encoding solved by UWrMaxSat. No
 *   maintained Java MaxSAT solver of that class exists on Maven Central, and calling a native binary would
 *   be a home-made integration; CP-SAT gives us the same clause-learning search, in process, with a
 *   maintained Java API, time limits, solution callbacks (progress) and thread safety.</li>
 * </ul>
 *
 * <h2>The model</h2>
 * {@link org.b2bforum.optimizer.ProblemAnalysis} first works out, per meeting, the slots it may take (its
 * part of the day, neither side's forbidden slots, its fixed slot), so that no variable exists for an
 * impossible slot. Then ({@link org.b2bforum.optimizer.CpSatModel}):
 * <ul>
 *   <li>x[m,s]: meeting m takes slot s; exactly one per meeting (or at most one, see below);</li>
 *   <li>y[p,s]: participant p meets in slot s, y = sum of its meetings' x (so at most one); sum over s of
 *   y[p,s] = its number of meetings (redundant);</li>
 *   <li>tables: at most nTables meetings per slot; redundant: the busy participants of a slot are exactly
 *   twice its meetings (so at most 2 nTables, and even);</li>
 *   <li>precedences: clauses "m in s excludes the earlier meeting from every slot &ge; s";</li>
 *   <li>breaks, by prefix and suffix chains: before[p,s] = p met in some slot &le; s, after[p,s] = p meets in
 *   some slot &ge; s. A break ends in s when p meets in s, not in s - 1, and before[p,s-1]; breaks[p] = the
 *   number of such ends, exact (both directions are clauses, which fairness needs). hasBreak[p] is their
 *   disjunction, and the hole clauses "before[p,s-1] and after[p,s+1] and p idle in s imply hasBreak[p]"
 *   make "no break" propagate like consecutiveness itself;</li>
 *   <li>windows (redundant): a participant with n meetings and no break meets in one window of n
 *   consecutive slots; window[p,f] literals, exactly one when hasBreak[p] is false, each forcing its slots
 *   busy; a busy slot lies in the window; and for each meeting (a, b), a's window must overlap b's when b
 *   has no break either;</li>
 *   <li>implied by a participant's own meetings ({@link org.b2bforum.optimizer.ProblemAnalysis#minBreaks}): when
 *   no window of consecutive slots can hold them all (a perfect matching of its meetings to the window's slots,
 *   each within its allowed slots), it has at least one break, and at least two when no two blocks can either;
 *   hasBreak and breaks are bounded so. CP-SAT's presolve did not find these; the forbidden-slot days have many
 *   such participants (forumt-14: 5, its published optimum, so it is proved before any search);</li>
 *   <li>fairness: every participant's breaks within [lo, hi] with hi - lo &le; d (when someone has fewer
 *   than two meetings, lo is 0 and this is simply breaks &le; d).</li>
 * </ul>
 *
 * <h2>The search</h2>
 * Minimising the sum of breaks directly is weak: the LP bound is 0 and the objective gives the SAT search
 * little to learn from. So the scheduler asks decision questions bottom-up: "a schedule with at most k
 * breaks in all?" for k = 0, 1, 2, 3 (plus "at most k participants with a break"; for k &le; d fairness holds
 * by itself and is left out). The first "yes" is optimal, since every smaller k was refuted, and each "no"
 * is a proven lower bound. These decision solves run CP-SAT's portfolio without its LP-based workers: the
 * questions are pure clause learning, and on 2 cores the LP workers only took CPU from the no-LP ones. The
 * levels start at the sum of the participants' own lower bounds (above), not at 0. When that sum is the number
 * of participants that must break, its level is asked with exactly them allowed a break, each with its two-block
 * patterns as for a suspect below, so it propagates like level 0 (forumt-14 with forbidden slots: optimal and
 * proved in the first solve).
 *
 * <p>Level 1 ("one break in all") is where the benchmark's hard cases are (the 12-table instances, whose
 * level 0 is refuted in a fraction of a second): the search has to find the one participant and the one gap.
 * The scheduler asks with one suspect at a time allowed a break, the most constrained first: the
 * participant with the fewest windows of consecutive slots that could hold its whole day (its slots, its
 * morning-only and afternoon-only meetings), for example one whose morning and afternoon meetings pin its day
 * across lunch. Everyone else's hole clauses are then hard, and the suspect's day is spelled out as either
 * one window or one of its two-block patterns (block, gap, block), and each of its partners' windows must
 * meet one of the two blocks, so the question propagates like level 0. A "yes" is optimal; a "no" rules the
 * suspect out. Up to three suspects whose day is pinned to a single window are asked first, then level 1
 * without restriction for 5% of the limit (which refutes it quickly where it is false), then the other
 * suspects; when every one of them is refuted, so is level 1.
 *
 * <p>When a level is left unanswered, or the levels run out, the two levels above the proven bound are asked
 * ("at most bound + 1 breaks, and at least the bound?"), 25% of the limit each. On the crafted days with scarce
 * tables the question at the level just below the optimum stays unanswered for long (tic-13.tables19's "at most 3?"
 * for 90 s), while the one at the optimum answers "yes" within 1-3 s (tic-14crafc.tables24: 4 breaks, where the optimisation's first
 * schedules had 5-16); the optimisation below then starts from that schedule, and its LP worker proves it
 * (issue 15, eighth round). From the unrestricted question just above the participants' summed bound (when that is
 * level 2 or more: level 1 is the suspects') until the optimisation begins, the row search (below) goes on beside the
 * questions from the start's schedule, in a thread of its own ({@link org.b2bforum.optimizer.RowsBeside}); its best
 * is the optimisation's hint when better, and the answer when the optimisation ends above it. On
 * forum-13crafc.forbidden that question ("at most 2?", 42 % of the limit) and the next ("at most 3?") answered
 * nothing in 6-7 s of a 10 s build while the row search, the part that still improves there, had only the start's
 * 1.2 s: 4.0 breaks on average in 17 builds against 4.6 without (optimum 2). The visible ten are answered at or below
 * level 1 and never ask it; started also at the 10 % questions two and more above the bound, it took CPU from the
 * proofs of tic-13.more195, tables19 and tables24 (6-8 s instead of 3-6 s), so it is not (issue 15, twenty-sixth
 * round). Where the participants' bound's own level is left unanswered (under load its presolve alone took the
 * budget: forbidden's must-breakers' level in 3 of 4 builds at load 25-30), the question just above the bound is the
 * first of the two above the proven bound, and the row search starts there instead (issue 15, stop 46: without it
 * such a build ran no row search beside, the cause of the twenty-sixth round's test flake).
 *
 * <p>In the levels' loop that question (the bound's own level refuted) is not a decision solve but the fewest breaks
 * told the bound, asked of one core-based CP-SAT worker with its LP ({@code optimize_with_core}, linearization 1,
 * reverse assumption order), for all the build's time left but the finish (the levels' reserve went to questions that
 * bettered nothing once it had not answered; issue 15, stop 48, i15-opt25). All of its answer is kept
 * ({@link org.b2bforum.optimizer.CoreAnswer}): a schedule it proved optimal is the build's answer, proved, whatever its
 * breaks (also above the bound it was told); unproved, its schedule is what the row search beside is measured against
 * and the start of what follows when better than the local search's, and the bound it proved (unanswered too) is the
 * build's (issue 15, stop 50: until then only a schedule at the bound was kept and the rest thrown away); where it has
 * found nothing, the row search beside is the answer when better than the start. That worker assumes every break away and gives up only those its
 * conflicts force, which is the published MaxSAT approach's (core-guided) way: on forum-13crafc.forbidden it found the
 * optimum 2 in 13.6-28.1 CPU s in all eleven solves (seeds and variants), where the decision solves' three no-LP
 * workers answered nothing in 55 CPU s, and the same worker without the core approach, without its LP (CP-SAT's own
 * "core" subsolver) or with the level's cap found nothing at 2 in 25-40 CPU s. A 20 s build (the product's default)
 * now answers forbidden with its optimum, proved, at 15-16.5 s in 7 of 12 builds (main: 3-5 in all 11); a 10 s build
 * gives the worker about 7 s, too few, and answers 3-4 breaks (3.6 on average in 14 builds against 4.3), the row search
 * beside having the other core to itself (issue 15, stop 48). Given the levels' reserve too, it answered 15 s builds
 * with the optimum, proved, in 5 of 6 (none of 6 before; i15-opt25).
 *
 * <p>Before the first question past the participants' summed bound, when the local search (below) could not
 * place every meeting either, the placement model is asked for 10% of the limit how many meetings can be placed
 * at all. Where fewer than all can (too few tables for the day's shape, which the data alone do not show), every
 * level question is infeasible and would be refuted one suspect after another for the whole limit
 * (forum-13.tables8 did so, 187 s for "every meeting placed", before the lunch boundary's check below sent it to
 * the placement ahead of every level question; this step is for the days that check does not catch); the
 * placement's LP bound proves the maximum within a second, and the rest of the time goes to the fewest breaks
 * for that many meetings.
 *
 * <p>Each level gets at most 42% of the time limit and all levels together at most 85% of it, except the levels
 * two or more above the participants' summed bound, which get 10% each: the published days are answered below
 * them, and on the crafted days they refute quickly or not at all (tic-13.tables19's "at most 3?" used 4.2 s of
 * 10 and was not answered in 90). If neither a level nor a question above the bound
 * answered "yes", the model without the level cap is solved as a decision problem first, for a fair schedule
 * with every meeting placed (tried first with only the twelve most constrained participants allowed breaks,
 * which gives far fewer breaks when it works), and then as an optimisation, told the lower bound and started
 * from that schedule, for the time left.
 *
 * <h2>The floor</h2>
 * Before any solve, two instant placements are made and improved by single moves and swaps (at most 0.3 s):
 * the baseline's list order ({@link org.b2bforum.optimizer.GreedyScheduler}) and the most constrained first
 * ({@link org.b2bforum.optimizer.FirstFit}); the better one is the floor. It is the solvers' hint (when not
 * every meeting fits, every variable is hinted, break chains and windows included, so a fair floor is a complete
 * first solution; elsewhere only its slots, which measured no worse), and the answer is never worse than it, whatever
 * the limit and the machine's load: more meetings placed first, then fewer breaks, and never a fairness gap above d,
 * a rule of the product. The floor and the local search below may be unfair (the annealing trades fairness for placed
 * meetings), and the solver, starved, may answer with nothing better; then the answer is the fair part
 * ({@link org.b2bforum.optimizer.FairPart}) of the better of them: meetings taken out one at a time, the one whose
 * removal leaves the least unfairness first (free ones alone while that makes it fair, a fixed one only when it does
 * not, never one every answer keeps: below), until it is fair, then every meeting left out put back where it keeps it
 * fair (forum-13.tables8 once answered with 148 meetings and a
 * gap of 3 at 2 s beside three busy loops; issue 15, eighteenth round). The placement's fewest-breaks solve starts
 * from that fair part too. Under a CPU hog the "most meetings placed" phase could
 * otherwise return its first poor solution (7 meetings placed where first-fit places 106, issue 15). CP-SAT runs one worker per core and one more by default (3 to 8): on 2 cores,
 * 8 time-sliced workers were each too slow for the hard one-break question of ticf-13crafc, while 3 keep
 * enough of the portfolio's diversity and found every optimum in every run.
 *
 * <h2>The local search beside it</h2>
 * While the first levels are asked, a thread anneals the floor ({@link org.b2bforum.optimizer.LocalSearch}: one
 * meeting into another slot, the meetings in its way taken out to be put back later, cost = 4 per meeting out, 3
 * per break of unfairness, 1 per break) for 12% of the limit, at most 1.5 s (25% and 2.5 s gave the day with
 * forbidden slots, forum-13crafc.forbidden, 9-12 breaks in 10 s instead of 12-18, but took CPU from the level-1
 * question of ticf-13crafc, proved in 4.3-6.5 s with 12%, 5.5-7.0 s with 25%, and once not within 10 s). On the hard days it places every
 * meeting where first-fit left 5-15 out, with half the floor's breaks or fewer. When no level answers, it is the
 * optimisation's hint (and the start-finding decision solves are skipped when it is complete and fair), and,
 * as the floor, the answer of last resort. After 2 million steps of annealing (20,000 a meeting on days of fewer than
 * 100 meetings) the rest of that time goes to the row search
 * ({@link org.b2bforum.optimizer.RowSearch}): one participant's whole day taken out and put back, exactly, where it
 * and its partners break least (a dynamic programme over the slots, everything else fixed), with occasional
 * kicks that forbid a meeting its slot. Single moves stop far above the optimum on the days with forbidden slots
 * or scarce tables; from the same annealed start, 5 s of row steps gave forum-13crafc.forbidden 7-13 breaks
 * where 5 s more annealing gave 11-20 (issue 15, ninth round). Between two row steps the row search tries 2,000 Kempe-chain moves ({@link
 * org.b2bforum.optimizer.RowSearch}): a meeting in slot s is sent to slot t, the meetings of its two participants in t
 * go to s, theirs in s to t, and so on (a path or a cycle, since a participant meets at most once a slot), so every
 * participant still meets at most once a slot and only the chain's two ends change their day; taken when allowed
 * for every meeting of the chain, within the tables and fair, as in annealing by its change in breaks. Three chains in
 * four start from a participant with a break (only the chain's ends change their day, and on the hard days a handful
 * of the 60-80 participants have one; issue 15, twelfth round). The classic
 * move of timetabling and edge colouring; a single move or a row cannot shift a meeting whose partners are busy in the
 * target slot. From the same 1.5 s annealed start, 1 s of the search with chains against 3 s of rows alone (issue 15,
 * eleventh round): forum-13crafc.forbidden 5-9 breaks against 9-16, forum-13.tables8 25-33 against 30-36 (best known
 * 28 before, 23 then), tic-14crafc.tables24 4-5 against 15-19, tic-13.tables19 4-5 against 7-11 (both optima 4). Where
 * meetings are left out (not all fit), the row search also tries 200 exchanges a step: a left-out meeting put into one
 * of its slots in place of the meeting of one of its participants there (or of any meeting, the slot's tables all
 * taken), as many placed, taken as the chains are; rows and chains keep the start's left-out meetings out, and which
 * ones they are decides much of the breaks (forum-13.tables8, 3,000 row steps from the same six annealed starts: 143-147
 * breaks summed against 166, best known 21 now; issue 15, thirteenth round). The local
 * search ends early once its schedule cannot be bettered: every meeting placed, fair, at the participants' own
 * bounds, or only the meetings the data force out ({@link org.b2bforum.optimizer.ProblemAnalysis#leastLeftOut}) left
 * out and no break (the rows keep the number placed, so they stop at no break too); where not every meeting fits the
 * build waits for it, and a small day waited the whole min(1.5 s, 12 % of the limit) for nothing (issue 15,
 * sixteenth round). When the local
 * search has ended with a complete fair schedule, no level question at or above its breaks is asked (it answers
 * them), and when those below were refuted it is the answer, proved optimal. Not beside the optimisation: with one thread
 * left free CP-SAT (2 workers) interleaves all its subsolvers and runs no full-problem {@code max_lp}, whose
 * bound proves the days with scarce tables. Every model's solve counts the time its model took to build within
 * its share: under a CPU hog building took seconds and the whole build ran past its limit. The optimisation
 * solves run one full-problem worker and give the other threads to CP-SAT's neighbourhood search, which improves
 * the good schedule they start from (on 2 cores: 6-9 breaks instead of 12-16 on the 24-table crafted day). That
 * one worker is CP-SAT's {@code max_lp}, the one with the fullest linear relaxation of the model: on the crafted
 * days with scarce tables its bound, found within about a second, is one above what the level questions prove
 * and is the optimum (tic-13.more195: 5, tic-13.tables19: 4, both proved in 5-11 s where no run had proved them,
 * 240 s included); the default full worker's LP never raised those bounds.
 *
 * <p>A start starved of CPU (its thread used less than a fifth of its wall time: beside busy loops at load 20-48 it
 * got 2-5 % of a core, a few ms where placing takes 10-30) that left meetings out goes on beside the search
 * ({@link org.b2bforum.optimizer.StarvedStart}), in rounds of annealing from its best, until the build ends; the build
 * waits for it until the deadline at most where its answer leaves meetings out, and its best, cut to its fair part,
 * is a floor like the others. The solver built no model in time there, so the answer was the start as it stood
 * (forum-13.tables8: 146-149 of 152 beside 40 busy threads; going on, 151-152).
 *
 * <h2>When not everything fits</h2>
 * If the data already show it (a meeting without a common slot, a company with more meetings than free
 * slots, fewer tables than meetings, a precedence cycle, or the halves of the day cannot take every meeting:
 * {@link org.b2bforum.optimizer.LunchBound}, below), or the decision model is proved infeasible, a
 * second model gets a placed[m] literal per meeting and is solved lexicographically: first the most
 * meetings placed (half the remaining time), then, with that count required, the fewest breaks: started from
 * the annealed schedule when it places as many and is fair, with the row search (its Kempe chains included) run
 * again from it beside the solver, the better of the two taken (forum-13.tables8: 31-33 breaks in 10 s against 35-41 with the solver
 * alone, the annealing and rows run again; 25-28 with the chains, issue 15 eleventh round). Not the annealing again:
 * that schedule already places what it can, and its 2 million steps only spent the first second. The solver is judged
 * by what it does: when after 15 % of that time it has found nothing better than its hint, a second row search from the
 * same schedule with another seed takes the rest of its time (the two row searches on the two cores, the best of them
 * taken; where the solver has bettered its hint it goes on from its best). On forum-13.tables8 CP-SAT never bettered
 * its hint there, in 10 s or 60 s, while one row search alone with a core to itself reached 21-23 in 8 s: 22.4 breaks
 * on average in 25 builds of 10 s against 23.2 (issue 15, stop 47).
 *
 * <p>The fewest breaks' lower bound there comes from the lunch boundary ({@link org.b2bforum.optimizer.LunchBound}),
 * which the model's LP does not see: a participant meeting both in the morning and in the afternoon without a break
 * meets in the last morning slot and the first afternoon slot, which seat only twice their tables; where tables are
 * scarce, the morning cannot take every meeting that could go there, and more participants must meet on both sides
 * than those two slots seat. A small CP-SAT relaxation (per meeting its half and whether it takes a boundary slot; per
 * participant whether it meets on both sides without a break) gives the fewest such breaks: forum-13.tables8 17
 * (CP-SAT's own bound was 0-1; best known 21) in 0.28-0.89 s at load 8-14 (at most 3 s and 20% of the limit are
 * given to it), and the solver is told it; it proves a schedule optimal only where it is tight (not on
 * forum-13.tables8: 17 against 21). For the rest of that time a finer relaxation,
 * {@link org.b2bforum.optimizer.BlockBound}, cuts the day at lunch and three slots after it: per meeting its block,
 * the slots on either side of each cut modelled exactly, a break counted for each run of blocks a participant leaves
 * empty between two it uses, for each cut between two used blocks where it is idle just before or after, and at lunch
 * for a hole its forbidden slots force inside the block before or after (each a different hole, so never more than the
 * schedule's breaks; the class doc gives the argument). It proves 18 on forum-13.tables8 (1.1-1.5 CPU s); the larger
 * of the two is used (issue 15, seventeenth round). The relaxation's halves alone (without the boundary slots and the breaks), with
 * every meeting placed, are infeasible there (0.1 s), which sends that day to the placement before any level
 * question; that check is skipped when the floor already places every meeting.
 *
 * <p>Each
 * meeting left out gets a reason computed from the data: TOO_MANY_MEETINGS (with the wanted and available
 * counts of the company), NO_COMMON_SLOT, NO_TABLE (every slot it could take is full), CONFLICTING_CONSTRAINTS
 * (fixed slots, precedences, fairness), or TIME_LIMIT when the placement count was not proven maximal.
 *
 * <h2>Fixed meetings are kept</h2>
 * A fixed meeting is the caller's commitment (the product's confirmed meetings): every answer places each fixed meeting
 * that does not collide with another fixed one ({@link org.b2bforum.optimizer.FixedMeetings}; the placement
 * model requires them, {@code FairPart} never takes them out, and the local searches never moved them). Where they alone
 * give two participants breaks further apart than d, no schedule keeping them is fair within d as they stand, so the
 * fairness bound is their own gap instead ({@link org.b2bforum.optimizer.ProblemAnalysis#fairness}): the free meetings
 * can always be taken out down to it, and the answer says why it is above d
 * ({@link org.b2bforum.optimizer.ScheduleResult#fixedMeetingsGap}). Before, the fair part took a fixed meeting out,
 * last, and gave its time to another meeting, which the product, keeping every confirmed meeting, then had to leave
 * out again: ux50's forum day (500 companies, 838 confirmed meetings, their own gap 6) dropped 100 confirmed meetings in
 * a 20 s build and stored a gap of 6 (issue 15, twenty-first round).
 *
 * <p>The same meetings give a lower bound that holds however many of the others are placed
 * ({@link org.b2bforum.optimizer.ProblemAnalysis#fixedBreaksLowerBound}): a run of idle slots between two of a
 * participant's fixed meetings is a break unless its other meetings fill every slot of it, and the largest set of such
 * runs they can fill together is found by matching (every subset, the runs being few). Every answer's bound is at least
 * this, and so is the product's must-meet-first build's (whose parts' bounds hold for the parts only: it claimed none
 * for the day). On ux50's forum day (more meetings than table places: no level question is asked) it is 137, where the
 * stored bound was 0 and the review could not say "at most N breaks better possible".
 *
 * <h2>Tables</h2>
 * {@link org.b2bforum.optimizer.TableAssigner} gives tables after the slots are chosen: per slot a maximum
 * matching of meetings to the tables their companies had in the slot before, so a company keeps its table
 * across consecutive meetings wherever two claims do not collide.
 *
 * <h2>The first build in a JVM</h2>
 * Left alone, a JVM's first build loads OR-Tools' native library within its own time limit (71 MB extracted and
 * linked: 0.85 CPU seconds, 1.4-4.6 s at load 16) and runs its search before the JIT has compiled it: the start's
 * local search took twice the CPU per step, with the compiler threads taking 0.5-0.7 CPU seconds more beside it, and
 * a level model took 0.16 s to build instead of 0.01-0.04 s. {@link org.b2bforum.optimizer.Scheduler#warmUp} (the
 * application calls it in the background at its start, {@code SchedulerCommand} before its first day) loads the
 * library and runs the start's local search and a one-second build on a small made-up day
 * ({@code SchedulerWarmUp}). The local search is started from one place for both, so the JIT's code compiled in the
 * warm-up (its stop condition included) serves the real builds.
 *
 * <p>A build that comes before the library is loaded (no warm-up, or one still under way) loads it in a thread of its
 * own, beside the floor and the start's local search, which need none, and waits for it until the answer's time at
 * most (the deadline less the 0.5 s kept back for building the answer): beside three busy loops at load 20 the loading
 * took 5.5 s of a cold 2 s build, 10.5 s in all. Not loaded by then, the start's local search answers, as when the
 * solver had no time. A model is likewise waited for until the answer's time only: one built later would have no time
 * to solve (issue 15, twentieth round); not wanted then, or the build stopped, it is cancelled and its building ends at
 * its next meeting, participant or slot, where it went on unused for seconds at forum scale (twenty-third round). A
 * stop also ends the lunch boundary's bounds, their building and their solves. OR-Tools loses a {@code stopSearch}
 * told before {@code solve} has begun its search, so a solver registered with a stopped clock does not search at all,
 * and the stop's watcher goes on telling the solvers still registered after the build has answered, until they end: a
 * bound's solver told to stop in that window searched on for its own limit (up to 3 s of one worker; issue 15,
 * twenty-fourth round).
 */
@ApplicationModule(displayName = "Optimizer", allowedDependencies = {})
package org.b2bforum.optimizer;

import org.springframework.modulith.ApplicationModule;
