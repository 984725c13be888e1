package org.b2bforum.bench;

import static org.b2bforum.bench.BenchApplication.millisSince;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.meeting.BookingInvariants;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.ProgramService;
import org.b2bforum.program.Slot;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Meeting booking under contention: 2,000 approved companies, two forum days of negotiation
 * sessions, instant booking on, and 64 client threads calling {@link MeetingRequests#request} for
 * 60 seconds, each as a company representative. About 70% of the attempts go for 200 "hot"
 * slots with one of 20 popular companies, the rest for a random company in a random slot.
 * Afterwards the booking invariants are checked with SQL ({@link BookingInvariants}).
 * <p>
 * The program has ten halls (2 days x 10 halls x 24 slots of 20 minutes = 480 slots, 40 tables
 * each), so that the 200 hot slots are a part of it; a warm-up on a day of its own precedes the
 * measured minute. Companies and their log-ins are inserted with JDBC batches (one bcrypt hash
 * for all); the program is made through {@link ProgramService} as the organizer.
 * <p>
 * Run with {@code bench/run-booking-contention}; the last line of standard output is the
 * {@code RESULT} line, logs go to standard error. For profiling: {@code -Dbench.seconds=20},
 * {@code -Dbench.threads=8}, {@code -Dbench.query-log=true} (time per statement, from MariaDB's
 * query log), and application properties as arguments, e.g.
 * {@code --b2bforum.embedded-db.pool-size=8}.
 * <p>
 * For {@code bench/run-cluster} the same workload runs as one application node of several
 * ({@code -Dbench.cluster.dir=DIR -Dbench.cluster.node=NAME}, the database given by
 * {@code --spring.datasource.url=...}): the node with {@code -Dbench.cluster.setup=true} makes the
 * data and writes the slots to {@code DIR/workload.txt}, the others read them; each writes
 * {@code DIR/started-NAME}, warms up once {@code DIR/warm-up} appears (all nodes at once), writes
 * {@code DIR/ready-NAME} and starts its client threads when {@code DIR/go} appears. Every
 * attempt is appended to {@code DIR/attempts-NAME.txt} as it ends ({@code C micros meetingId} for a
 * confirmed booking, {@code R micros key} refused, {@code A micros} asked again, {@code E micros error}
 * shown to the user), so that a node killed in the middle leaves what its clients saw.
 */
public final class BookingContentionBenchmark {

    static final int COMPANIES = 2_000;
    static final int DELEGATES_PER_COMPANY = 2;
    static final int POPULAR = 20;
    static final int HOT_SLOTS = 200;
    static final int HOT_PERCENT = 70;
    static final int THREADS = Integer.getInteger("bench.threads", 64);
    static final int REQUESTERS = 640; // threads take turns among these companies
    static final int DAYS = 2;
    static final int HALLS = 10;
    static final int TABLES = 40;
    static final int SLOT_MINUTES = 20;
    static final LocalTime FROM = LocalTime.of(10, 0);
    static final LocalTime TO = LocalTime.of(18, 0);
    static final int MEETING_LIMIT = 200;
    /**
     * The warm-up runs in windows of 5 s until the JIT has settled: until two consecutive windows'
     * attempts per second differ by at most 10% and the JIT compiled for at most 15% of the last
     * window (on a loaded machine two windows came out equal while the compiler still worked 5 s of
     * each 5 s), at least 10 s and at most 40 s. The same rule for the single node and for each
     * node of {@code bench/run-cluster}, so that neither is measured while its code is still being
     * compiled (a fixed 8 s measured the cluster nodes, slower per attempt, partly cold).
     */
    static final Duration WARM_UP_WINDOW = Duration.ofSeconds(5);
    static final Duration WARM_UP_MIN = Duration.ofSeconds(10);
    static final Duration WARM_UP_MAX = Duration.ofSeconds(40);
    static final double WARM_UP_STABLE = 0.10;
    static final double WARM_UP_JIT_SHARE = 0.15;
    static final Duration MEASURED = Duration.ofSeconds(
            Long.getLong("bench.seconds", 60));
    static final String ORGANIZER_EMAIL = "bench-chief@forum.local";
    static final String ORGANIZER_PASSWORD = "Booking-Load-2026";
    static final String COMPANY_PASSWORD = "Company-Load-2026";
    static final long SEED = 20260601L;

    private final PrintStream out;
    private final ConfigurableApplicationContext context;
    private final JdbcTemplate jdbc;
    private final MeetingRequests meetings;
    private final ProgramService program;
    private final BookingWindow bookingWindow;
    private final AccountService accounts;
    private final Random random = new Random(SEED);

    private final long[] companyIds = new long[COMPANIES];
    private final long[][] delegateIds = new long[COMPANIES][];

    private BookingContentionBenchmark(PrintStream out, ConfigurableApplicationContext context) {
        this.out = out;
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.meetings = context.getBean(MeetingRequests.class);
        this.program = context.getBean(ProgramService.class);
        this.bookingWindow = context.getBean(BookingWindow.class);
        this.accounts = context.getBean(AccountService.class);
    }

    public static void main(String[] args) {
        String clusterDir = System.getProperty("bench.cluster.dir");
        List<String> arguments = new ArrayList<>(List.of(
                "--b2bforum.demo.mode=false",
                "--b2bforum.organizer.email=" + ORGANIZER_EMAIL,
                "--b2bforum.organizer.password=" + ORGANIZER_PASSWORD,
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn"));
        if (clusterDir == null) {
            arguments.addAll(List.of("--b2bforum.embedded-db.data-dir=target/bench-booking-mariadb",
                    "--b2bforum.embedded-db.fresh=true",
                    "--server.port=0")); // the web server is needed by the security configuration; any free port
        }
        arguments.addAll(Arrays.asList(args)); // e.g. --b2bforum.embedded-db.pool-size=32
        BenchApplication.run(() -> BenchApplication.start(arguments), (out, context) -> {
            BookingContentionBenchmark benchmark = new BookingContentionBenchmark(out, context);
            if (clusterDir == null) {
                benchmark.run();
            } else {
                benchmark.runClusterNode(java.nio.file.Path.of(clusterDir), System.getProperty("bench.cluster.node"),
                        Boolean.getBoolean("bench.cluster.setup"));
            }
        });
    }

    /** One application node of {@code bench/run-cluster} (see the class comment). */
    private void runClusterNode(java.nio.file.Path dir, String node, boolean setup)
            throws InterruptedException, java.io.IOException {
        java.nio.file.Path workload = dir.resolve("workload.txt");
        List<List<Long>> slotLists = new ArrayList<>();
        if (setup) {
            insertCompanies();
            actAs(accounts.loadUserByUsername(ORGANIZER_EMAIL));
            List<Slot> warmUpSlots = sessions(LocalDate.now().plusMonths(2), 1);
            List<Slot> slots = sessions(LocalDate.now().plusMonths(2).plusDays(1), DAYS);
            bookingWindow.update(new BookingSettings(null, null, MEETING_LIMIT, true));
            SecurityContextHolder.clearContext();
            slotLists.add(pick(slots, HOT_SLOTS));
            slotLists.add(slots.stream().map(Slot::id).toList());
            slotLists.add(pick(warmUpSlots, HOT_SLOTS / DAYS));
            slotLists.add(warmUpSlots.stream().map(Slot::id).toList());
            java.nio.file.Path part = dir.resolve("workload.txt.part");
            java.nio.file.Files.write(part, slotLists.stream().map(l -> l.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(" "))).toList());
            java.nio.file.Files.move(part, workload, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } else {
            awaitFile(workload, Duration.ofMinutes(15));
            for (String line : java.nio.file.Files.readAllLines(workload)) {
                slotLists.add(Arrays.stream(line.trim().split(" ")).map(Long::valueOf).toList());
            }
            Map<Long, List<Long>> delegates = new TreeMap<>();
            jdbc.query("select company_id, id from delegate order by company_id, sort_order",
                    rs -> {
                        delegates.computeIfAbsent(rs.getLong(1), c -> new ArrayList<>()).add(rs.getLong(2));
                    });
            for (int i = 0; i < COMPANIES; i++) {
                companyIds[i] = i + 1;
                delegateIds[i] = delegates.get(companyIds[i]).stream().mapToLong(Long::longValue).toArray();
            }
        }
        List<ForumUser> requesters = principals();
        long[] popular = Arrays.copyOfRange(companyIds, 0, POPULAR);
        // the nodes warm up together, as the single node's threads do: node 1 warming up alone while node 2's
        // JVM started beside it measured neither
        java.nio.file.Files.writeString(dir.resolve("started-" + node), "started\n");
        awaitFile(dir.resolve("warm-up"), Duration.ofMinutes(15));
        WarmUp warmUp = warmUp(() -> new Phase(requesters, popular, slotLists.get(2), slotLists.get(3)));
        out.printf(Locale.ROOT, "Warm-up on %s: %s%n", node, warmUp);
        java.nio.file.Files.writeString(dir.resolve("ready-" + node), "ready\n");
        awaitFile(dir.resolve("go"), Duration.ofMinutes(15));
        Phase measured = new Phase(requesters, popular, slotLists.get(0), slotLists.get(1));
        try (PrintStream attempts = new PrintStream(java.nio.file.Files.newOutputStream(
                dir.resolve("attempts-" + node + ".txt")), true, java.nio.charset.StandardCharsets.UTF_8)) {
            measured.attemptLog = attempts;
            long elapsed = measured.run(MEASURED);
            out.printf(Locale.ROOT, "NODE %s attempts=%d confirmed=%d refused=%d errors=%d seconds=%.1f%n", node,
                    measured.attempts(), measured.confirmed.get(), measured.refused.get(), measured.errors.get(),
                    elapsed / 1e9);
            measured.firstErrors.forEach(e -> out.println("  error: " + e));
        }
    }

    private static void awaitFile(java.nio.file.Path file, Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!java.nio.file.Files.exists(file)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("No " + file + " after " + limit);
            }
            Thread.sleep(100);
        }
    }

    private void run() throws InterruptedException {
        out.printf(Locale.ROOT, "Machine: %d processors, Java %s, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        out.printf(Locale.ROOT, "Database: %s, pool size %s, innodb_flush_log_at_trx_commit=%s, isolation %s, "
                + "innodb_snapshot_isolation=%s%n", jdbc.queryForObject("select version()", String.class),
                context.getEnvironment().getProperty("b2bforum.embedded-db.pool-size", "20 (default)"),
                variable("innodb_flush_log_at_trx_commit"), variable("tx_isolation"),
                variable("innodb_snapshot_isolation"));

        long t = System.nanoTime();
        insertCompanies();
        List<ForumUser> requesters = principals();
        out.printf(Locale.ROOT, "Data: %d approved companies, %d delegates, %d accounts in %d ms%n",
                count("company"), count("delegate"), count("app_user"), millisSince(t));

        t = System.nanoTime();
        actAs(accounts.loadUserByUsername(ORGANIZER_EMAIL));
        List<Slot> warmUpSlots = sessions(LocalDate.now().plusMonths(2), 1);
        List<Slot> slots = sessions(LocalDate.now().plusMonths(2).plusDays(1), DAYS);
        bookingWindow.update(new BookingSettings(null, null, MEETING_LIMIT, true));
        SecurityContextHolder.clearContext();
        out.printf(Locale.ROOT, "Program: %d days x %d halls x %d slots of %d min, %d tables per hall: %d slots, "
                + "%d table-slots (+ a warm-up day) in %d ms%n", DAYS, HALLS, slots.size() / DAYS / HALLS, SLOT_MINUTES,
                TABLES, slots.size(), slots.size() * TABLES, millisSince(t));

        List<Long> hot = pick(slots, HOT_SLOTS);
        long[] popular = Arrays.copyOfRange(companyIds, 0, POPULAR);

        out.printf(Locale.ROOT, "Warm-up: %d threads on the warm-up day in windows of %d s until two in a row differ "
                + "by at most %.0f%% and the JIT compiles for at most %.0f%% of one (%d-%d s)%n", THREADS,
                WARM_UP_WINDOW.toSeconds(), WARM_UP_STABLE * 100, WARM_UP_JIT_SHARE * 100, WARM_UP_MIN.toSeconds(), WARM_UP_MAX.toSeconds());
        List<Long> warmUpHot = pick(warmUpSlots, HOT_SLOTS / DAYS);
        WarmUp warmUp = warmUp(() -> new Phase(requesters, popular, warmUpHot,
                warmUpSlots.stream().map(Slot::id).toList()));
        out.printf(Locale.ROOT, "  %s%n", warmUp);

        Map<String, Long> before = status();
        long jvmCpuBefore = jvmCpuNanos();
        long dbCpuBefore = dbCpuNanos();
        out.printf(Locale.ROOT, "Measured: %d threads for %d s, %d%% of attempts at %d hot slots with %d popular companies%n",
                THREADS, MEASURED.toSeconds(), HOT_PERCENT, HOT_SLOTS, POPULAR);
        Phase measured = new Phase(requesters, popular, hot, slots.stream().map(Slot::id).toList());
        boolean queryLog = Boolean.getBoolean("bench.query-log"); // profiling: every statement's time, in mysql.slow_log
        if (queryLog) {
            jdbc.execute("truncate table mysql.slow_log");
            jdbc.execute("set global log_output = 'TABLE', global long_query_time = 0, global slow_query_log = 1");
            // the pool's connections keep their session's long_query_time: new connections take the global one
            context.getBean(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        }
        long elapsed = measured.run(MEASURED);
        if (queryLog) {
            jdbc.execute("set global slow_query_log = 0");
            out.println("Statements by time (profiling with the query log):");
            jdbc.query("""
                    select count(*) n, sum(time_to_sec(query_time)) * 1000 total_ms, avg(rows_examined) examined,
                           left(regexp_replace(convert(sql_text using utf8mb4), '[[:space:]]+', ' '), 110) statement
                    from mysql.slow_log group by statement order by total_ms desc limit 25""",
                    rs -> {
                        out.printf(Locale.ROOT, "  %7d %9.0f ms %7.1f rows  %s%n", rs.getLong("n"), rs.getDouble("total_ms"),
                                rs.getDouble("examined"), rs.getString("statement"));
                    });
        }
        Map<String, Long> after = status();
        long jvmCpu = jvmCpuNanos() - jvmCpuBefore;
        long dbCpu = dbCpuNanos() - dbCpuBefore;

        BookingInvariants invariants = new BookingInvariants(jdbc);
        Map<String, Long> violations = invariants.violations(null);
        long overlapping = invariants.companiesInOverlappingMeetings(null);
        long doubleBookings = BookingInvariants.total(violations) + overlapping;
        long confirmedInDb = jdbc.queryForObject("select count(*) from meeting where status = 'CONFIRMED'", Long.class);

        long attempts = measured.attempts();
        double seconds = elapsed / 1e9;
        Samples all = measured.all();
        out.println();
        out.printf(Locale.ROOT, "Attempts: %d in %.1f s = %.0f/s; confirmed %d (%.0f/s), refused %d, errors %d, "
                + "asked again for a meeting already booked %d%n", attempts, seconds, attempts / seconds,
                measured.confirmed.get(), measured.confirmed.get() / seconds, measured.refused.get(),
                measured.errors.get(), measured.repeated.get());
        out.printf(Locale.ROOT, "  outcomes: %s%n", new TreeMap<>(measured.outcomes));
        int[] perThread = measured.counts.clone();
        Arrays.sort(perThread);
        out.printf(Locale.ROOT, "  attempts per client thread: min %d, median %d, max %d%n", perThread[0],
                perThread[perThread.length / 2], perThread[perThread.length - 1]);
        measured.firstErrors.forEach(e -> out.println("  error: " + e));
        out.printf(Locale.ROOT, "  confirmed per 10 s: %s%n", measured.confirmedPerTenSeconds());
        out.printf(Locale.ROOT, "  %-22s %7s %8s %8s %8s %8s%n", "latency", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
        out.println(all.line("all attempts"));
        out.println(measured.confirmedLatency.line("confirmed"));
        out.println(measured.refusedLatency.line("refused"));
        out.println(measured.hotLatency.line("hot (popular) attempts"));
        out.println(measured.coldLatency.line("random attempts"));
        out.printf(Locale.ROOT, "Database during the measured run, per attempt: %s%n", perAttempt(before, after, attempts));
        out.printf(Locale.ROOT, "CPU per attempt: application %.2f ms, MariaDB %.2f ms (%.0f%% and %.0f%% of one core)%n",
                jvmCpu / 1e6 / attempts, dbCpu / 1e6 / attempts, 100.0 * jvmCpu / elapsed, 100.0 * dbCpu / elapsed);
        out.printf(Locale.ROOT, "  handler reads per attempt: %s%n", handlerReads(before, after, attempts));
        out.printf(Locale.ROOT, "  row lock waits %d (%.0f ms in total), deadlocks %d, fsyncs %d%n",
                delta(before, after, "INNODB_ROW_LOCK_WAITS"), (double) delta(before, after, "INNODB_ROW_LOCK_TIME"),
                delta(before, after, "INNODB_DEADLOCKS"), delta(before, after, "INNODB_DATA_FSYNCS"));
        out.printf(Locale.ROOT, "Invariants: %s, companies in two meetings at once (parallel halls) %d%n", violations,
                overlapping);
        out.printf(Locale.ROOT, "Confirmed meetings in the database %d = warm-up %d + measured %d: %s%n", confirmedInDb,
                warmUp.confirmed(), measured.confirmed.get(),
                confirmedInDb == warmUp.confirmed() + measured.confirmed.get() ? "yes" : "NO");
        out.printf(Locale.ROOT, "Load average after the run: %s%n", loadAverage());
        out.printf(Locale.ROOT,
                "RESULT attempts=%d confirmed=%d refused=%d errors=%d double_bookings=%d ops_per_s=%.1f p50_ms=%s p95_ms=%s p99_ms=%s%n",
                attempts, measured.confirmed.get(), measured.refused.get(), measured.errors.get(), doubleBookings,
                attempts / seconds, ms(all.percentile(50)), ms(all.percentile(95)), ms(all.percentile(99)));
    }

    // ---- data ------------------------------------------------------------------------------

    /** 2,000 approved companies with two delegates each and their log-ins ({@link BenchCompanies}). */
    private void insertCompanies() {
        BenchCompanies.insert(jdbc, context.getBean(PasswordEncoder.class).encode(COMPANY_PASSWORD), COMPANIES,
                DELEGATES_PER_COMPANY);
        for (int i = 0; i < COMPANIES; i++) {
            companyIds[i] = i + 1;
            delegateIds[i] = jdbc.queryForList("select id from delegate where company_id = ? order by sort_order",
                    Long.class, companyIds[i]).stream().mapToLong(Long::longValue).toArray();
        }
    }

    private static String login(long companyId) {
        return BenchCompanies.login(companyId);
    }

    /** The representatives the client threads act as (the application's own principals). */
    private List<ForumUser> principals() {
        List<ForumUser> users = new ArrayList<>();
        for (int i = POPULAR; i < POPULAR + REQUESTERS; i++) {
            users.add(accounts.loadUserByUsername(login(companyIds[i])));
        }
        return users;
    }

    /** Negotiation sessions 10:00-18:00 in every hall on {@code days} days from {@code first}, as the organizer. */
    private List<Slot> sessions(LocalDate first, int days) {
        List<Long> halls = new ArrayList<>();
        for (int h = 0; h < HALLS; h++) {
            String name = "Зал " + (char) ('A' + h) + " " + first;
            halls.add(program.addHall(name, null, TABLES));
        }
        List<Slot> slots = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            long dayId = program.addDay(first.plusDays(d));
            for (long hall : halls) {
                long session = program.addSession(dayId, hall, "Переговоры", null, FROM, TO, SLOT_MINUTES, 0);
                slots.addAll(program.slots(session));
            }
        }
        return slots;
    }

    private List<Long> pick(List<Slot> slots, int n) {
        List<Long> ids = new ArrayList<>(slots.stream().map(Slot::id).toList());
        java.util.Collections.shuffle(ids, random);
        return List.copyOf(ids.subList(0, Math.min(n, ids.size())));
    }

    // ---- load ------------------------------------------------------------------------------

    /** What the warm-up did: attempts per second and JIT compilation time of each window. */
    record WarmUp(List<Double> perSecond, List<Long> jitMillis, long attempts, long confirmed, long errors,
            boolean settled, double seconds) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d windows, %s after %.0f s; attempts/s %s, JIT ms %s; %d attempts, "
                    + "%d confirmed, %d errors", perSecond.size(), settled ? "settled" : "not settled (limit)",
                    seconds,
                    perSecond.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(), jitMillis, attempts,
                    confirmed, errors);
        }
    }

    /** Warm-up windows until the attempts per second settle ({@link #WARM_UP_WINDOW}). */
    private static WarmUp warmUp(java.util.function.Supplier<Phase> phases) throws InterruptedException {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        List<Double> perSecond = new ArrayList<>();
        List<Long> jitMillis = new ArrayList<>();
        long attempts = 0;
        long confirmed = 0;
        long errors = 0;
        long total = 0;
        boolean settled = false;
        java.util.Set<Long> meetingIds = ConcurrentHashMap.newKeySet();
        while (!settled && total < WARM_UP_MAX.toNanos()) {
            long jitBefore = jit.getTotalCompilationTime();
            Phase window = phases.get();
            window.meetingIds = meetingIds; // asking again in a later window for a meeting one has is no new booking
            long elapsed = window.run(WARM_UP_WINDOW);
            total += elapsed;
            jitMillis.add(jit.getTotalCompilationTime() - jitBefore);
            double rate = window.attempts() / (elapsed / 1e9);
            if (!perSecond.isEmpty() && total >= WARM_UP_MIN.toNanos()) {
                double previous = perSecond.getLast();
                settled = Math.abs(rate - previous) <= WARM_UP_STABLE * Math.max(rate, previous)
                        && jitMillis.getLast() <= WARM_UP_JIT_SHARE * elapsed / 1e6;
            }
            perSecond.add(rate);
            attempts += window.attempts();
            confirmed += window.confirmed.get();
            errors += window.errors.get();
        }
        return new WarmUp(perSecond, jitMillis, attempts, confirmed, errors, settled, total / 1e9);
    }

    /** One timed run of the client threads. */
    private final class Phase {
        final List<ForumUser> requesters;
        final long[] popular;
        final List<Long> hotSlots;
        final List<Long> allSlots;
        final AtomicLong confirmed = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong repeated = new AtomicLong();
        final Map<String, Long> outcomes = new ConcurrentHashMap<>();
        /** The meetings this phase's clients have; the warm-up's windows share one set. */
        java.util.Set<Long> meetingIds = ConcurrentHashMap.newKeySet();
        final List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        final long[][] nanos = new long[THREADS][];
        final int[] counts = new int[THREADS];
        final Samples confirmedLatency = new Samples();
        final Samples refusedLatency = new Samples();
        final Samples hotLatency = new Samples();
        final Samples coldLatency = new Samples();
        final AtomicLong[] confirmedByTenSeconds = new AtomicLong[60];
        volatile long startNanos;
        /** bench/run-cluster: every attempt as it ends (see the class comment); null otherwise. */
        PrintStream attemptLog;

        Phase(List<ForumUser> requesters, long[] popular, List<Long> hotSlots, List<Long> allSlots) {
            this.requesters = requesters;
            this.popular = popular;
            this.hotSlots = hotSlots;
            this.allSlots = allSlots;
            for (int i = 0; i < confirmedByTenSeconds.length; i++) {
                confirmedByTenSeconds[i] = new AtomicLong();
            }
        }

        long run(Duration duration) throws InterruptedException {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(THREADS);
            long[] deadline = new long[1];
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(Thread.ofPlatform().name("client-" + t).start(() -> {
                    ready.countDown();
                    try {
                        start.await();
                        client(thread, deadline[0]);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        SecurityContextHolder.clearContext();
                        done.countDown();
                    }
                }));
            }
            ready.await();
            startNanos = System.nanoTime();
            deadline[0] = startNanos + duration.toNanos();
            start.countDown();
            done.await();
            long elapsed = System.nanoTime() - startNanos;
            for (Thread thread : threads) {
                thread.join();
            }
            return elapsed;
        }

        private void client(int thread, long deadline) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            long[] mine = new long[1 << 16];
            int n = 0;
            int turn = 0;
            while (System.nanoTime() < deadline) {
                ForumUser me = requesters.get((thread + THREADS * turn++) % requesters.size());
                int myIndex = (int) (me.companyId() - 1);
                boolean hot = r.nextInt(100) < HOT_PERCENT;
                long partner;
                long slot;
                if (hot) {
                    partner = popular[r.nextInt(popular.length)];
                    slot = hotSlots.get(r.nextInt(hotSlots.size()));
                } else {
                    do {
                        partner = companyIds[r.nextInt(COMPANIES)];
                    } while (partner == me.companyId());
                    slot = allSlots.get(r.nextInt(allSlots.size()));
                }
                long delegate = delegateIds[myIndex][r.nextInt(DELEGATES_PER_COMPANY)];
                actAs(me);
                long t0 = System.nanoTime();
                String outcome;
                String logged;
                try {
                    long id = meetings.request(partner, slot, List.of(delegate), null).meetingId();
                    // asking again for a meeting one has returns it: that is no new booking
                    outcome = meetingIds.add(id) ? "confirmed" : "already booked";
                    logged = outcome.equals("confirmed") ? "C " + id : "A";
                } catch (BookingRefusedException e) {
                    outcome = e.key();
                    logged = "R " + e.key();
                } catch (RuntimeException e) {
                    outcome = "error " + e.getClass().getSimpleName();
                    logged = "E " + String.valueOf(e).replace('\n', ' ');
                    if (firstErrors.size() < 5) {
                        firstErrors.add(e + (e.getCause() == null ? "" : " caused by " + e.getCause()));
                    }
                }
                long took = System.nanoTime() - t0;
                if (attemptLog != null) {
                    attemptLog.println(logged.charAt(0) + " " + took / 1000 + logged.substring(1));
                }
                if (n == mine.length) {
                    mine = Arrays.copyOf(mine, n * 2);
                }
                mine[n++] = took;
                outcomes.merge(outcome, 1L, Long::sum);
                if (outcome.equals("already booked")) {
                    repeated.incrementAndGet();
                } else if (outcome.equals("confirmed")) {
                    confirmed.incrementAndGet();
                    confirmedLatency.add(took);
                    int bucket = (int) ((t0 - startNanos) / 10_000_000_000L);
                    confirmedByTenSeconds[Math.min(bucket, confirmedByTenSeconds.length - 1)].incrementAndGet();
                } else if (outcome.startsWith("error")) {
                    errors.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                    refusedLatency.add(took);
                }
                (hot ? hotLatency : coldLatency).add(took);
            }
            nanos[thread] = Arrays.copyOf(mine, n);
            counts[thread] = n;
        }

        long attempts() {
            return Arrays.stream(counts).asLongStream().sum();
        }

        Samples all() {
            Samples all = new Samples();
            for (long[] each : nanos) {
                for (long v : each) {
                    all.add(v);
                }
            }
            return all;
        }

        String confirmedPerTenSeconds() {
            List<Long> list = new ArrayList<>();
            long seconds = (System.nanoTime() - startNanos) / 1_000_000_000L;
            for (int i = 0; i < Math.min(confirmedByTenSeconds.length, (seconds + 9) / 10); i++) {
                list.add(confirmedByTenSeconds[i].get());
            }
            return list.toString();
        }
    }

    private static void actAs(ForumUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    // ---- figures ---------------------------------------------------------------------------

    private Map<String, Long> status() {
        Map<String, Long> values = new TreeMap<>();
        jdbc.query("""
                select variable_name, variable_value from information_schema.global_status
                where variable_name in ('QUESTIONS', 'COM_COMMIT', 'COM_ROLLBACK', 'COM_SELECT', 'COM_INSERT',
                  'COM_UPDATE', 'COM_DELETE', 'COM_SET_OPTION', 'INNODB_ROW_LOCK_WAITS', 'INNODB_ROW_LOCK_TIME',
                  'INNODB_DEADLOCKS', 'INNODB_DATA_FSYNCS', 'HANDLER_COMMIT', 'HANDLER_READ_KEY', 'HANDLER_READ_NEXT',
                  'HANDLER_READ_RND_NEXT', 'HANDLER_READ_FIRST', 'HANDLER_READ_PREV', 'HANDLER_WRITE')""",
                rs -> {
                    values.put(rs.getString(1).toUpperCase(Locale.ROOT), Long.parseLong(rs.getString(2)));
                });
        return values;
    }

    /** A server variable, or "-" where the server has none (MariaDB 10.11 against the embedded 11.4: bench/cluster/cpu-variants). */
    private String variable(String name) {
        try {
            return jdbc.queryForObject("select @@" + name, String.class);
        } catch (org.springframework.dao.DataAccessException e) {
            return "-";
        }
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String name) {
        return after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L);
    }

    private static String perAttempt(Map<String, Long> before, Map<String, Long> after, long attempts) {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("QUESTIONS", "COM_SELECT", "COM_INSERT", "COM_UPDATE", "COM_DELETE", "COM_SET_OPTION",
                "COM_COMMIT", "COM_ROLLBACK")) {
            text.append(name.toLowerCase(Locale.ROOT)).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f", delta(before, after, name) / (double) Math.max(1, attempts)))
                    .append(", ");
        }
        return text.substring(0, text.length() - 2);
    }

    private static String handlerReads(Map<String, Long> before, Map<String, Long> after, long attempts) {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("HANDLER_READ_KEY", "HANDLER_READ_NEXT", "HANDLER_READ_PREV", "HANDLER_READ_FIRST",
                "HANDLER_READ_RND_NEXT", "HANDLER_WRITE")) {
            text.append(name.substring(8).toLowerCase(Locale.ROOT)).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f", delta(before, after, name) / (double) Math.max(1, attempts)))
                    .append(", ");
        }
        return text.substring(0, text.length() - 2);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the embedded MariaDB server process, from /proc (Linux), or 0. */
    private long dbCpuNanos() {
        try {
            String pidFile = jdbc.queryForObject("select @@pid_file", String.class);
            java.nio.file.Path path = java.nio.file.Path.of(pidFile);
            if (!path.isAbsolute()) {
                path = java.nio.file.Path.of(jdbc.queryForObject("select @@datadir", String.class)).resolve(pidFile);
            }
            String pid = java.nio.file.Files.readString(path).trim();
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
            return ticks * 10_000_000L; // 100 ticks per second
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private long count(String table) {
        Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return n == null ? 0 : n;
    }

    static final class Samples {
        private long[] nanos = new long[1024];
        private int n;

        synchronized void clear() {
            n = 0;
        }

        synchronized void add(long value) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = value;
        }

        /** Nearest-rank percentile in nanoseconds. */
        synchronized long percentile(double p) {
            if (n == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * n);
            return sorted[Math.max(0, rank - 1)];
        }

        synchronized int size() {
            return n;
        }

        /** How many samples are {@code nanos} or more. */
        synchronized int countAtLeast(long nanos) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (this.nanos[i] >= nanos) {
                    count++;
                }
            }
            return count;
        }

        synchronized String line(String label) {
            return String.format(Locale.ROOT, "  %-22s %7d %8s %8s %8s %8s", label, n, ms(percentile(50)),
                    ms(percentile(95)), ms(percentile(99)), ms(percentile(100)));
        }
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
    }

}
