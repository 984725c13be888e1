import java.nio.file.Path;
import java.time.*;
import java.util.*;
import jdk.jfr.consumer.*;

/**
 * What the JIT compiled in the rush (issue 17, stop 53; bench/README.md, run-ui-load):
 * {@code bench/rush-phases jit FILE.jfr FROM TO [TOP]}, FROM and TO the rush's first "Send" and its last answer as the
 * benchmark prints them (HH:MM:SS UTC, today). The compilations ({@code jdk.Compilation}, recorded at threshold 0:
 * {@code bench/rush-phases jit-settings}) that started in [FROM, TO + 1 s], counted and summed (the compiler thread's
 * wall time) by tier, by owner (the package's first three names; the application's classes by class, C1 or C2) and by
 * method, and the deoptimizations by method and reason.
 */
public class JitInRush {
    public static void main(String[] a) throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        Instant from = LocalDateTime.of(day, LocalTime.parse(a[1])).toInstant(ZoneOffset.UTC);
        Instant to = LocalDateTime.of(day, LocalTime.parse(a[2])).toInstant(ZoneOffset.UTC).plusSeconds(1);
        int top = a.length > 3 ? Integer.parseInt(a[3]) : 25;
        Map<String, double[]> byLevel = new TreeMap<>(), byOwner = new HashMap<>(), byMethod = new HashMap<>();
        int deopts = 0; Map<String, Integer> deoptBy = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
            if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) continue;
            String type = e.getEventType().getName();
            if (type.equals("jdk.Compilation")) {
                RecordedMethod m = e.getValue("method");
                String cls = m.getType().getName();
                String[] p = cls.split("\\.");
                String owner = String.join(".", Arrays.copyOf(p, Math.min(3, p.length - 1 > 0 ? p.length - 1 : 1)));
                if (cls.startsWith("org.b2bforum")) owner = cls.replaceAll("\\$.*", "");
                double ms = e.getDuration().toNanos() / 1e6;
                String lvl = "tier " + e.getValue("compileLevel") + (e.getBoolean("isOsr") ? " osr" : "");
                add(byLevel, lvl, ms); add(byOwner, owner + " (" + (((Number) e.getValue("compileLevel")).intValue() == 4 ? "C2" : "C1") + ")", ms);
                add(byMethod, "t" + e.getValue("compileLevel") + " " + cls + "::" + m.getName(), ms);
            } else if (type.equals("jdk.Deoptimization")) {
                deopts++;
                RecordedMethod m = e.getValue("method");
                deoptBy.merge(m.getType().getName() + "::" + m.getName() + " " + e.getValue("reason"), 1, Integer::sum);
            }
        }
        System.out.println("by level (count, wall ms):");
        byLevel.forEach((k, v) -> System.out.printf("  %-12s %5.0f %8.1f%n", k, v[0], v[1]));
        print("by owner", byOwner, top);
        print("by method", byMethod, top);
        System.out.println("deoptimizations: " + deopts);
        deoptBy.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(x -> System.out.println("  " + x.getValue() + " " + x.getKey()));
    }
    static void add(Map<String, double[]> m, String k, double ms) { double[] v = m.computeIfAbsent(k, x -> new double[2]); v[0]++; v[1] += ms; }
    static void print(String title, Map<String, double[]> m, int top) {
        System.out.println(title + " (count, wall ms), top " + top + ":");
        m.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1])).limit(top)
                .forEach(x -> System.out.printf("  %5.0f %8.1f  %s%n", x.getValue()[0], x.getValue()[1], x.getKey()));
    }
}
