package org.b2bforum.bench;

import static org.b2bforum.bench.BenchApplication.millisSince;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.b2bforum.badge.BadgeBatch;
import org.b2bforum.badge.BadgeBatchService;
import org.b2bforum.badge.BadgeFilter;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.TaxNumbers;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.program.ProgramItems;
import org.b2bforum.program.ProgramService;
import org.b2bforum.program.Slot;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The organizers' batch print of 2,000 badges: a fresh embedded MariaDB with 1,000 approved
 * companies of two delegates each (Cyrillic names, positions and companies), two forum days of
 * negotiations in four halls of 30 tables, 5,760 confirmed meetings (about six per delegate) and
 * program items (one or two per delegate); then the batch of all 2,000 badges through
 * {@link BadgeBatchService}, exactly as the organizers' "Badges" page starts it and polls it. The
 * PDF is copied into the output folder and counted again with PDFBox.
 * <p>
 * Run with {@code bench/run-badges --out DIR}; the last line of standard output is
 * {@code RESULT badges=<n> pages=<n> seconds=<x> mb=<x>}, logs go to standard error. Application
 * properties may follow as arguments.
 */
public final class BadgeBenchmark {

    static final int COMPANIES = 1_000;
    static final int DELEGATES_PER_COMPANY = 2;
    static final int DAYS = 2;
    static final int HALLS = 4;
    static final int TABLES = 30;
    static final LocalTime FROM = LocalTime.of(10, 0);
    static final LocalTime TO = LocalTime.of(18, 0);
    static final int SLOT_MINUTES = 20;
    static final String ORGANIZER_EMAIL = "bench-chief@forum.local";
    static final String ORGANIZER_PASSWORD = "Badges-Load-2026";
    static final long SEED = 20260918L;

    private static final String[] RUSSIAN_CITIES = {"Москва", "Казань", "Сочи", "Санкт-Петербург"};
    private static final String[] BELARUSIAN_CITIES = {"Минск", "Гомель", "Брест", "Гродно"};
    private static final String[] SURNAMES = {"Кузнецов", "Ковалевич", "Лебедев", "Жук", "Лукашевич", "Иванов",
            "Новиков", "Мельников", "Романович", "Соколов", "Гончаренко", "Кравченко", "Зайцев", "Павлюченко",
            "Григорьев", "Богданович", "Тарасевич", "Орлов", "Шевчук", "Климович"};
    private static final String[] FIRST_NAMES = {"Андрей", "Александр", "Ольга", "Татьяна", "Денис", "Наталья",
            "Сергей", "Ирина", "Дмитрий", "Елена", "Павел", "Анастасия", "Виктор", "Юлия", "Максим", "Светлана"};
    private static final String[] PATRONYMICS = {"Владимирович", "Иванович", "Сергеевна", "Михайловна",
            "Петрович", "Александровна", "Николаевич", "Олеговна"};
    private static final String[] POSITIONS = {"Генеральный директор", "Заместитель директора по развитию",
            "Начальник отдела закупок", "Руководитель управления внешнеэкономической деятельности",
            "Главный инженер", "Менеджер по продажам", "Коммерческий директор", "Ведущий специалист по логистике"};
    private static final String[] COMPANY_WORDS = {"Дорстрой", "Техмаш", "ИнфоСистемы", "АгроПродукт", "МедТех",
            "Логистик", "Энергосервис", "Мебельпром", "ЖилКомСервис", "ТрансЭкспедиция", "Стройресурс", "Белпак"};

    private final PrintStream out;
    private final ConfigurableApplicationContext context;
    private final JdbcTemplate jdbc;
    private final Random random = new Random(SEED);

