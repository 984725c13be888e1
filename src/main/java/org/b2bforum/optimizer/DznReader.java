package org.b2bforum.optimizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an instance in the MiniZinc {@code .dzn} format of the shared B2B scheduling benchmark
 * (shared/benchmarks/b2b-scheduling/README.md) into a {@link SchedulingProblem}.
 *
 * <p>Understood parameters: {@code nBusiness}, {@code nMeetings}, {@code nTables} (one number, or one per
 * slot), {@code nTotalSlots}, {@code nMorningSlots}, {@code requested} (rows {@code p1, p2, session}, 1-based
 * participants; session 1 = morning, 2 = afternoon, anything else = either), {@code forbidden} (one set of
 * 1-based slots per participant, 0 being padding), {@code fixed} (one slot per meeting, 0 = free) and
 * {@code precedences} (one set of 1-based meetings per meeting that must come strictly before it). The
 * derived {@code meetingsxBusiness} and {@code nMeetingsBusiness} are ignored. Comments ({@code %}) are
 * skipped; sets may use ranges ({@code 3..5}).
 */
public final class DznReader {

    private DznReader() {
    }

    public static SchedulingProblem read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static SchedulingProblem read(Path file, int fairness) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), fairness);
    }

    public static SchedulingProblem parse(String text) {
        return parse(text, SchedulingProblem.DEFAULT_FAIRNESS);
    }

    public static SchedulingProblem parse(String text, int fairness) {
        Map<String, String> values = statements(text);
        int participants = integer(values, "nBusiness");
        int slots = integer(values, "nTotalSlots");
        int morningSlots = integer(values, "nMorningSlots");
        if (slots <= 0 || morningSlots < 0 || morningSlots > slots) {
            throw new IllegalArgumentException("nMorningSlots must be between 0 and nTotalSlots (" + slots + ")");
        }
        int[] tables = tables(required(values, "nTables"), slots);

        List<int[]> rows = rows(required(values, "requested"));
        if (values.containsKey("nMeetings") && integer(values, "nMeetings") != rows.size()) {
            throw new IllegalArgumentException("nMeetings is " + integer(values, "nMeetings") + " but requested has "
                    + rows.size() + " rows");
        }
        int meetings = rows.size();
        int[] fixed = values.containsKey("fixed") ? intArray(values.get("fixed")) : new int[meetings];
        if (fixed.length != meetings) {
            throw new IllegalArgumentException("fixed has " + fixed.length + " entries for " + meetings + " meetings");
        }
        List<Set<Integer>> precedences = values.containsKey("precedences") ? setArray(values.get("precedences"))
                : emptySets(meetings);
        if (precedences.size() != meetings) {
            throw new IllegalArgumentException("precedences has " + precedences.size() + " sets for " + meetings
                    + " meetings");
        }
        List<Set<Integer>> forbiddenOneBased = values.containsKey("forbidden") ? setArray(values.get("forbidden"))
                : emptySets(participants);
        if (forbiddenOneBased.size() != participants) {
            throw new IllegalArgumentException("forbidden has " + forbiddenOneBased.size() + " sets for "
                    + participants + " participants");
        }

        List<MeetingRequest> requests = new ArrayList<>(meetings);
        for (int m = 0; m < meetings; m++) {
            int[] row = rows.get(m);
            if (row.length < 2) {
                throw new IllegalArgumentException("requested row " + (m + 1) + " needs two participants");
            }
            int first = row[0] - 1;
            int second = row[1] - 1;
            if (first < 0 || first >= participants || second < 0 || second >= participants) {
                throw new IllegalArgumentException("requested row " + (m + 1) + " names a participant outside 1.."
                        + participants);
            }
            SessionPreference session = row.length < 3 ? SessionPreference.ANY : switch (row[2]) {
                case 1 -> SessionPreference.MORNING;
                case 2 -> SessionPreference.AFTERNOON;
                default -> SessionPreference.ANY;
            };
            int fixedSlot = fixed[m] > 0 ? fixed[m] - 1 : MeetingRequest.FREE;
            if (fixedSlot >= slots) {
                throw new IllegalArgumentException("fixed slot " + fixed[m] + " of meeting " + (m + 1)
                        + " is outside 1.." + slots);
            }
            Set<Integer> after = new LinkedHashSet<>();
            for (int before : precedences.get(m)) {
                if (before == 0) {
                    continue; // padding
                }
                if (before < 1 || before > meetings) {
                    throw new IllegalArgumentException("precedences of meeting " + (m + 1) + " name meeting " + before);
                }
                after.add(before - 1);
            }
            requests.add(new MeetingRequest(first, second, session, fixedSlot, after));
        }
        List<Set<Integer>> forbidden = new ArrayList<>(participants);
        for (Set<Integer> set : forbiddenOneBased) {
            Set<Integer> zeroBased = new LinkedHashSet<>();
            for (int slot : set) {
                if (slot >= 1 && slot <= slots) {
                    zeroBased.add(slot - 1);
                }
            }
            forbidden.add(zeroBased);
        }
        return new SchedulingProblem(participants, slots, morningSlots, tables, requests, forbidden, fairness);
    }

    /** Splits the text into {@code name = value} statements, comments removed. */
    private static Map<String, String> statements(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (String line : text.split("\\R")) {
            int comment = line.indexOf('%');
            clean.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        Map<String, String> values = new HashMap<>();
        for (String statement : clean.toString().split(";")) {
            String trimmed = statement.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("Not a 'name = value' statement: " + abbreviate(trimmed));
            }
            values.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        return values;
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing parameter " + name);
        }
        return value;
    }

    private static int integer(Map<String, String> values, String name) {
        String value = required(values, name);
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not an integer: " + abbreviate(value));
        }
    }

    private static int[] tables(String value, int slots) {
        String trimmed = value.strip();
        if (trimmed.startsWith("[")) {
            int[] perSlot = intArray(trimmed);
            if (perSlot.length != slots) {
                throw new IllegalArgumentException("nTables has " + perSlot.length + " entries for " + slots + " slots");
            }
            return perSlot;
        }
        int[] tables = new int[slots];
        Arrays.fill(tables, Integer.parseInt(trimmed));
        return tables;
    }

    /** {@code [| a, b, c, | d, e, f, |]} into rows of integers. */
    private static List<int[]> rows(String value) {
        String trimmed = value.strip();
        if (!trimmed.startsWith("[|") || !trimmed.endsWith("|]")) {
            if (trimmed.replaceAll("\\s", "").equals("[]")) {
                return List.of();
            }
            throw new IllegalArgumentException("requested is not a 2-d array [| ... |]: " + abbreviate(trimmed));
        }
        String body = trimmed.substring(2, trimmed.length() - 2);
        List<int[]> rows = new ArrayList<>();
        for (String row : body.split("\\|")) {
            int[] numbers = numbers(row);
            if (numbers.length > 0) {
                rows.add(numbers);
            }
        }
        return rows;
    }

    private static int[] intArray(String value) {
        String trimmed = value.strip();
        if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
            throw new IllegalArgumentException("Not an array: " + abbreviate(trimmed));
        }
        return numbers(trimmed.substring(1, trimmed.length() - 1));
    }

    private static int[] numbers(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    /** {@code [{1,2}, {}, 3..5]} into sets. */
    private static List<Set<Integer>> setArray(String value) {
        String trimmed = value.strip();
        if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
            throw new IllegalArgumentException("Not an array of sets: " + abbreviate(trimmed));
        }
        String body = trimmed.substring(1, trimmed.length() - 1);
        List<Set<Integer>> sets = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
            } else if (c == '{') {
                int close = body.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("Unclosed set in " + abbreviate(trimmed));
                }
                sets.add(setElements(body.substring(i + 1, close)));
                i = close + 1;
            } else {
                int end = body.indexOf(',', i);
                if (end < 0) {
                    end = body.length();
                }
                sets.add(setElements(body.substring(i, end))); // a range a..b
                i = end + 1;
            }
        }
        return sets;
    }

    private static Set<Integer> setElements(String elements) {
        Set<Integer> set = new LinkedHashSet<>();
        for (String part : elements.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            int range = item.indexOf("..");
            if (range >= 0) {
                int from = Integer.parseInt(item.substring(0, range).strip());
                int to = Integer.parseInt(item.substring(range + 2).strip());
                for (int k = from; k <= to; k++) {
                    set.add(k);
                }
            } else {
                set.add(Integer.parseInt(item));
            }
        }
        return set;
    }

    private static List<Set<Integer>> emptySets(int count) {
        List<Set<Integer>> sets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sets.add(Set.of());
        }
        return sets;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
