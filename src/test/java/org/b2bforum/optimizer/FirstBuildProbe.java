package org.b2bforum.optimizer;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fresh JVM's first local search or first build, with or without {@link SchedulerWarmUp} before it:
 * {@code FirstBuildProbe warm|cold polish|build SECONDS FILE.dzn} prints the warm-up's time and process CPU, then
 * the start's local search ({@code polish}, the build's own code path, for SECONDS) or a build of SECONDS
 * ({@code build}, its clock including the native library's loading when not warmed up).
 */
final class FirstBuildProbe {

    private FirstBuildProbe() {
    }

    public static void main(String[] args) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String line = args[0];
        if (args[0].equals("warm")) {
            long c0 = os.getProcessCpuTime();
            long n0 = System.nanoTime();
            ScheduleResult warm = SchedulerWarmUp.run();
            line += String.format(" (%.2f s, %.2f cpu s, %d/%d)", (System.nanoTime() - n0) / 1e9,
                    (os.getProcessCpuTime() - c0) / 1e9, warm.placements().size(), warm.totalBreaks());
        }
        double seconds = Double.parseDouble(args[2]);
        SchedulingProblem problem = DznReader.read(Path.of(args[3]));
        long c0 = os.getProcessCpuTime();
        long n0 = System.nanoTime();
        if (args[1].equals("polish")) {
            ProblemAnalysis analysis = new ProblemAnalysis(problem);
            int[] floor = CpSatScheduler.floor(analysis, 0.05);
            int[] out = CpSatScheduler.startPolishing(analysis, floor, seconds, 1, new AtomicBoolean()).get();
            line += " polish " + LocalSearchProbe.desc(analysis, out);
        } else {
            ScheduleResult r = new CpSatScheduler().solve(problem, Duration.ofMillis((long) (seconds * 1000)), null);
            line += String.format(" build %d placed, %d breaks, bound %d%s", r.placements().size(), r.totalBreaks(),
                    r.lowerBound(), r.provedOptimal() ? " proved" : "");
        }
        System.out.printf("%s; %.2f s, %.2f cpu s; load %s%n", line, (System.nanoTime() - n0) / 1e9,
                (os.getProcessCpuTime() - c0) / 1e9, os.getSystemLoadAverage());
        System.exit(0);
    }
}
