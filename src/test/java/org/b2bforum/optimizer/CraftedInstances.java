package org.b2bforum.optimizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Harder variants of the visible benchmark instances (issue 15), made the way the published "crafted" ones
 * were: fewer tables, more meetings per participant, forbidden slots. Deterministic (fixed seeds), so the
 * files in src/test/resources/scheduling/crafted/ can be made again:
 * {@code java -cp ... org.b2bforum.optimizer.CraftedInstances shared/benchmarks/b2b-scheduling OUT_DIR}.
 */
public final class CraftedInstances {

    private CraftedInstances() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        // fewer tables: just enough for every meeting, so slots run full and consecutive days collide
        write(out, "tic-13.tables19", withTables(read(in, "tic-13"), 19));
        write(out, "tic-14crafc.tables24", withTables(read(in, "tic-14crafc"), 24));
        write(out, "forum-13.tables8", withTables(read(in, "forum-13"), 8));
        // more meetings per participant: about 195 meetings in 10 slots
        write(out, "tic-13.more195", withTables(moreMeetings(read(in, "tic-13"), 195, 13), 21));
        // forbidden slots: every fourth participant unavailable in one slot (a talk, a visit)
        write(out, "forumt-14.forbidden", withForbidden(read(in, "forumt-14"), 4, 14));
        write(out, "forum-13crafc.forbidden", withForbidden(read(in, "forum-13crafc"), 5, 15));
    }

    private static SchedulingProblem read(Path in, String name) throws IOException {
        return DznReader.read(in.resolve(name + ".original.dzn"));
    }

    static SchedulingProblem withTables(SchedulingProblem problem, int tables) {
        int[] perSlot = new int[problem.slots()];
        Arrays.fill(perSlot, tables);
        return new SchedulingProblem(problem.participants(), problem.slots(), problem.morningSlots(), perSlot,
                problem.meetings(), problem.forbidden(), problem.fairness());
    }

    /** Adds meetings between participants not meeting yet, busiest partners avoided (none above slots - 1). */
    static SchedulingProblem moreMeetings(SchedulingProblem problem, int total, long seed) {
        Random random = new Random(seed);
        List<MeetingRequest> meetings = new ArrayList<>(problem.meetings());
        Set<Long> pairs = new HashSet<>();
        int[] count = new int[problem.participants()];
        for (MeetingRequest m : meetings) {
            pairs.add(pair(m.first(), m.second()));
            count[m.first()]++;
            count[m.second()]++;
        }
        while (meetings.size() < total) {
            int a = random.nextInt(problem.participants());
            int b = random.nextInt(problem.participants());
            if (a == b || pairs.contains(pair(a, b)) || count[a] >= problem.slots() - 2
                    || count[b] >= problem.slots() - 2) {
                continue;
            }
            pairs.add(pair(a, b));
            count[a]++;
            count[b]++;
            meetings.add(MeetingRequest.of(Math.min(a, b), Math.max(a, b)));
        }
        return new SchedulingProblem(problem.participants(), problem.slots(), problem.morningSlots(),
                problem.tablesPerSlot(), meetings, problem.forbidden(), problem.fairness());
    }

    /** Every {@code every}-th participant loses one slot, chosen at random but never its last free ones. */
    static SchedulingProblem withForbidden(SchedulingProblem problem, int every, long seed) {
        Random random = new Random(seed);
        int[] count = new int[problem.participants()];
        problem.meetings().forEach(m -> {
            count[m.first()]++;
            count[m.second()]++;
        });
        List<Set<Integer>> forbidden = new ArrayList<>();
        for (int p = 0; p < problem.participants(); p++) {
            Set<Integer> set = new HashSet<>(problem.forbidden().get(p));
            if (p % every == 0 && problem.slots() - set.size() > count[p]) {
                set.add(random.nextInt(problem.slots()));
            }
            forbidden.add(set);
        }
        return new SchedulingProblem(problem.participants(), problem.slots(), problem.morningSlots(),
                problem.tablesPerSlot(), problem.meetings(), forbidden, problem.fairness());
    }

    private static long pair(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }

    /** The .dzn format of shared/benchmarks/b2b-scheduling (1-based; session 1 morning, 2 afternoon, 3 either). */
    static void write(Path dir, String name, SchedulingProblem problem) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("nBusiness = ").append(problem.participants()).append(";\n");
        text.append("nMeetings = ").append(problem.meetings().size()).append(";\n");
        text.append("nTables = ").append(problem.tablesPerSlot()[0]).append(";\n");
        text.append("nTotalSlots = ").append(problem.slots()).append(";\n");
        text.append("nMorningSlots = ").append(problem.morningSlots()).append(";\n\n");
        text.append("requested = [");
        for (MeetingRequest m : problem.meetings()) {
            int session = switch (m.session()) {
                case MORNING -> 1;
                case AFTERNOON -> 2;
                case ANY -> 3;
            };
            text.append("|").append(m.first() + 1).append(", ").append(m.second() + 1).append(",").append(session)
                    .append(", \n");
        }
        text.append("|];\n\n");
        StringJoiner forbidden = new StringJoiner(",\n", "forbidden = [", "];\n");
        for (Set<Integer> set : problem.forbidden()) {
            forbidden.add(set.isEmpty() ? "{0}" : set.stream().sorted().map(s -> String.valueOf(s + 1))
                    .collect(java.util.stream.Collectors.joining(",", "{", "}")));
        }
        text.append(forbidden);
        StringJoiner fixed = new StringJoiner(",", "fixed = [", "];\n");
        StringJoiner precedences = new StringJoiner(",", "precedences = [", "];\n");
        for (MeetingRequest m : problem.meetings()) {
            fixed.add(String.valueOf(m.fixedSlot() + 1));
            precedences.add(m.after().stream().sorted().map(b -> String.valueOf(b + 1))
                    .collect(java.util.stream.Collectors.joining(",", "{", "}")));
        }
        text.append(fixed).append(precedences);
        Files.writeString(dir.resolve(name + ".dzn"), text);
    }
}
