package org.b2bforum.optimizer;

import java.nio.file.Path;

/**
 * The row search against the annealing, from the same annealed start: {@code RowSearchProbe SECONDS FILE.dzn...}
 * prints per file and seed the start (1.5 s of annealing from the floor), then SECONDS more of annealing, and
 * SECONDS of the row search, as placed/breaks/fairness gap.
 */
final class RowSearchProbe {

    private RowSearchProbe() {
    }

    public static void main(String[] args) throws Exception {
        double secs = Double.parseDouble(args[0]);
        for (int i = 1; i < args.length; i++) {
            SchedulingProblem problem = DznReader.read(Path.of(args[i]));
            ProblemAnalysis analysis = new ProblemAnalysis(problem);
            int[] floor = CpSatScheduler.floor(analysis, 0.3);
            for (long seed = 1; seed <= 3; seed++) {
                int[] start = LocalSearch.improve(analysis, floor, 1.5, 20_000_000L, seed);
                long t0 = System.nanoTime();
                int[] annealed = Boolean.parseBoolean(System.getProperty("probe.anneal", "true"))
                        ? LocalSearch.improve(analysis, start, secs, Long.MAX_VALUE, seed + 10) : start;
                long t1 = System.nanoTime();
                int[] rows = System.getProperty("probe.chain") != null
                        ? RowSearch.improve(analysis, LocalSearch.improve(analysis, start, secs / 2, Long.MAX_VALUE, seed + 10), secs / 2, Long.MAX_VALUE, seed, () -> false)
                        : RowSearch.improve(analysis, start, secs, Long.MAX_VALUE, seed, () -> false);
                long t2 = System.nanoTime();
                System.out.printf("%s seed %d: start %s | anneal %s %.2fs | rows %s %.2fs%n",
                        Path.of(args[i]).getFileName(), seed, LocalSearchProbe.desc(analysis, start),
                        LocalSearchProbe.desc(analysis, annealed), (t1 - t0) / 1e9,
                        LocalSearchProbe.desc(analysis, rows), (t2 - t1) / 1e9);
            }
        }
    }
}
