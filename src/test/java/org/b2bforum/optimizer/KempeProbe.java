package org.b2bforum.optimizer;

import java.nio.file.Path;

/**
 * The row search with and without Kempe-chain moves, from the same annealed start:
 * {@code KempeProbe SECONDS K1,K2,... FILE.dzn...} prints per file and seed the start (1.5 s of annealing from the
 * floor), then SECONDS of the row search with K Kempe moves per row step, for each K, as placed/breaks/gap.
 */
final class KempeProbe {

    private KempeProbe() {
    }

    public static void main(String[] args) throws Exception {
        double secs = Double.parseDouble(args[0]);
        String[] ks = args[1].split(",");
        int seeds = Integer.getInteger("probe.seeds", 3);
        for (int i = 2; i < args.length; i++) {
            SchedulingProblem problem = DznReader.read(Path.of(args[i]));
            ProblemAnalysis analysis = new ProblemAnalysis(problem);
            int[] floor = CpSatScheduler.floor(analysis, 0.3);
            for (long seed = 1; seed <= seeds; seed++) {
                int[] start = LocalSearch.improve(analysis, floor, Double.parseDouble(System.getProperty("probe.start", "1.5")),
                        2_000_000L, seed);
                StringBuilder line = new StringBuilder(String.format("%s seed %d: start %s",
                        Path.of(args[i]).getFileName(), seed, LocalSearchProbe.desc(analysis, start)));
                for (String k : ks) {
                    long steps = Long.getLong("probe.steps", Long.MAX_VALUE);
                    int[] rows = RowSearch.improve(analysis, start, steps < Long.MAX_VALUE ? 1e6 : secs, steps, seed,
                            Integer.parseInt(k),
                            () -> false);
                    line.append(" | K=").append(k).append(' ').append(LocalSearchProbe.desc(analysis, rows));
                }
                System.out.println(line);
            }
        }
    }
}
