import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.stream.*;

import jdk.jfr.consumer.*;

/** The rush's "Send"s taken apart per request from a recording with the settings of bench/rush-phases (issue 17, stop 51). */
public class RushPhases {

    record Ev(String m, long tid, String thread, long s, long e) {
        long d() { return e - s; }
    }

    static String name(RecordedMethod m) {
        String c = m.getType().getName();
        return c.substring(c.lastIndexOf('.') + 1) + "::" + m.getName();
    }

    public static void main(String[] args) throws Exception {
        List<Ev> evs = new ArrayList<>();
        List<RecordedEvent> cpu = new ArrayList<>();
        List<RecordedEvent> parks = new ArrayList<>();
        try (RecordingFile f = new RecordingFile(Path.of(args[0]))) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                String t = e.getEventType().getName();
                if (t.equals("jdk.MethodTrace")) {
                    RecordedThread th = e.getThread();
                    long s = toNanos(e.getStartTime());
                    evs.add(new Ev(name(e.getValue("method")), th.getId(), th.getJavaName(), s, s + e.getDuration().toNanos()));
                } else if (t.equals("jdk.CPUTimeSample") || t.equals("jdk.ExecutionSample")) {
                    if (t.equals(args.length > 1 ? args[1] : "jdk.CPUTimeSample")) cpu.add(e);
                } else if (t.equals("jdk.ThreadPark") || t.equals("jdk.JavaMonitorEnter")) {
                    parks.add(e);
                }
            }
        }
        evs.sort(Comparator.comparingLong(Ev::s));
        List<Ev> submits = evs.stream().filter(e -> e.m.equals("RequestMeetingView::submit")).toList();
        long last = submits.getLast().s;
        int n200 = Integer.parseInt(System.getProperty("rush", "200"));
        long rushStart = submits.get(Math.max(0, submits.size() - n200)).s;
        long from = rushStart - 500_000_000L;
        System.out.printf("rush submits: %d, from first to last submit start %d ms%n",
                submits.stream().filter(e -> e.s >= from).count(), (last - rushStart) / 1_000_000);
        Map<Long, List<Ev>> byThread = evs.stream().filter(e -> e.s >= from)
                .collect(Collectors.groupingBy(Ev::tid));
        List<Map<String, Long>> sends = new ArrayList<>();
        List<long[]> roots = new ArrayList<>(); // start, end, kind(0 send,1 page,2 other), tid
        for (List<Ev> list : byThread.values()) {
            for (Ev root : list) {
                if (!root.m.equals("CoyoteAdapter::service")) continue;
                List<Ev> in = list.stream().filter(x -> x != root && x.s >= root.s && x.e <= root.e).toList();
                boolean send = in.stream().anyMatch(x -> x.m.equals("RequestMeetingView::submit"));
                boolean page = in.stream().anyMatch(x -> x.m.equals("PageOpens::admit"));
                roots.add(new long[] {root.s, root.e, send ? 0 : page ? 1 : 2, root.tid});
                if (!send) continue;
                Map<String, Long> p = new LinkedHashMap<>();
                p.put("total", root.d());
                Ev sec = first(in, "SessionEpochFilter::doFilterInternal");
                Ev disp = first(in, "DispatcherServlet::doDispatch");
                Ev vs = first(in, "VaadinServlet::service");
                Ev hr = first(in, "SynchronizedRequestHandler::handleRequest");
                Ev lock = first(in, "VaadinSession::lock");
                Ev rpc = in.stream().filter(x -> x.m.equals("ServerRpcHandler::handleRpc")).max(Comparator.comparingLong(Ev::d)).orElse(null);
                Ev sub = first(in, "RequestMeetingView::submit");
                Ev turn = first(in, "TransactionRetry::inTurn");
                List<Ev> retried = in.stream().filter(x -> x.m.equals("TransactionRetry::retried")).toList();
                Ev uidl = first(in, "UidlRequestHandler::createUidl");
                p.put("a root→sessionfilter", sec == null ? -1 : sec.s - root.s);
                p.put("b sessionfilter→dispatch", disp == null || sec == null ? -1 : disp.s - sec.s);
                p.put("  of it pool getConnection", in.stream().filter(x -> x.m.equals("HikariDataSource::getConnection")
                        && sec != null && disp != null && x.s >= sec.s && x.e <= disp.s).mapToLong(Ev::d).sum());
                p.put("c dispatch→vaadinservlet", vs == null || disp == null ? -1 : vs.s - disp.s);
                p.put("d vaadinservlet→handleRequest", hr == null ? -1 : hr.s - vs.s);
                p.put("e session lock", lock == null ? -1 : lock.d());
                p.put("f handleRpc", rpc == null ? -1 : rpc.d());
                p.put("  of it submit", sub.d());
                p.put("    of it turn wait", turn == null || retried.isEmpty() ? -1 : retried.getFirst().s - turn.s);
                p.put("    of it booking steps (retried)", retried.stream().mapToLong(Ev::d).sum());
                p.put("g createUidl", uidl == null ? -1 : uidl.d());
                p.put("h handleRequest end→servlet end", hr == null ? -1 : vs.e - hr.e);
                p.put("i servlet end→root end", vs == null ? -1 : root.e - vs.e);
                p.put("start offset", root.s - rushStart);
                p.put("end offset", root.e - rushStart);
                sends.add(p);
            }
        }
        System.out.printf("send requests traced: %d%n", sends.size());
        List<String> keys = new ArrayList<>(sends.getFirst().keySet());
        System.out.printf("%-38s %9s %9s %9s %9s%n", "phase (ms)", "mean", "p50", "p95", "max");
        for (String k : keys) {
            long[] v = sends.stream().mapToLong(m -> m.get(k)).filter(x -> x >= 0).sorted().toArray();
            if (v.length == 0) continue;
            System.out.printf("%-38s %9.1f %9.1f %9.1f %9.1f%n", k, LongStream.of(v).average().orElse(0) / 1e6,
                    v[v.length / 2] / 1e6, v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.95) - 1)] / 1e6, v[v.length - 1] / 1e6);
        }
        // the slowest 10 % of sends by total: their phases' means
        List<Map<String, Long>> slow = sends.stream().sorted(Comparator.comparingLong(m -> -m.get("total")))
                .limit(Math.max(1, sends.size() / 10)).toList();
        System.out.println("slowest 10 % of the sends, phase means (ms):");
        for (String k : keys) {
            double mean = slow.stream().mapToLong(m -> m.get(k)).filter(x -> x >= 0).average().orElse(-1);
            System.out.printf("  %-38s %9.1f%n", k, mean / 1e6);
        }
        long[] ends = sends.stream().mapToLong(m -> m.get("end offset")).sorted().toArray();
        long p95End = ends[(int) Math.ceil(ends.length * 0.95) - 1];
        System.out.printf("95 %% of the sends ended %d ms after the first began; the last at %d ms%n", p95End / 1_000_000, ends[ends.length - 1] / 1_000_000);
        // requests in progress, by kind, every 100 ms
        System.out.println("in progress every 100 ms (send / page / other), from the first send:");
        StringBuilder sb = new StringBuilder();
        for (long t = 0; t <= ends[ends.length - 1] + 1_000_000_000L; t += 100_000_000L) {
            long at = rushStart + t;
            int[] n = new int[3];
            for (long[] r : roots) if (r[0] <= at && r[1] > at) n[(int) r[2]]++;
            sb.append(String.format("%d:%d/%d/%d ", t / 1_000_000, n[0], n[1], n[2]));
        }
        System.out.println(sb);
        // CPU samples until 95 % of the sends ended, by what the thread was doing
        Map<String, Integer> share = new TreeMap<>();
        Map<String, Integer> frames = new HashMap<>();
        Map<String, Integer> framesSend = new HashMap<>();
        int total = 0;
        int sendSamples = 0;
        for (RecordedEvent e : cpu) {
            long t = toNanos(e.getStartTime());
            if (t < rushStart || t > rushStart + p95End) continue;
            RecordedThread th = e.getThread() != null ? e.getThread() : (RecordedThread) (e.hasField("sampledThread") ? e.getValue("sampledThread") : null);
            if (th == null) continue;
            String kind = "not in a request: " + th.getJavaName().replaceAll("[0-9]+", "#");
            for (long[] r : roots) {
                if (r[3] == th.getId() && r[0] <= t && r[1] >= t) {
                    kind = switch ((int) r[2]) { case 0 -> "send"; case 1 -> "page"; default -> "other request"; };
                    break;
                }
            }
            share.merge(kind, 1, Integer::sum);
            total++;
            RecordedStackTrace st = e.getStackTrace();
            if (st != null) {
                Set<String> seen = new HashSet<>();
                for (RecordedFrame fr : st.getFrames()) {
                    String n = fr.getMethod().getType().getName() + "::" + fr.getMethod().getName();
                    if (seen.add(n)) {
                        frames.merge(n, 1, Integer::sum);
                        if (kind.equals("send")) framesSend.merge(n, 1, Integer::sum);
                    }
                }
                if (kind.equals("send")) sendSamples++;
            }
        }
        System.out.printf("CPU samples from the first send until 95 %% of the sends ended: %d%n", total);
        final int tot = total;
        share.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder())).limit(25)
                .forEach(en -> System.out.printf("  %5.1f %%  %s%n", 100.0 * en.getValue() / tot, en.getKey()));
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 80;
        System.out.println("frames (inclusive) in samples of send requests, of " + sendSamples);
        final int ss = sendSamples;
        framesSend.entrySet().stream().filter(en -> en.getKey().startsWith("org.b2bforum") || en.getKey().contains("vaadin")
                        || en.getKey().contains("springframework") || en.getKey().contains("catalina") || en.getKey().contains("mariadb") || en.getKey().contains("hikari") || en.getKey().contains("jackson"))
                .sorted(Map.Entry.comparingByValue(Comparator.reverseOrder())).limit(n)
                .forEach(en -> System.out.printf("  %5.1f %%  %s%n", 100.0 * en.getValue() / ss, en.getKey()));
        // parks over 2 ms in send requests, by the frame under LockSupport
        Map<String, long[]> parkBy = new HashMap<>();
        for (RecordedEvent e : parks) {
            long t = toNanos(e.getStartTime());
            if (t < rushStart || t > rushStart + p95End + 5_000_000_000L) continue;
            RecordedThread th = e.getThread();
            String kind = "other";
            for (long[] r : roots) {
                if (r[3] == th.getId() && r[0] <= t && r[1] >= t) {
                    kind = switch ((int) r[2]) { case 0 -> "send"; case 1 -> "page"; default -> "other request"; };
                    break;
                }
            }
            String where = "?";
            RecordedStackTrace st = e.getStackTrace();
            if (st != null) {
                where = st.getFrames().stream().map(fr -> fr.getMethod().getType().getName() + "::" + fr.getMethod().getName())
                        .filter(s -> !s.startsWith("java.") && !s.startsWith("jdk.")).findFirst().orElse("?");
            }
            long[] a = parkBy.computeIfAbsent(kind + " " + e.getEventType().getName().replace("jdk.", "") + " " + where, k -> new long[2]);
            a[0]++;
            a[1] += e.getDuration().toNanos();
        }
        System.out.println("parks / monitor waits >= threshold from the first send (count, total ms):");
        parkBy.entrySet().stream().sorted(Comparator.comparingLong(en -> -en.getValue()[1])).limit(25)
                .forEach(en -> System.out.printf("  %5d %9.0f  %s%n", en.getValue()[0], en.getValue()[1] / 1e6, en.getKey()));
    }

    static Ev first(List<Ev> in, String m) {
        return in.stream().filter(x -> x.m.equals(m)).findFirst().orElse(null);
    }

    static long toNanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