    private BadgeBenchmark(PrintStream out, ConfigurableApplicationContext context) {
        this.out = out;
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(
                "--b2bforum.embedded-db.data-dir=target/bench-badges-mariadb",
                "--b2bforum.embedded-db.fresh=true",
                "--b2bforum.demo.mode=false",
                "--b2bforum.organizer.email=" + ORGANIZER_EMAIL,
                "--b2bforum.organizer.password=" + ORGANIZER_PASSWORD,
                "--b2bforum.public-url=https://forum.example.org",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn"));
        Path outDir = BenchApplication.outDir(args, arguments);
        if (outDir == null) {
            System.err.println("Usage: bench/run-badges --out DIR [application properties...]");
            System.exit(2);
            return;
        }
        BenchApplication.run(() -> BenchApplication.start(arguments),
                (out, context) -> new BadgeBenchmark(out, context).run(outDir));
    }

    private void run(Path outDir) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "Machine: %d processors, Java %s, max heap %d MB, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1024 / 1024, loadAverage());

        long t = System.nanoTime();
        insertCompanies();
        ForumUser organizer = context.getBean(AccountService.class).loadUserByUsername(ORGANIZER_EMAIL);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(organizer, null, organizer.getAuthorities()));
        List<List<Slot>> slotTimes = program();
        int meetings = insertMeetings(slotTimes);
        jdbc.execute("analyze table company, delegate, meeting, meeting_delegate, program_item_attendee");
        out.printf(Locale.ROOT, "Data: %d approved companies, %d delegates, %d confirmed meetings, %d program sign-ups "
                + "in %d ms%n", count("company"), count("delegate"), meetings, count("program_item_attendee"),
                millisSince(t));
        out.printf(Locale.ROOT, "  schedule lines per delegate: %s%n", scheduleSpread());

        BadgeBatchService batches = context.getBean(BadgeBatchService.class);
        long heapBefore = usedHeap();
        long cpuBefore = cpuNanos();
        Instant startedAt = Instant.now();
        t = System.nanoTime();
        BadgeBatch batch = batches.start(BadgeFilter.ALL, Languages.RUSSIAN);
        long peakHeap = usedHeap();
        long firstBadge = -1;
        long saving = -1;
        while (!batch.finished()) {
            Thread.sleep(50);
            batch = batches.status(batch.id());
            peakHeap = Math.max(peakHeap, usedHeap());
            if (firstBadge < 0 && batch.done() > 0) {
                firstBadge = millisSince(t);
            }
            if (saving < 0 && batch.state() == BadgeBatch.State.SAVING) {
                saving = millisSince(t);
            }
        }
        long millis = millisSince(t);
        long cpu = cpuNanos() - cpuBefore;
        if (batch.state() != BadgeBatch.State.DONE) {
            throw new IllegalStateException("The batch failed: " + batch);
        }

