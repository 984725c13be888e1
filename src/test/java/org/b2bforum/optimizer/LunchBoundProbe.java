package org.b2bforum.optimizer;

import java.nio.file.Path;

/**
 * Prints {@link LunchBound} for .dzn files (issue 15): {@code LunchBoundProbe SECONDS FILE.dzn...}; a file name
 * followed by {@code @N} asks for schedules placing at least N meetings (forum-13.tables8.dzn@152).
 */
final class LunchBoundProbe {

    private LunchBoundProbe() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        CpSatScheduler.loadNatives();
        for (int i = 1; i < args.length; i++) {
            String[] parts = args[i].split("@");
            SchedulingProblem problem = DznReader.read(Path.of(parts[0]));
            ProblemAnalysis analysis = new ProblemAnalysis(problem);
            int placed = parts.length > 1 ? Integer.parseInt(parts[1]) : analysis.meetingCount();
            long checked = System.nanoTime();
            boolean incomplete = LunchBound.provedIncomplete(analysis, seconds);
            System.out.printf("%s proved incomplete: %s (%.3f s)%n", Path.of(parts[0]).getFileName(), incomplete,
                    (System.nanoTime() - checked) / 1e9);
            long started = System.nanoTime();
            int bound = LunchBound.of(analysis, placed, seconds);
            System.out.printf("%s placed>=%d participants' bound %d lunch bound %d (%.2f s)%n",
                    Path.of(parts[0]).getFileName(), placed, analysis.breaksLowerBound(), bound,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
