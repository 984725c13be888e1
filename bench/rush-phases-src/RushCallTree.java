import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;

/**
 * The request threads' CPU of the rush as a call tree (issue 17, stop 52; bench/README.md, run-ui-load):
 * {@code bench/rush-phases tree FILE.jfr ANSWERED_MS [ROOT] [MIN_PERCENT]}. The rush is found as the last burst of JDK 25's
 * CPU-time samples in RequestMeetingView.submit, from its first sample to ANSWERED_MS (the benchmark's "all answered
 * in") after it; single-child chains are folded (…), frames under MIN_PERCENT of the request threads' samples left out.
 */
public class RushCallTree {
    static class Node { int n; Map<String, Node> kids = new LinkedHashMap<>(); }
    public static void main(String[] a) throws Exception {
        List<RecordedEvent> ev = new ArrayList<>();
        try (RecordingFile f = new RecordingFile(Path.of(a[0]))) {
            while (f.hasMoreEvents()) { RecordedEvent e = f.readEvent(); if (e.getEventType().getName().equals("jdk.CPUTimeSample")) ev.add(e); }
        }
        ev.sort(Comparator.comparing(RecordedEvent::getStartTime));
        List<Instant> submits = new ArrayList<>();
        for (RecordedEvent e : ev) { if (e.getStackTrace() == null) continue;
            for (RecordedFrame fr : e.getStackTrace().getFrames()) if (fr.getMethod() != null && fr.getMethod().getName().equals("submit") && fr.getMethod().getType().getName().endsWith("RequestMeetingView")) { submits.add(e.getStartTime()); break; } }
        Instant last = submits.get(submits.size() - 1), first = last;
        long ms = Long.parseLong(a[1]);
        for (Instant i : submits) if (i.isAfter(last.minusMillis(ms + 500))) { first = i; break; }
        Instant start = first.minusMillis(100), end = start.plusMillis(ms + 300);
        String rootName = a[2]; double min = Double.parseDouble(a[3]);
        Node root = new Node(); int total = 0;
        for (RecordedEvent e : ev) {
            if (e.getStartTime().isBefore(start) || e.getStartTime().isAfter(end)) continue;
            RecordedThread t = e.getThread(); String tn = t == null ? "" : t.getJavaName();
            if (tn == null || !tn.contains("exec")) continue;
            total++;
            List<RecordedFrame> fs = e.getStackTrace().getFrames();
            int from = -1;
            for (int i = fs.size() - 1; i >= 0; i--) { RecordedFrame fr = fs.get(i); if (fr.getMethod() == null) continue;
                String m = fr.getMethod().getType().getName() + "::" + fr.getMethod().getName(); if (m.contains(rootName)) { from = i; break; } }
            if (from < 0) continue;
            Node cur = root; cur.n++;
            for (int i = from - 1; i >= 0; i--) { RecordedFrame fr = fs.get(i); if (fr.getMethod() == null) continue;
                String m = fr.getMethod().getType().getName().replaceAll("^(org\\.springframework|com\\.vaadin\\.flow|org\\.b2bforum|java\\.util)\\.", "") + "::" + fr.getMethod().getName();
                if (m.contains("$$Lambda") || m.startsWith("java.lang.invoke") || m.startsWith("jdk.internal.reflect")) continue;
                cur = cur.kids.computeIfAbsent(m, k -> new Node()); cur.n++; }
        }
        System.out.printf("request-thread samples in the rush %d; under %s %d (%.1f %%)%n", total, rootName, root.n, 100.0 * root.n / total);
        print(root, "", total, min, 0);
    }
    static void print(Node n, String ind, int total, double min, int depth) {
        List<Map.Entry<String, Node>> k = new ArrayList<>(n.kids.entrySet()); k.sort((x, y) -> y.getValue().n - x.getValue().n);
        for (var e : k) { double p = 100.0 * e.getValue().n / total; if (p < min) continue;
            // collapse chains
            Node c = e.getValue(); String name = e.getKey(); int skipped = 0;
            while (c.kids.size() == 1 && c.kids.values().iterator().next().n == c.n && skipped < 40) { var only = c.kids.entrySet().iterator().next(); name = only.getKey(); c = only.getValue(); skipped++; }
            System.out.printf("%s%5.1f %% %s%s%n", ind, p, skipped > 0 ? "… " : "", name);
            if (depth < 40) print(c, ind + "  ", total, min, depth + 1);
        }
    }
}
