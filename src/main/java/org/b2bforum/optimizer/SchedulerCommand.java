package org.b2bforum.optimizer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command-line entry for the benchmark ({@code bench/run-scheduler}):
 *
 * <pre>
 * SchedulerCommand [--time-limit SECONDS] [--workers N] [--fairness D] [--log] --out DIR FILE.dzn...
 * </pre>
 *
 * For each {@code NAME.dzn} it writes {@code DIR/NAME.csv} (header {@code meeting,slot,table}, one row per
 * meeting in the order of {@code requested}, all 1-based; slot and table 0 for a meeting not placed) and prints
 * {@code NAME,meetings,scheduled,total_breaks,fairness_gap,lower_bound,proved_optimal,seconds} to standard
 * output. Unplaced meetings and their reasons go to standard error. Exit status 1 if an instance could not be
 * read or written, 2 for a wrong command line.
 */
public final class SchedulerCommand {

    static final String HEADER = "NAME,meetings,scheduled,total_breaks,fairness_gap,lower_bound,proved_optimal,seconds";

    private SchedulerCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path outDir = null;
        double seconds = 10;
        int workers = CpSatScheduler.Options.DEFAULT.workers();
        int fairness = SchedulingProblem.DEFAULT_FAIRNESS;
        boolean log = false;
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> outDir = Path.of(args[++i]);
                    case "--time-limit" -> seconds = Double.parseDouble(args[++i]);
                    case "--workers" -> workers = Integer.parseInt(args[++i]);
                    case "--fairness" -> fairness = Integer.parseInt(args[++i]);
                    case "--log" -> log = true;
                    case "--help", "-h" -> {
                        usage(out);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("Unknown option " + args[i]);
                        }
                        files.add(Path.of(args[i]));
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            err.println(e instanceof ArrayIndexOutOfBoundsException ? "An option lacks its value" : e.getMessage());
            usage(err);
            return 2;
        }
        if (outDir == null || files.isEmpty() || seconds <= 0 || workers < 1) {
            usage(err);
            return 2;
        }
        CpSatScheduler scheduler = new CpSatScheduler(
                CpSatScheduler.Options.DEFAULT.withWorkers(workers).withLog(log));
        Duration limit = Duration.ofNanos((long) (seconds * 1e9));
        // once, before the first instance's clock starts, as the application does at its start
        scheduler.warmUp();
        int status = 0;
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            err.println("Cannot create " + outDir + ": " + e.getMessage());
            return 1;
        }
        for (Path file : files) {
            String name = name(file);
            try {
                SchedulingProblem problem = DznReader.read(file, fairness);
                ScheduleResult result = scheduler.solve(problem, limit, Scheduler.ProgressListener.NONE);
                Files.writeString(outDir.resolve(name + ".csv"), csv(problem, result), StandardCharsets.UTF_8);
                out.println(line(name, problem, result));
                out.flush();
                for (Unplaced unplaced : result.unplaced()) {
                    err.println(name + ": meeting " + (unplaced.meeting() + 1) + " not placed: " + describe(unplaced));
                }
            } catch (IOException | RuntimeException e) {
                err.println(name + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    /** The file name without its directory and without {@code .dzn}. */
    static String name(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".dzn") ? name.substring(0, name.length() - 4) : name;
    }

    static String line(String name, SchedulingProblem problem, ScheduleResult result) {
        return String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%b,%.2f", name, problem.meetings().size(),
                result.placements().size(), result.totalBreaks(), result.fairnessGap(), result.lowerBound(),
                result.provedOptimal(), result.elapsed().toNanos() / 1e9);
    }

    static String csv(SchedulingProblem problem, ScheduleResult result) {
        int n = problem.meetings().size();
        int[] slot = new int[n];
        int[] table = new int[n];
        for (Placement placement : result.placements()) {
            slot[placement.meeting()] = placement.slot() + 1;
            table[placement.meeting()] = placement.table() + 1;
        }
        StringBuilder csv = new StringBuilder("meeting,slot,table\n");
        for (int m = 0; m < n; m++) {
            csv.append(m + 1).append(',').append(slot[m]).append(',').append(table[m]).append('\n');
        }
        return csv.toString();
    }

    /** The reason in words, participants 1-based as in the .dzn file. */
    static String describe(Unplaced unplaced) {
        return switch (unplaced.reason()) {
            case TOO_MANY_MEETINGS -> "participant " + (unplaced.participant() + 1) + " wants " + unplaced.wanted()
                    + " meetings but has " + unplaced.available() + " free slots";
            case NO_COMMON_SLOT -> "the two participants share no free slot in the asked part of the day";
            case NO_TABLE -> "every common slot is full";
            case CONFLICTING_CONSTRAINTS -> "its fixed slot or precedences conflict with the rest";
            case TIME_LIMIT -> "the time limit ran out first";
            case LIMIT_REACHED -> "participant " + (unplaced.participant() + 1) + " has reached the limit of "
                    + unplaced.wanted() + " meetings";
        };
    }

    private static void usage(PrintStream stream) {
        stream.println("Usage: SchedulerCommand [--time-limit SECONDS] [--workers N] [--fairness D] [--log]"
                + " --out DIR FILE.dzn...");
        stream.println("Prints " + HEADER + " per instance and writes DIR/NAME.csv (meeting,slot,table).");
    }
}