        Files.createDirectories(outDir);
        Path pdf = outDir.resolve("badges.pdf");
        try (InputStream in = batches.open(batch.id())) {
            Files.copy(in, pdf, StandardCopyOption.REPLACE_EXISTING);
        }
        int pages;
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
            pages = document.getNumberOfPages();
        }
        double seconds = millis / 1000.0;
        double mb = Files.size(pdf) / 1024.0 / 1024.0;
        out.printf(Locale.ROOT, "Batch: %d badges (%s), first badge laid out after %d ms, all laid out after %d ms, "
                + "file written after %.1f s (%.1f ms per badge), started %s%n", batch.total(), batch.state(),
                firstBadge, saving, seconds, (double) millis / batch.total(), startedAt);
        out.printf(Locale.ROOT, "  CPU of the application during the batch: %.1f s (%.0f%% of one core)%n", cpu / 1e9,
                100.0 * cpu / 1e6 / millis);
        out.printf(Locale.ROOT, "  heap in use: %d MB before, at most %d MB seen while polling%n", heapBefore / 1024 / 1024,
                peakHeap / 1024 / 1024);
        out.printf(Locale.ROOT, "File: %s, %d pages, %.1f MB (%.1f KB per badge)%n", pdf.toAbsolutePath(), pages, mb,
                Files.size(pdf) / 1024.0 / batch.total());
        out.printf(Locale.ROOT, "Load average after the run: %s%n", loadAverage());
        out.printf(Locale.ROOT, "RESULT badges=%d pages=%d seconds=%.1f mb=%.1f%n", batch.total(), pages, seconds, mb);
    }

    // ---- data ------------------------------------------------------------------------------

    /** 1,000 approved companies with two delegates each, in JDBC batches (registration is not what is measured). */
    private void insertCompanies() {
        Instant submitted = Instant.now().minus(Duration.ofDays(30));
        List<Object[]> companies = new ArrayList<>();
        List<Object[]> delegates = new ArrayList<>();
        for (int i = 0; i < COMPANIES; i++) {
            long id = i + 1;
            boolean belarus = i % 2 == 1;
            String name = COMPANY_WORDS[i % COMPANY_WORDS.length] + (i >= COMPANY_WORDS.length ? "-" + (i / COMPANY_WORDS.length) : "");
            String site = "company-" + id + (belarus ? ".by" : ".ru");
            String taxNumber = belarus ? String.format(Locale.ROOT, "3%08d", i)
                    : TaxNumbers.innFromNineDigits(String.format(Locale.ROOT, "6%08d", i));
            String city = (belarus ? BELARUSIAN_CITIES : RUSSIAN_CITIES)[i / 2 % 4];
            companies.add(new Object[] {id, (belarus ? "ОАО «" : "ООО «") + name + "»", name, city,
                    belarus ? "BY" : "RU", "Производство и поставки.", "Поставки.", "Партнёров.", "https://" + site,
                    taxNumber, "Директор " + id, "info@" + site, "+7 495 000-00-00", Timestamp.from(submitted),
                    Timestamp.from(submitted), Timestamp.from(submitted.plus(Duration.ofDays(1)))});
            for (int d = 0; d < DELEGATES_PER_COMPANY; d++) {
                int n = i * DELEGATES_PER_COMPANY + d;
                String fullName = SURNAMES[n % SURNAMES.length] + " " + FIRST_NAMES[(n / 3) % FIRST_NAMES.length] + " "
                        + PATRONYMICS[(n / 7) % PATRONYMICS.length];
                delegates.add(new Object[] {id, d, fullName, POSITIONS[n % POSITIONS.length],
                        "delegate" + (d + 1) + "@" + site, "+7 495 000-00-0" + d,
                        n % 50 == 0 ? "SPEAKER" : n % 97 == 0 ? "PRESS" : n % 131 == 0 ? "ORGANIZER" : "PARTICIPANT"});
            }
        }
        jdbc.batchUpdate("""
                insert into company (id, version, full_name, short_name, city, country, description, offers, seeks,
                    website, tax_number, contact_person, email, phone, status, consent_given_at, submitted_at,
                    decided_at)
                values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPROVED', ?, ?, ?)""", companies);
        jdbc.batchUpdate("insert into delegate (company_id, sort_order, full_name, position, email, phone, badge_role)"
                + " values (?, ?, ?, ?, ?, ?, ?)", delegates);
    }

    /**
     * Two forum days with four halls of 30 tables, 10:00-18:00 in 20-minute slots, made through
     * {@link ProgramService} as the organizer; a plenary and two round tables. Returns the slots
     * grouped by their start (the halls' slots at the same time).
     */
    private List<List<Slot>> program() {
        ProgramService program = context.getBean(ProgramService.class);
        ProgramItems programItems = context.getBean(ProgramItems.class);
        LocalDate first = LocalDate.now().plusMonths(3);
        List<Long> halls = new ArrayList<>();
        for (int h = 0; h < HALLS; h++) {
            halls.add(program.addHall("Зал переговоров " + (char) ('А' + h), null, TABLES));
        }
        Map<Instant, List<Slot>> byTime = new java.util.TreeMap<>();
        List<Long> days = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            long dayId = program.addDay(first.plusDays(d));
            days.add(dayId);
            for (long hall : halls) {
                long session = program.addSession(dayId, hall, "B2B-переговоры, день " + (d + 1), null, FROM, TO,
                        SLOT_MINUTES, 0);
                for (Slot slot : program.slots(session)) {
                    byTime.computeIfAbsent(slot.startsAt(), k -> new ArrayList<>()).add(slot);
                }
            }
        }
        long plenary = programItems.add(days.get(0), ProgramItemKind.PLENARY,
                "Пленарное заседание «Минск и Москва: новый драйвер развития»", null, "Конгресс-холл", null, LocalTime.of(8, 0),
                LocalTime.of(9, 30));
        long tourism = programItems.add(days.get(1), ProgramItemKind.ROUND_TABLE,
                "Круглый стол «Туризм и гостеприимство»", null, "Зал «Немига»", null, LocalTime.of(8, 30), LocalTime.of(9, 45));
        long results = programItems.add(days.get(1), ProgramItemKind.PLENARY, "Подведение итогов форума", null,
                "Конгресс-холл", null, LocalTime.of(18, 15), LocalTime.of(19, 30));
        List<Object[]> attendees = new ArrayList<>();
        jdbc.query("select id from delegate order by id", rs -> {
            long delegate = rs.getLong(1);
            attendees.add(new Object[] {plenary, delegate});
            if (delegate % 3 == 0) {
                attendees.add(new Object[] {tourism, delegate});
            }
            if (delegate % 2 == 0) {
                attendees.add(new Object[] {results, delegate});
            }
        });
        jdbc.batchUpdate("insert into program_item_attendee (program_item_id, delegate_id) values (?, ?)", attendees);
        return new ArrayList<>(byTime.values());
    }

    /**
     * At every slot time, 120 pairs of companies (a shuffled order, so nobody meets twice at once)
     * meet at the 4 x 30 tables, each company with one of its delegates (alternately): 5,760
     * confirmed meetings, written with JDBC batches as confirmed meetings are stored.
     */
    private int insertMeetings(List<List<Slot>> slotTimes) {
        Map<Long, List<Long>> tablesByHall = new HashMap<>();
        jdbc.query("select id, hall_id from meeting_table order by hall_id, number", rs -> {
            tablesByHall.computeIfAbsent(rs.getLong("hall_id"), k -> new ArrayList<>()).add(rs.getLong("id"));
        });
        Map<Long, long[]> delegatesOf = new HashMap<>();
        jdbc.query("select company_id, id from delegate order by company_id, sort_order", rs -> {
            long[] ids = delegatesOf.computeIfAbsent(rs.getLong(1), k -> new long[0]);
            long[] more = Arrays.copyOf(ids, ids.length + 1);
            more[ids.length] = rs.getLong(2);
            delegatesOf.put(rs.getLong(1), more);
        });
        List<Long> companies = new ArrayList<>(delegatesOf.keySet());
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> meetings = new ArrayList<>();
        List<Object[]> attendance = new ArrayList<>();
        long meetingId = 1;
        int round = 0;
        for (List<Slot> halls : slotTimes) {
            Collections.shuffle(companies, random);
            int next = 0;
            for (Slot slot : halls) {
                for (long table : tablesByHall.get(slot.hallId())) {
                    long a = companies.get(next++);
                    long b = companies.get(next++);
                    meetings.add(new Object[] {meetingId, a, b, slot.id(), table, now, now});
                    attendance.add(new Object[] {meetingId, delegatesOf.get(a)[round % DELEGATES_PER_COMPANY], a});
                    attendance.add(new Object[] {meetingId, delegatesOf.get(b)[(round + 1) % DELEGATES_PER_COMPANY], b});
                    meetingId++;
                }
            }
            round++;
        }
        jdbc.batchUpdate("""
                insert into meeting (id, requester_company_id, partner_company_id, slot_id, status, table_id,
                    created_at, updated_at)
                values (?, ?, ?, ?, 'CONFIRMED', ?, ?, ?)""", meetings);
        jdbc.batchUpdate("insert into meeting_delegate (meeting_id, delegate_id, company_id) values (?, ?, ?)",
                attendance);
        return meetings.size();
    }

    private String scheduleSpread() {
        List<Integer> lines = jdbc.queryForList("""
                select (select count(*) from meeting_delegate md where md.delegate_id = d.id)
                     + (select count(*) from program_item_attendee a where a.delegate_id = d.id)
                from delegate d""", Integer.class);
        Collections.sort(lines);
        return String.format(Locale.ROOT, "min %d, median %d, max %d, mean %.1f", lines.getFirst(),
                lines.get(lines.size() / 2), lines.getLast(),
                lines.stream().mapToInt(Integer::intValue).average().orElse(0));
    }

    // ---- figures ---------------------------------------------------------------------------

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private long count(String table) {
        Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return n == null ? 0 : n;
    }

}
