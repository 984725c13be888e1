package org.b2bforum.optimizer;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * The row search's Kempe chains with and without focus on the participants with a break, or with so many exchanges of
 * the left-out meetings ({@code xN}), from the same annealed starts, by steps (independent of the machine's load):
 * {@code FocusProbe STEPS CONFIG,CONFIG... FILE.dzn...} (CONFIG a focus such as 0.75, or x200) prints per file and seed
 * the start and, per configuration, placed/breaks/gap and CPU seconds, then the sums over the seeds.
 */
final class FocusProbe {

    private FocusProbe() {
    }

    public static void main(String[] args) throws Exception {
        long steps = Long.parseLong(args[0]);
        String[] configs = args[1].split(",");
        int seeds = Integer.getInteger("probe.seeds", 4);
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 2; i < args.length; i++) {
            SchedulingProblem problem = DznReader.read(Path.of(args[i]));
            ProblemAnalysis analysis = new ProblemAnalysis(problem);
            int[] floor = CpSatScheduler.floor(analysis, 0.3);
            int[] sums = new int[configs.length];
            double[] cpu = new double[configs.length];
            for (long seed = 1; seed <= seeds; seed++) {
                int[] start = LocalSearch.improve(analysis, floor, 100, 2_000_000L, seed);
                StringBuilder line = new StringBuilder(String.format("%s seed %d: start %s",
                        Path.of(args[i]).getFileName(), seed, LocalSearchProbe.desc(analysis, start)));
                for (int c = 0; c < configs.length; c++) {
                    long t0 = bean.getCurrentThreadCpuTime();
                    boolean exchanges = configs[c].startsWith("x");
                    int[] out = RowSearch.improve(analysis, start, 1e6, steps, seed, RowSearch.KEMPE_PER_ROW,
                            exchanges ? RowSearch.KEMPE_FOCUS : Double.parseDouble(configs[c]),
                            exchanges ? Integer.parseInt(configs[c].substring(1)) : RowSearch.EXCHANGES_PER_ROW,
                            () -> false);
                    double secs = (bean.getCurrentThreadCpuTime() - t0) / 1e9;
                    cpu[c] += secs;
                    sums[c] += CpSatScheduler.resultOf(analysis, out).totalBreaks();
                    line.append(" | ").append(configs[c]).append(' ').append(LocalSearchProbe.desc(analysis, out))
                            .append(String.format(" %.1fcpu", secs));
                }
                System.out.println(line);
            }
            StringBuilder sum = new StringBuilder(Path.of(args[i]).getFileName() + " sums:");
            for (int c = 0; c < configs.length; c++) {
                sum.append(String.format(" %s=%d (%.1f cpu s)", configs[c], sums[c], cpu[c]));
            }
            System.out.println(sum);
        }
    }
}
