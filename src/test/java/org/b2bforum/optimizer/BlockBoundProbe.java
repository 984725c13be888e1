package org.b2bforum.optimizer;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints {@link LunchBound} and {@link BlockBound} for .dzn files (issue 15, seventeenth round):
 * {@code BlockBoundProbe SECONDS CUTS FILE.dzn[@N]...}, CUTS "product" (lunch and {@link BlockBound#AFTER_LUNCH} after
 * it) or slots like "13,16"; {@code @N}: schedules placing at least N meetings (forum-13.tables8.dzn@152).
 */
final class BlockBoundProbe {

    private BlockBoundProbe() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        CpSatScheduler.loadNatives();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 2; i < args.length; i++) {
            String[] parts = args[i].split("@");
            ProblemAnalysis analysis = new ProblemAnalysis(DznReader.read(Path.of(parts[0])));
            int placed = parts.length > 1 ? Integer.parseInt(parts[1]) : analysis.meetingCount();
            long cpu = os.getProcessCpuTime();
            int lunch = LunchBound.of(analysis, placed, seconds);
            double lunchCpu = (os.getProcessCpuTime() - cpu) / 1e9;
            cpu = os.getProcessCpuTime();
            boolean product = args[1].equals("product");
            int[] cuts = product ? new int[0] : Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
            int blocks = product ? BlockBound.of(analysis, placed, seconds)
                    : BlockBound.of(analysis, placed, cuts, seconds);
            System.out.printf("%s placed>=%d participants %d lunch %d (%.2f CPU s) blocks %s %d (%.2f CPU s)%n",
                    Path.of(parts[0]).getFileName(), placed, analysis.breaksLowerBound(), lunch, lunchCpu, args[1],
                    blocks, (os.getProcessCpuTime() - cpu) / 1e9);
        }
    }
}
