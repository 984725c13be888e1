package org.b2bforum.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.b2bforum.meeting.BookingInvariants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * For {@code bench/run-cluster}: reads what the clients of every application node saw
 * ({@code attempts-*.txt} of {@link BookingContentionBenchmark}'s cluster mode) and checks every
 * Galera node. Arguments: {@code DIR SECONDS APP_NODES USER PASSWORD JDBC_URL...}. Prints one
 * {@code NODE} line per database node (waiting up to two minutes for one that is not synced), then
 * {@code RESULT app_nodes= galera_nodes= double_bookings= lost_confirmed= errors_shown= ops_per_s= p95_ms=}.
 */
public final class ClusterCheck {

    /** How long the check waits for a node that is not synced (issue 18: a node dropped out after the run). */
    static final java.time.Duration SYNC_WAIT = java.time.Duration.ofMinutes(2);

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        double seconds = Double.parseDouble(args[1]);
        int appNodes = Integer.parseInt(args[2]);
        String user = args[3];
        String password = args[4];
        List<String> urls = Arrays.asList(args).subList(5, args.length);

        Set<Long> confirmed = new HashSet<>();
        List<Long> micros = new ArrayList<>();
        long errors = 0;
        long refused = 0;
        List<String> firstErrors = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("attempts-")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] parts = line.split(" ", 3);
                    if (parts.length < 2 || !parts[1].matches("\\d+")) {
                        continue; // the last line of a killed node may be cut
                    }
                    micros.add(Long.parseLong(parts[1]));
                    switch (parts[0]) {
                        case "C" -> confirmed.add(Long.parseLong(parts[2]));
                        case "R" -> refused++;
                        case "E" -> {
                            errors++;
                            if (firstErrors.size() < 5) {
                                firstErrors.add(line);
                            }
                        }
                        default -> { }
                    }
                }
            }
        }
        long doubleBookings = 0;
        long lost = 0;
        int checked = 0;
        for (String url : urls) {
            long[] result = checkWhenSynced(url, user, password, confirmed);
            if (result == null) {
                continue;
            }
            checked++;
            doubleBookings = Math.max(doubleBookings, result[0]);
            lost = Math.max(lost, result[1]);
        }
        firstErrors.forEach(e -> System.out.println("  error shown: " + e));
        micros.sort(null);
        double p95 = micros.isEmpty() ? 0 : micros.get(Math.max(0, (int) Math.ceil(0.95 * micros.size()) - 1)) / 1000.0;
        System.out.printf(Locale.ROOT, "Clients: %d attempts, %d confirmed, %d refused, %d errors shown%n",
                micros.size(), confirmed.size(), refused, errors);
        System.out.printf(Locale.ROOT,
                "RESULT app_nodes=%d galera_nodes=%d double_bookings=%d lost_confirmed=%d errors_shown=%d ops_per_s=%.1f p95_ms=%.1f%n",
                appNodes, checked, doubleBookings, lost, errors, micros.size() / seconds, p95);
    }

    /**
     * Checks one node once it is synced: a node that was synced when the run ended may drop out of
     * the cluster for a while (a loaded machine stalls it past the others' failure detection, it
     * rejoins by a state transfer), so the check waits up to {@link #SYNC_WAIT} for it, and runs
     * again if the node drops out in the middle. Returns {double bookings, lost confirmed}, or null
     * (a NODE line says why) when the node was not synced in time.
     */
    private static long[] checkWhenSynced(String url, String user, String password, Set<Long> confirmed)
            throws InterruptedException {
        long until = System.nanoTime() + SYNC_WAIT.toNanos();
        long started = System.nanoTime();
        String last = "";
        while (true) {
            try (SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, password, true)) {
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                String state = jdbc.queryForObject(
                        "select variable_value from information_schema.global_status "
                                + "where variable_name = 'WSREP_LOCAL_STATE_COMMENT'", String.class);
                String ready = jdbc.queryForObject(
                        "select variable_value from information_schema.global_status where variable_name = 'WSREP_READY'",
                        String.class);
                if ("Synced".equals(state) && "ON".equals(ready)) {
                    jdbc.execute("set session wsrep_sync_wait = 1"); // reads wait until the node has applied all
                    Set<Long> there = new HashSet<>(
                            jdbc.queryForList("select id from meeting where status = 'CONFIRMED'", Long.class));
                    long missing = confirmed.stream().filter(id -> !there.contains(id)).count();
                    BookingInvariants invariants = new BookingInvariants(jdbc);
                    long violations = BookingInvariants.total(invariants.violations(null))
                            + invariants.companiesInOverlappingMeetings(null);
                    System.out.printf(Locale.ROOT, "NODE %s confirmed_in_db=%d lost_confirmed=%d double_bookings=%d%s%n",
                            url, there.size(), missing, violations, waited(started, last));
                    return new long[] {violations, missing};
                }
                last = "state " + state + ", ready " + ready;
            } catch (RuntimeException e) { // 1047 "not prepared for application use", a lost connection
                last = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
            }
            if (System.nanoTime() > until) {
                System.out.printf(Locale.ROOT, "NODE %s not synced after %d s (%s): not checked%n", url,
                        SYNC_WAIT.toSeconds(), last);
                return null;
            }
            Thread.sleep(1000);
        }
    }

    private static String waited(long started, String last) {
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        return last.isEmpty() ? "" : String.format(Locale.ROOT, " (after %d s out of sync: %s)", seconds, last);
    }
}
