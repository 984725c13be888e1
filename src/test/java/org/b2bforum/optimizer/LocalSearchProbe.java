package org.b2bforum.optimizer;

import java.nio.file.Path;
import java.util.List;

/**
 * The floor and the annealing alone, for looking at the local search or hunting best-known values:
 * {@code LocalSearchProbe SECONDS MAX_STEPS FILE.dzn...} prints per file the participants' lower bound, the
 * floor and three annealing runs (seeds 1-3) as placed/breaks/fairness gap and seconds.
 */
final class LocalSearchProbe {

    private LocalSearchProbe() {
    }

    public static void main(String[] args) throws Exception {
        double secs = Double.parseDouble(args[0]);
        long steps = Long.parseLong(args[1]);
        for (int i = 2; i < args.length; i++) {
            SchedulingProblem problem = DznReader.read(Path.of(args[i]));
            ProblemAnalysis analysis = new ProblemAnalysis(problem);
            long t0 = System.nanoTime();
            int[] floor = CpSatScheduler.floor(analysis, 0.3);
            long t1 = System.nanoTime();
            StringBuilder sb = new StringBuilder(Path.of(args[i]).getFileName() + " lb=" + analysis.breaksLowerBound());
            sb.append(" floor=").append(desc(analysis, floor)).append(String.format(" %.2fs", (t1 - t0) / 1e9));
            for (long seed = 1; seed <= 3; seed++) {
                long t2 = System.nanoTime();
                int[] ls = LocalSearch.improve(analysis, floor, secs, steps, seed);
                sb.append(" | ").append(desc(analysis, ls)).append(String.format(" %.2fs", (System.nanoTime() - t2) / 1e9));
            }
            System.out.println(sb);
        }
    }

    static String desc(ProblemAnalysis analysis, int[] slots) {
        ScheduleResult r = CpSatScheduler.resultOf(analysis, slots);
        return r.placements().size() + "p/" + r.totalBreaks() + "b/g" + r.fairnessGap();
    }
}
