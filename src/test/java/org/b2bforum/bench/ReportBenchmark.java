package org.b2bforum.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.Sector;
import org.b2bforum.company.TaxNumbers;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.program.ProgramItems;
import org.b2bforum.program.ProgramService;
import org.b2bforum.program.Slot;
import org.b2bforum.reporting.ForumReportService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The results report of a large forum: a fresh embedded MariaDB with 2,000 approved companies
 * (Moscow, Minsk and eight other cities, one or two sectors each, two delegates each, 85% checked
 * in), two days of negotiations in four halls of 105 tables, 20,000 confirmed meetings (88% held, 6%
 * no-shows) with the companies' outcomes, 3,000 requests declined, cancelled or unanswered, and
 * five round tables. Then the PDF and the XLSX through {@link ForumReportService}, in Russian, as
 * the organizers' page makes them, each timed from the call to the last byte (twice: the first
 * after start-up, the second warm); the English PDF is written too.
 * <p>
 * Run with {@code bench/run-report --out DIR}; the last line of standard output is
 * {@code RESULT companies=<n> meetings=<n> pdf_s=<x> xlsx_s=<x>} (the first, cold, runs).
 */
public final class ReportBenchmark {

    static final int COMPANIES = 2_000;
    static final int MEETINGS = 20_000;
    static final int OTHER_REQUESTS = 3_000;
    static final int HALLS = 4;
    static final int TABLES = 105;
    static final String ORGANIZER_EMAIL = "bench-report@forum.local";
    static final String ORGANIZER_PASSWORD = "Report-Load-2026";

    private static final String[] RUSSIAN_CITIES = {"Москва", "Москва", "Москва", "Москва", "Казань", "Сочи",
            "Санкт-Петербург"};
    private static final String[] BELARUSIAN_CITIES = {"Минск", "Минск", "Минск", "Минск", "Гомель", "Брест",
            "Гродно", "Витебск", "Могилёв"};
    private static final String[] COMPANY_WORDS = {"Дорстрой", "Техмаш", "ИнфоСистемы", "АгроПродукт", "МедТех",
            "Логистик", "Энергосервис", "Мебельпром", "ЖилКомСервис", "ТрансЭкспедиция", "Стройресурс", "Белпак"};
    private static final String[] ROUND_TABLES = {"Туризм и гостеприимство", "Социальная защита",
            "Молодёжная политика", "Образование", "Здравоохранение"};

    private final PrintStream out;
    private final ConfigurableApplicationContext context;
    private final JdbcTemplate jdbc;
    private final Random random = new Random(20260918L);

