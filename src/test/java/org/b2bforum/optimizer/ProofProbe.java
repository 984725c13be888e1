package org.b2bforum.optimizer;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One level question or one optimisation, for hunting proofs: {@code ProofProbe MODE K SECONDS FILE.dzn}, MODE
 * "level" asks "at most K breaks" (K = -1: every participant's bound), "min" minimises told the bound K,
 * "placed" minimises the breaks with K meetings placed (the placement model, started from 3 s of annealing).
 */
final class ProofProbe {

    private ProofProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int k = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        SchedulingProblem problem = DznReader.read(Path.of(args[3]));
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        CpSatScheduler.loadNatives();
        CpSatScheduler.Options options = CpSatScheduler.Options.DEFAULT.withLog(Boolean.getBoolean("probe.log"));
        int[] floor = CpSatScheduler.floor(analysis, 0.3);
        long t0 = System.nanoTime();
        CpSatScheduler.Clock clock = new CpSatScheduler.Clock(t0, Duration.ofMillis((long) (seconds * 1000 + 600)));
        CpSatModel model;
        if ("placed".equals(mode)) {
            // the fewest breaks with k meetings placed (a day where not every meeting fits), from the annealing
            model = new CpSatModel(analysis, false, options);
            model.requirePlaced(k, 0);
            int[] annealed = LocalSearch.improve(analysis, floor, 3, Long.MAX_VALUE, 1);
            System.err.println("annealed: " + LocalSearchProbe.desc(analysis, annealed));
            model.hint(annealed);
        } else {
            model = new CpSatModel(analysis, true, options, "level".equals(mode) ? k : -1);
            if (k > 0) {
                model.breaksAtLeast(k);
            }
            model.hint(floor, false);
        }
        CpSatModel.Outcome outcome = "level".equals(mode)
                ? model.feasible(seconds, Scheduler.ProgressListener.NONE, clock)
                : model.minimiseBreaks(seconds, (placed, breaks, bound, at) -> System.err.printf(
                        "  %.1fs breaks=%d bound=%d%n", at, breaks, bound), clock);
        System.out.printf("%s %s k=%d: %s bound=%d %.1fs%s%n", Path.of(args[3]).getFileName(), mode, k,
                outcome.status(), outcome.bound(), (System.nanoTime() - t0) / 1e9,
                outcome.hasSolution() ? " breaks=" + CpSatScheduler.resultOf(analysis, outcome.slots()).totalBreaks()
                        : "");
    }
}