    private ReportBenchmark(PrintStream out, ConfigurableApplicationContext context) {
        this.out = out;
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(
                "--b2bforum.embedded-db.data-dir=target/bench-report-mariadb",
                "--b2bforum.embedded-db.fresh=true",
                "--b2bforum.demo.mode=false",
                "--b2bforum.organizer.email=" + ORGANIZER_EMAIL,
                "--b2bforum.organizer.password=" + ORGANIZER_PASSWORD,
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn"));
        Path outDir = BenchApplication.outDir(args, arguments);
        if (outDir == null) {
            System.err.println("Usage: bench/run-report --out DIR [application properties...]");
            System.exit(2);
            return;
        }
        BenchApplication.run(() -> BenchApplication.start(arguments),
                (out, context) -> new ReportBenchmark(out, context).run(outDir));
    }

    private void run(Path outDir) throws IOException {
        out.printf(Locale.ROOT, "Machine: %d processors, Java %s, max heap %d MB, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1024 / 1024, loadAverage());
        ForumUser organizer = context.getBean(AccountService.class).loadUserByUsername(ORGANIZER_EMAIL);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(organizer, null, organizer.getAuthorities()));
        long t = System.nanoTime();
        insertCompanies(organizer.id());
        List<List<Slot>> slotTimes = program();
        insertMeetings(slotTimes, organizer.id());
        insertFair();
        jdbc.execute("analyze table company, company_sector, delegate, delegate_check_in, meeting, meeting_outcome,"
                + " program_item_attendee, fair_stand, fair_stand_assignment, fair_lead");
        out.printf(Locale.ROOT, "Data: %d approved companies, %d delegates (%d checked in), %d meetings "
                + "(%d confirmed, %d of them at fair stands), %d outcomes, %d fair stands (%d taken), %d leads, in %d ms%n",
                count("company"), count("delegate"), count("delegate_check_in"), count("meeting"),
                countWhere("meeting", "status = 'CONFIRMED'"), countWhere("meeting", "stand_id is not null"),
                count("meeting_outcome"), count("fair_stand"), count("fair_stand_assignment"), count("fair_lead"),
                (System.nanoTime() - t) / 1_000_000);

        ForumReportService reports = context.getBean(ForumReportService.class);
        Files.createDirectories(outDir);
        Path pdf = outDir.resolve("forum-results-ru.pdf");
        Path xlsx = outDir.resolve("forum-results-ru.xlsx");
        long r = System.nanoTime();
        reports.results();
        out.printf(Locale.ROOT, "Figures read (the report's queries alone): %.2f s%n", (System.nanoTime() - r) / 1e9);
        double pdfCold = timed("PDF (ru)", pdf, o -> reports.writePdf(Languages.RUSSIAN, o));
        double xlsxCold = timed("XLSX (ru)", xlsx, o -> reports.writeXlsx(Languages.RUSSIAN, o));
        timed("PDF (ru), again", pdf, o -> reports.writePdf(Languages.RUSSIAN, o));
        timed("XLSX (ru), again", xlsx, o -> reports.writeXlsx(Languages.RUSSIAN, o));
        timed("PDF (en)", outDir.resolve("forum-results-en.pdf"), o -> reports.writePdf(Languages.ENGLISH, o));

        int pages;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            pages = document.getNumberOfPages();
        }
        int sheets;
        try (XSSFWorkbook workbook = new XSSFWorkbook(xlsx.toFile())) {
            sheets = workbook.getNumberOfSheets();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        out.printf(Locale.ROOT, "Files: %s (%d pages, %.0f KB), %s (%d sheets, %.0f KB)%n", pdf.toAbsolutePath(), pages,
                Files.size(pdf) / 1024.0, xlsx.toAbsolutePath(), sheets, Files.size(xlsx) / 1024.0);
        out.printf(Locale.ROOT, "Load average after the run: %s%n", loadAverage());
        out.printf(Locale.ROOT, "RESULT companies=%d meetings=%d pdf_s=%.2f xlsx_s=%.2f%n", count("company"),
                countWhere("meeting", "status = 'CONFIRMED'"), pdfCold, xlsxCold);
    }

    private interface Writing {
        void write(OutputStream out) throws IOException;
    }

    private double timed(String what, Path file, Writing writing) throws IOException {
        long t = System.nanoTime();
        try (OutputStream o = Files.newOutputStream(file)) {
            writing.write(o);
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        out.printf(Locale.ROOT, "%s: %.2f s, %.0f KB%n", what, seconds, Files.size(file) / 1024.0);
        return seconds;
    }

    // ---- data ------------------------------------------------------------------------------

    /** 2,000 approved companies, half from each country, one or two sectors, two delegates each; 85% checked in. */
    private void insertCompanies(long organizerId) {
        Instant submitted = Instant.now().minus(Duration.ofDays(30));
        List<Object[]> companies = new ArrayList<>();
        List<Object[]> sectors = new ArrayList<>();
        List<Object[]> delegates = new ArrayList<>();
        Sector[] all = Sector.values();
        for (int i = 0; i < COMPANIES; i++) {
            long id = i + 1;
            boolean belarus = i % 2 == 1;
            String name = COMPANY_WORDS[i % COMPANY_WORDS.length] + "-" + (i / COMPANY_WORDS.length + 1);
            String site = "company-" + id + (belarus ? ".by" : ".ru");
            String taxNumber = belarus ? String.format(Locale.ROOT, "3%08d", i)
                    : TaxNumbers.innFromNineDigits(String.format(Locale.ROOT, "6%08d", i));
            String[] cities = belarus ? BELARUSIAN_CITIES : RUSSIAN_CITIES;
            String city = cities[random.nextInt(cities.length)];
            companies.add(new Object[] {id, (belarus ? "ОАО «" : "ООО «") + name + "»", name, city,
                    belarus ? "BY" : "RU", "Производство и поставки.", "Поставки.", "Партнёров.", "https://" + site,
                    taxNumber, "Директор " + id, "info@" + site, "+7 495 000-00-00", Timestamp.from(submitted),
                    Timestamp.from(submitted), Timestamp.from(submitted.plus(Duration.ofDays(1)))});
            Sector first = all[random.nextInt(all.length)];
            sectors.add(new Object[] {id, first.name()});
            if (random.nextInt(3) == 0) {
                Sector second = all[random.nextInt(all.length)];
                if (second != first) {
                    sectors.add(new Object[] {id, second.name()});
                }
            }
            for (int d = 0; d < 2; d++) {
                delegates.add(new Object[] {id, d, "Представитель " + (d + 1) + " " + name, "Директор",
                        "delegate" + (d + 1) + "@" + site, "+7 495 000-00-0" + d});
            }
        }
        jdbc.batchUpdate("""
                insert into company (id, version, full_name, short_name, city, country, description, offers, seeks,
                    website, tax_number, contact_person, email, phone, status, consent_given_at, submitted_at,
                    decided_at)
                values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPROVED', ?, ?, ?)""", companies);
        jdbc.batchUpdate("insert into company_sector (company_id, sector) values (?, ?)", sectors);
        jdbc.batchUpdate("insert into delegate (company_id, sort_order, full_name, position, email, phone)"
                + " values (?, ?, ?, ?, ?, ?)", delegates);
        Timestamp at = Timestamp.from(Instant.now());
        List<Object[]> checkIns = new ArrayList<>();
        jdbc.query("select id from delegate order by id", rs -> {
            if (random.nextInt(100) < 85) {
                checkIns.add(new Object[] {rs.getLong(1), at, organizerId});
            }
        });
        jdbc.batchUpdate("insert into delegate_check_in (delegate_id, checked_in_at, checked_in_by, checked_in_by_name)"
                + " values (?, ?, ?, 'Bench')", checkIns);
    }

    /** Two days, four halls of 105 tables, 10:00-18:00 in 20-minute slots; five round tables with sign-ups. */
    private List<List<Slot>> program() {
        ProgramService program = context.getBean(ProgramService.class);
        ProgramItems programItems = context.getBean(ProgramItems.class);
        LocalDate first = LocalDate.now().minusDays(10);
        List<Long> halls = new ArrayList<>();
        for (int h = 0; h < HALLS; h++) {
            halls.add(program.addHall("Зал переговоров " + (char) ('А' + h), null, TABLES));
        }
        Map<Instant, List<Slot>> byTime = new TreeMap<>();
        List<Long> days = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            long dayId = program.addDay(first.plusDays(d));
            days.add(dayId);
            for (long hall : halls) {
                long session = program.addSession(dayId, hall, "B2B-переговоры, день " + (d + 1), null, LocalTime.of(10, 0),
                        LocalTime.of(18, 0), 20, 0);
                for (Slot slot : program.slots(session)) {
                    byTime.computeIfAbsent(slot.startsAt(), k -> new ArrayList<>()).add(slot);
                }
            }
        }
        List<Object[]> attendees = new ArrayList<>();
        List<Long> delegates = jdbc.queryForList("select id from delegate order by id", Long.class);
        for (int i = 0; i < ROUND_TABLES.length; i++) {
            long item = programItems.add(days.get(i % 2), ProgramItemKind.ROUND_TABLE,
                    "Круглый стол «" + ROUND_TABLES[i] + "»", null, "Зал «Немига»", null, LocalTime.of(8, 0).plusHours(i % 2),
                    LocalTime.of(8, 50).plusHours(i % 2));
            int share = 5 + random.nextInt(10);
            for (long delegate : delegates) {
                if (random.nextInt(100) < share) {
                    attendees.add(new Object[] {item, delegate});
                }
            }
        }
        jdbc.batchUpdate("insert into program_item_attendee (program_item_id, delegate_id) values (?, ?)", attendees);
        return new ArrayList<>(byTime.values());
    }

    /**
     * 20,000 confirmed meetings at the tables (at every slot time distinct companies), 88% marked
     * held and 6% no-shows; each company of a held meeting records an outcome four times in five;
     * 3,000 more requests were declined, cancelled or left unanswered.
     */
    private void insertMeetings(List<List<Slot>> slotTimes, long organizerId) {
        Map<Long, List<Long>> tablesByHall = new HashMap<>();
        jdbc.query("select id, hall_id from meeting_table order by hall_id, number", rs -> {
            tablesByHall.computeIfAbsent(rs.getLong("hall_id"), k -> new ArrayList<>()).add(rs.getLong("id"));
        });
        List<Long> companies = jdbc.queryForList("select id from company order by id", Long.class);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> meetings = new ArrayList<>();
        List<Object[]> outcomes = new ArrayList<>();
        String[] kinds = {"NO_INTEREST", "FOLLOW_UP", "AGREEMENT_IN_PREPARATION", "AGREEMENT_SIGNED"};
        int[] weights = {55, 40, 4, 1};
        long meetingId = 1;
        outer:
        for (List<Slot> halls : slotTimes) {
            Collections.shuffle(companies, random);
            int next = 0;
            for (Slot slot : halls) {
                for (long table : tablesByHall.get(slot.hallId())) {
                    if (meetingId > MEETINGS) {
                        break outer;
                    }
                    long a = companies.get(next++);
                    long b = companies.get(next++);
                    int mark = random.nextInt(100);
                    String attendance = mark < 88 ? "HELD" : mark < 94 ? "NO_SHOW" : null;
                    meetings.add(new Object[] {meetingId, a, b, slot.id(), "CONFIRMED", table, attendance, now, now});
                    if ("HELD".equals(attendance)) {
                        for (long company : new long[] {a, b}) {
                            if (random.nextInt(5) < 4) {
                                outcomes.add(new Object[] {meetingId, company, pick(kinds, weights), now, organizerId});
                            }
                        }
                    }
                    meetingId++;
                }
            }
        }
        String[] others = {"DECLINED", "CANCELLED", "REQUESTED"};
        for (int i = 0; i < OTHER_REQUESTS; i++) {
            List<Slot> halls = slotTimes.get(random.nextInt(slotTimes.size()));
            long a = companies.get(random.nextInt(companies.size()));
            long b = companies.get(random.nextInt(companies.size()));
            if (a == b) {
                continue;
            }
            meetings.add(new Object[] {meetingId++, a, b, halls.getFirst().id(), others[i % 3], null, null, now, now});
        }
        jdbc.batchUpdate("""
                insert ignore into meeting (id, requester_company_id, partner_company_id, slot_id, status, table_id,
                    attendance, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", meetings);
        jdbc.batchUpdate("""
                insert into meeting_outcome (meeting_id, company_id, outcome, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?)""", outcomes);
    }

    /**
     * The fair: 4 zones of 50 stands, 160 of them taken by Belarusian companies; a third of their
     * confirmed meetings moved to their stand; each exhibitor scanned 0 to 40 visitors (about 3,200 leads).
     */
    private void insertFair() {
        List<Object[]> stands = new ArrayList<>();
        for (int zone = 1; zone <= 4; zone++) {
            jdbc.update("insert into fair_zone (id, name_ru, name_en, sort_order) values (?, ?, ?, ?)", zone,
                    "Павильон " + (char) ('A' + zone - 1), "Hall " + (char) ('A' + zone - 1), zone);
            for (int n = 1; n <= 50; n++) {
                stands.add(new Object[] {(zone - 1) * 50 + n, zone, (char) ('A' + zone - 1) + "-" + n, (n - 1) / 10 + 1,
                        (n - 1) % 10 + 1});
            }
        }
        jdbc.batchUpdate("insert into fair_stand (id, zone_id, number, grid_row, grid_column) values (?, ?, ?, ?, ?)",
                stands);
        List<Long> exhibitors = jdbc.queryForList("select id from company where country = 'BY' order by id limit 160",
                Long.class);
        long organizer = jdbc.queryForObject("select id from app_user where email = ?", Long.class, ORGANIZER_EMAIL);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> assignments = new ArrayList<>();
        for (int i = 0; i < exhibitors.size(); i++) {
            assignments.add(new Object[] {i + 1, exhibitors.get(i), now, organizer});
        }
        jdbc.batchUpdate("insert into fair_stand_assignment (stand_id, company_id, assigned_at, assigned_by)"
                + " values (?, ?, ?, ?)", assignments);
        jdbc.update("""
                update meeting m join fair_stand_assignment a on a.company_id = m.partner_company_id
                set m.stand_id = a.stand_id, m.table_id = null
                where m.status = 'CONFIRMED' and m.id % 3 = 0""");
        List<Long> delegates = jdbc.queryForList("select id from delegate order by id", Long.class);
        List<Object[]> leads = new ArrayList<>();
        for (long exhibitor : exhibitors) {
            java.util.Set<Long> scanned = new java.util.HashSet<>();
            int count = random.nextInt(41);
            while (scanned.size() < count) {
                scanned.add(delegates.get(random.nextInt(delegates.size())));
            }
            for (long visitor : scanned) {
                leads.add(new Object[] {exhibitor, visitor, now, "Bench", now});
            }
        }
        jdbc.batchUpdate("""
                insert ignore into fair_lead (exhibitor_company_id, visitor_delegate_id, scanned_at, scanned_by_name,
                    updated_at)
                values (?, ?, ?, ?, ?)""", leads);
    }

    private String pick(String[] kinds, int[] weights) {
        int r = random.nextInt(100);
        for (int i = 0; i < kinds.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return kinds[i];
            }
        }
        return kinds[kinds.length - 1];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private long count(String table) {
        return countWhere(table, "true");
    }

    private long countWhere(String table, String condition) {
        Long n = jdbc.queryForObject("select count(*) from " + table + " where " + condition, Long.class);
        return n == null ? 0 : n;
    }
}
