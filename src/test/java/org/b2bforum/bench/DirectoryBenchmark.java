package org.b2bforum.bench;

import static org.b2bforum.bench.BenchApplication.millisSince;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.b2bforum.Application;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.Country;
import org.b2bforum.company.DirectoryEntry;
import org.b2bforum.company.DirectoryQuery;
import org.b2bforum.company.DirectoryService;
import org.b2bforum.company.DirectorySort;
import org.b2bforum.company.RecommendationService;
import org.b2bforum.company.Sector;
import org.b2bforum.company.Suggestion;
import org.b2bforum.company.TaxNumbers;
import org.b2bforum.company.TextAnalysis;
import org.b2bforum.company.domain.CompanyRepository;
import org.b2bforum.company.domain.CompanySearchIndex;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * The company directory and the partner recommendations under load: 10,000 approved companies
 * (30,000 delegates) recombined from the demo profiles, a mix of searches and filters through
 * {@link DirectoryService} as the directory view calls it (search + count, pages of 50), and the
 * recommendations of 100 companies. Run with {@code bench/run-directory}; the last line of
 * standard output is the {@code RESULT} line, everything else (logs) goes to standard error.
 */
public final class DirectoryBenchmark {

    static final int COMPANIES = 10_000;
    static final int DELEGATES_PER_COMPANY = 3;
    static final int ACCOUNTS = 100;
    static final int WARM_UP_QUERIES = 100;
    static final int TIMED_QUERIES = 1_200;
    static final int RECOMMEND_WARM_UP = 20;
    static final int SUGGESTIONS_SHOWN = 20; // as SuggestionsView
    static final int PAGE_SIZE = 50; // as DirectoryView
    static final String ACCOUNT_PASSWORD = "Directory-Load-2026";
    static final long SEED = 20260501L;

    /** Where the companies are, with a weight: mostly Moscow and Minsk, as at the forum. */
    private record City(String name, Country country, int weight) {
    }

    private static final List<City> CITIES = List.of(new City("Москва", Country.RU, 30),
            new City("Минск", Country.BY, 30), new City("Казань", Country.RU, 7), new City("Сочи", Country.RU, 5),
            new City("Санкт-Петербург", Country.RU, 7), new City("Екатеринбург", Country.RU, 3),
            new City("Нижний Новгород", Country.RU, 3), new City("Гомель", Country.BY, 4),
            new City("Брест", Country.BY, 4), new City("Гродно", Country.BY, 3), new City("Витебск", Country.BY, 2),
            new City("Могилёв", Country.BY, 2));
    private static final String[] NAME_SUFFIXES = {"", "Плюс", "Групп", "Трейд", "Сервис", "Юг", "Север", "Запад",
            "Восток", "Центр", "Инвест", "Регион", "Проект", "Альянс", "Техно", "Про", "Логистик", "Снаб", "Холдинг",
            "Партнёр"};

    private final PrintStream out;
    private final JdbcTemplate jdbc;
    private final DirectoryService directory;
    private final RecommendationService recommendations;
    private final AccountService accounts;
    private final ConfigurableApplicationContext context;
    private final Random random = new Random(SEED);
    private final List<Generated> generated = new ArrayList<>();

    private DirectoryBenchmark(PrintStream out, ConfigurableApplicationContext context) {
        this.out = out;
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.directory = context.getBean(DirectoryService.class);
        this.recommendations = context.getBean(RecommendationService.class);
        this.accounts = context.getBean(AccountService.class);
    }

    public static void main(String[] args) {
        BenchApplication.run(DirectoryBenchmark::start, (out, context) -> new DirectoryBenchmark(out, context).run());
    }

    /**
     * The application as the service tests see it ({@code @SpringBootTest}'s mock servlet
     * environment): a web application context on a mock servlet context, no server, no Vaadin
     * dev-mode start-up. {@code spring.main.web-application-type=none} does not work: Vaadin's
     * auto-configuration needs a {@code WebApplicationContext}.
     */
    private static ConfigurableApplicationContext start() {
        MockServletContext servletContext = new MockServletContext();
        SpringApplication application = new SpringApplication(Application.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setApplicationContextFactory(ApplicationContextFactory.of(() -> {
            GenericWebApplicationContext context = new GenericWebApplicationContext(servletContext);
            servletContext.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
            return context;
        }));
        // Command-line properties outrank src/test/resources/config/application.properties on the class path.
        return application.run(
                "--b2bforum.embedded-db.data-dir=target/bench-mariadb",
                "--b2bforum.embedded-db.fresh=true",
                "--b2bforum.demo.mode=false",
                "--b2bforum.organizer.email=bench@forum.local",
                "--b2bforum.organizer.password=Directory-Chief-2026",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn");
    }

    private void run() {
        out.printf(Locale.ROOT, "Machine: %d processors, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        long started = System.nanoTime();
        generate();
        long generatedIn = millisSince(started);
        started = System.nanoTime();
        insert();
        long insertedIn = millisSince(started);
        started = System.nanoTime();
        checkSearchIndexMatchesApplication();
        List<ForumUser> viewers = createAccounts();
        long accountsIn = millisSince(started);
        out.printf(Locale.ROOT, "Data: %d companies, %d delegates, %d company accounts%n",
                count("company"), count("delegate"), ACCOUNTS);
        out.printf(Locale.ROOT, "Load: generate %d ms, insert incl. search index %d ms, accounts (bcrypt) %d ms%n",
                generatedIn, insertedIn, accountsIn);

        List<PlannedQuery> warmUp = planQueries(WARM_UP_QUERIES);
        List<PlannedQuery> timed = planQueries(TIMED_QUERIES);
        for (PlannedQuery query : warmUp) {
            runQuery(query, viewers);
        }
        Map<String, Samples> pageByKind = new TreeMap<>();
        Samples pages = new Samples();
        Samples searches = new Samples();
        Samples counts = new Samples();
        long totalResults = 0;
        int empty = 0;
        List<Slow> slowest = new ArrayList<>();
        for (PlannedQuery query : timed) {
            Timing timing = runQuery(query, viewers);
            slowest.add(new Slow(query, timing));
            pages.add(timing.searchNanos + timing.countNanos);
            searches.add(timing.searchNanos);
            counts.add(timing.countNanos);
            pageByKind.computeIfAbsent(query.kind, k -> new Samples()).add(timing.searchNanos + timing.countNanos);
            totalResults += timing.count;
            empty += timing.count == 0 ? 1 : 0;
        }

        List<ForumUser> recommendFor = new ArrayList<>(viewers);
        for (int i = 0; i < RECOMMEND_WARM_UP; i++) {
            suggestions(recommendFor.get(i));
        }
        Samples recommend = new Samples();
        long suggested = 0;
        for (ForumUser viewer : recommendFor) {
            long t = System.nanoTime();
            List<Suggestion> list = suggestions(viewer);
            recommend.add(System.nanoTime() - t);
            suggested += list.size();
        }

        out.println();
        out.printf(Locale.ROOT, "Directory: %d timed pages of %d after %d warm-up (page = search + count)%n",
                TIMED_QUERIES, PAGE_SIZE, WARM_UP_QUERIES);
        out.printf(Locale.ROOT, "  %-26s %6s %9s %9s %9s%n", "kind", "n", "p50 ms", "p95 ms", "max ms");
        pageByKind.forEach((kind, samples) -> out.println(samples.line(kind)));
        out.println(pages.line("all pages (search+count)"));
        out.println(searches.line("  search only"));
        out.println(counts.line("  count only"));
        out.printf(Locale.ROOT, "  average matches per query %.0f, queries with no match %d of %d%n",
                (double) totalResults / TIMED_QUERIES, empty, TIMED_QUERIES);
        out.println("  slowest pages (search + count ms, matches, query):");
        slowest.stream()
                .sorted(Comparator.comparingLong((Slow slow) -> slow.timing().searchNanos() + slow.timing().countNanos())
                        .reversed())
                .limit(8)
                .forEach(slow -> out.printf(Locale.ROOT, "    %6s + %6s  %5d  %s%n", ms(slow.timing().searchNanos()),
                        ms(slow.timing().countNanos()), slow.timing().count(), describe(slow.query())));
        out.printf(Locale.ROOT, "Recommendations: %d companies, %d suggestions each at most, after %d warm-up%n",
                recommendFor.size(), SUGGESTIONS_SHOWN, RECOMMEND_WARM_UP);
        out.println(recommend.line("mySuggestions"));
        out.printf(Locale.ROOT, "  average suggestions %.1f%n", (double) suggested / recommendFor.size());
        out.printf(Locale.ROOT, "RESULT companies=%d queries=%d p50_ms=%s p95_ms=%s recommend_p95_ms=%s%n",
                count("company"), TIMED_QUERIES, ms(pages.percentile(50)), ms(pages.percentile(95)),
                ms(recommend.percentile(95)));
    }

    // ---- data ------------------------------------------------------------------------------

    private record Profile(String fullName, String shortName, String city, Country country, List<Sector> sectors,
            List<String> description, List<String> offers, List<String> seeks, String website, String phone,
            List<String[]> delegates) {

        Sector primary() {
            return sectors.getFirst();
        }
    }

    private record Generated(long id, String fullName, String shortName, String city, Country country,
            Set<Sector> sectors, String description, String offers, String seeks, String website, String taxNumber,
            String email, String phone, List<String[]> delegates, Instant submittedAt) {
    }

    /** 10,000 companies made of the demo profiles' sentences, shuffled among companies of the same main sector. */
    private void generate() {
        List<Profile> profiles = profiles();
        Map<Sector, List<Profile>> bySector = new LinkedHashMap<>();
        for (Profile p : profiles) {
            bySector.computeIfAbsent(p.primary(), s -> new ArrayList<>()).add(p);
        }
        List<String[]> people = profiles.stream().flatMap(p -> p.delegates().stream()).toList();
        Instant now = Instant.parse("2026-05-01T09:00:00Z");
        for (int i = 0; i < COMPANIES; i++) {
            Profile base = profiles.get(i % profiles.size());
            List<Profile> similar = bySector.get(base.primary());
            City city = pickCity();
            Country country = city.country();
            String suffix = i < profiles.size() ? "" : NAME_SUFFIXES[random.nextInt(NAME_SUFFIXES.length)];
            String shortName = suffix.isEmpty() ? base.shortName() : base.shortName() + " " + suffix;
            if (i >= profiles.size() && random.nextInt(4) == 0) {
                shortName = shortName + " " + (2 + random.nextInt(40));
            }
            int quote = base.fullName().indexOf('«');
            String legalForm = quote > 0 ? base.fullName().substring(0, quote).trim() : "ООО";
            String fullName = legalForm + " «" + shortName + "»";

            List<String> description = new ArrayList<>();
            description.add(base.description().getFirst());
            addSentences(description, similar, Profile::description, 1 + random.nextInt(2));
            List<String> offers = new ArrayList<>();
            addSentences(offers, similar, Profile::offers, 1 + random.nextInt(2));
            List<String> seeks = new ArrayList<>();
            addSentences(seeks, similar, Profile::seeks, 1 + random.nextInt(2));

            String domain = base.website().replaceFirst("^https?://", "").replaceFirst("/.*$", "");
            int dot = domain.lastIndexOf('.');
            String site = domain.substring(0, dot) + "-" + i + (country == Country.BY ? ".by" : ".ru");
            String taxNumber = country == Country.BY
                    ? String.format(Locale.ROOT, "2%08d", i)
                    : TaxNumbers.innFromNineDigits(String.format(Locale.ROOT, "5%08d", i));
            List<String[]> delegates = new ArrayList<>();
            for (int d = 0; d < DELEGATES_PER_COMPANY; d++) {
                String[] person = people.get(random.nextInt(people.size()));
                delegates.add(new String[] {person[0], person[1], "delegate" + (d + 1) + "@" + site, base.phone()});
            }
            generated.add(new Generated(i + 1, fullName, shortName, city.name(), country, EnumSet.copyOf(base.sectors()),
                    String.join(" ", description), String.join(" ", offers), String.join(" ", seeks),
                    "https://" + site, taxNumber, "info@" + site, base.phone(), delegates,
                    now.minus(Duration.ofMinutes((COMPANIES - i) * 7L))));
        }
    }

    private City pickCity() {
        int r = random.nextInt(CITIES.stream().mapToInt(City::weight).sum());
        for (City city : CITIES) {
            r -= city.weight();
            if (r < 0) {
                return city;
            }
        }
        throw new IllegalStateException();
    }

    private void addSentences(List<String> target, List<Profile> pool,
            Function<Profile, List<String>> part, int n) {
        int goal = target.size() + n;
        for (int attempt = 0; target.size() < goal && attempt < 20; attempt++) {
            List<String> sentences = part.apply(pool.get(random.nextInt(pool.size())));
            String sentence = sentences.get(random.nextInt(sentences.size()));
            if (!target.contains(sentence)) {
                target.add(sentence);
            }
        }
    }

    private static List<Profile> profiles() {
        String text;
        try (InputStream in = new ClassPathResource("demo/companies.txt").getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Profile> profiles = new ArrayList<>();
        for (String chunk : text.split("\\R\\s*\\R")) {
            if (chunk.isBlank()) {
                continue;
            }
            Map<String, String> block = new LinkedHashMap<>();
            for (String line : chunk.strip().split("\\R")) {
                int colon = line.indexOf(':');
                block.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
            List<Sector> sectors = Arrays.stream(block.get("sectors").split(","))
                    .map(s -> Sector.valueOf(s.trim())).toList();
            List<String[]> delegates = Arrays.stream(block.get("delegates").split(";"))
                    .map(d -> d.split("\\|")).map(d -> new String[] {d[0].trim(), d[1].trim()}).toList();
            profiles.add(new Profile(block.get("fullName"), block.get("shortName"), block.get("city"),
                    Country.valueOf(block.get("country")), sectors, sentences(block.get("description")),
                    sentences(block.get("offers")), sentences(block.get("seeks")), block.get("website"),
                    block.get("phone"), delegates));
        }
        return profiles;
    }

    private static List<String> sentences(String text) {
        return List.of(text.split("(?<=[.!?])\\s+(?=[А-ЯЁA-Z«])"));
    }

    /**
     * Bulk insert with JDBC batches (registering 10,000 companies one by one with bcrypt would take
     * hours). The search index rows are made by the application's own stemming, exactly as
     * {@link CompanySearchIndex#index} makes them.
     */
    private void insert() {
        int batch = 500;
        for (int from = 0; from < generated.size(); from += batch) {
            List<Generated> chunk = generated.subList(from, Math.min(generated.size(), from + batch));
            jdbc.batchUpdate("""
                    insert into company (id, version, full_name, short_name, city, country, description, offers, seeks,
                        website, tax_number, contact_person, email, phone, status, consent_given_at, submitted_at,
                        decided_at)
                    values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPROVED', ?, ?, ?)""",
                    chunk, chunk.size(), (ps, c) -> {
                        ps.setLong(1, c.id());
                        ps.setString(2, c.fullName());
                        ps.setString(3, c.shortName());
                        ps.setString(4, c.city());
                        ps.setString(5, c.country().name());
                        ps.setString(6, c.description());
                        ps.setString(7, c.offers());
                        ps.setString(8, c.seeks());
                        ps.setString(9, c.website());
                        ps.setString(10, c.taxNumber());
                        ps.setString(11, c.delegates().getFirst()[0]);
                        ps.setString(12, c.email());
                        ps.setString(13, c.phone());
                        ps.setTimestamp(14, Timestamp.from(c.submittedAt()));
                        ps.setTimestamp(15, Timestamp.from(c.submittedAt()));
                        ps.setTimestamp(16, Timestamp.from(c.submittedAt().plus(Duration.ofHours(20))));
                    });
            List<Object[]> sectors = new ArrayList<>();
            List<Object[]> delegates = new ArrayList<>();
            List<Object[]> search = new ArrayList<>();
            for (Generated c : chunk) {
                c.sectors().forEach(s -> sectors.add(new Object[] {c.id(), s.name()}));
                for (int d = 0; d < c.delegates().size(); d++) {
                    String[] p = c.delegates().get(d);
                    delegates.add(new Object[] {c.id(), d, p[0], p[1], p[2], p[3]});
                }
                search.add(new Object[] {c.id(),
                        TextAnalysis.stemText(c.fullName(), c.shortName(), c.description(), c.offers(), c.seeks()),
                        TextAnalysis.stemText(c.offers()), TextAnalysis.stemText(c.seeks())});
            }
            jdbc.batchUpdate("insert into company_sector (company_id, sector) values (?, ?)", sectors);
            jdbc.batchUpdate("insert into delegate (company_id, sort_order, full_name, position, email, phone)"
                    + " values (?, ?, ?, ?, ?, ?)", delegates);
            jdbc.batchUpdate("insert into company_search (company_id, all_stems, offers_stems, seeks_stems)"
                    + " values (?, ?, ?, ?)", search);
        }
        // A server that has been running a while has its statistics; a bulk load has to ask for them.
        jdbc.execute("analyze table company, company_sector, company_search, delegate");
    }

    /** Re-indexes a few companies with {@link CompanySearchIndex#index} and checks nothing changes. */
    private void checkSearchIndexMatchesApplication() {
        CompanyRepository companies = context.getBean(CompanyRepository.class);
        CompanySearchIndex index = context.getBean(CompanySearchIndex.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        for (long id : new long[] {1, 121, 4_567, COMPANIES}) {
            String sql = "select concat_ws('|', all_stems, offers_stems, seeks_stems) from company_search where company_id = ?";
            String before = jdbc.queryForObject(sql, String.class, id);
            tx.executeWithoutResult(status -> index.index(companies.findById(id).orElseThrow()));
            String after = jdbc.queryForObject(sql, String.class, id);
            if (!before.equals(after)) {
                throw new IllegalStateException("Search index of company " + id + " differs from CompanySearchIndex");
            }
        }
    }

    /** Log-ins for 100 companies spread over the data, made by the application (bcrypt). */
    private List<ForumUser> createAccounts() {
        List<ForumUser> users = new ArrayList<>();
        int step = COMPANIES / ACCOUNTS;
        for (int i = 0; i < ACCOUNTS; i++) {
            Generated c = generated.get(i * step + random.nextInt(step));
            accounts.createCompanyAccount(c.email(), ACCOUNT_PASSWORD, c.delegates().getFirst()[0], c.id(), false);
            users.add(accounts.loadUserByUsername(c.email()));
        }
        return users;
    }

    private long count(String table) {
        Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return n == null ? 0 : n;
    }

    // ---- queries ---------------------------------------------------------------------------

    private record PlannedQuery(String kind, DirectoryQuery query, PageRequest page) {
    }

    private record Timing(long searchNanos, long countNanos, long count) {
    }

    private record Slow(PlannedQuery query, Timing timing) {
    }

    private static String describe(PlannedQuery planned) {
        DirectoryQuery q = planned.query();
        StringBuilder text = new StringBuilder();
        if (q.text() != null) {
            text.append('"').append(q.text()).append("\" ").append(TextAnalysis.searchQuery(q.text())).append(' ');
        }
        if (q.city() != null) {
            text.append("city=").append(q.city()).append(' ');
        }
        if (q.country() != null) {
            text.append("country=").append(q.country()).append(' ');
        }
        if (q.sector() != null) {
            text.append("sector=").append(q.sector()).append(' ');
        }
        return text.append(q.sort()).append(" offset ").append(planned.page().getOffset()).toString();
    }

    /**
     * The mix: 40% free text, 25% free text with a filter, 25% filters only, 10% the whole
     * directory; sorts and pages (offsets 0, 50 and 500) vary. Words are taken from one
     * generated company's text in the form they appear there, so multi-word searches can match.
     */
    private List<PlannedQuery> planQueries(int n) {
        List<PlannedQuery> queries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(100);
            String text = null;
            String city = null;
            Country country = null;
            Sector sector = null;
            String kind;
            if (r < 65) {
                text = searchWords(1 + (random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 7 ? 1 : 2));
                kind = "text " + text.split(" ").length + " word" + (text.contains(" ") ? "s" : "");
            } else {
                kind = r < 90 ? "filter only" : "everything";
            }
            if (r >= 40 && r < 90) {
                switch (random.nextInt(4)) {
                    case 0 -> city = CITIES.get(random.nextInt(4)).name(); // Moscow, Minsk, Kazan, Sochi
                    case 1 -> country = random.nextBoolean() ? Country.RU : Country.BY;
                    case 2 -> sector = Sector.values()[random.nextInt(Sector.values().length - 1)];
                    default -> {
                        country = random.nextBoolean() ? Country.RU : Country.BY;
                        sector = Sector.values()[random.nextInt(Sector.values().length - 1)];
                    }
                }
                if (text != null) {
                    kind = "text + filter";
                }
            }
            int s = random.nextInt(10);
            DirectorySort sort = s < 4 ? DirectorySort.OTHER_SIDE_FIRST
                    : s < 6 ? DirectorySort.RELEVANCE : s < 8 ? DirectorySort.NAME : DirectorySort.NEWEST;
            int p = random.nextInt(10);
            PageRequest page = PageRequest.of(p < 7 ? 0 : p < 9 ? 1 : 10, PAGE_SIZE);
            queries.add(new PlannedQuery(kind, new DirectoryQuery(text, city, country, sector, sort, false), page));
        }
        return queries;
    }

    private String searchWords(int n) {
        Generated c = generated.get(random.nextInt(generated.size()));
        String text = switch (random.nextInt(4)) {
            case 0 -> c.description();
            case 1 -> c.offers();
            case 2 -> c.seeks();
            default -> c.shortName() + " " + c.offers();
        };
        List<String> words = TextAnalysis.words(text).stream()
                .filter(w -> w.stem() != null && w.surface().length() >= 4
                        && !w.surface().chars().allMatch(Character::isDigit))
                .map(TextAnalysis.Word::surface).distinct().toList();
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(n, words.size())) {
            String word = words.get(random.nextInt(words.size()));
            chosen.add(random.nextInt(5) == 0 ? word.toLowerCase(Locale.ROOT) : word);
        }
        return String.join(" ", chosen);
    }

    private Timing runQuery(PlannedQuery planned, List<ForumUser> viewers) {
        actAs(viewers.get(random.nextInt(viewers.size())));
        long t0 = System.nanoTime();
        List<DirectoryEntry> page = directory.search(planned.query(), planned.page());
        long t1 = System.nanoTime();
        long count = directory.count(planned.query());
        long t2 = System.nanoTime();
        if (page.size() > PAGE_SIZE) {
            throw new IllegalStateException("Page larger than asked");
        }
        return new Timing(t1 - t0, t2 - t1, count);
    }

    private List<Suggestion> suggestions(ForumUser company) {
        actAs(company);
        return recommendations.mySuggestions(SUGGESTIONS_SHOWN);
    }

    private static void actAs(ForumUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    // ---- figures ---------------------------------------------------------------------------

    private static final class Samples {
        private final List<Long> nanos = new ArrayList<>();

        void add(long value) {
            nanos.add(value);
        }

        /** Nearest-rank percentile in nanoseconds. */
        long percentile(double p) {
            List<Long> sorted = nanos.stream().sorted().toList();
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }

        String line(String label) {
            return String.format(Locale.ROOT, "  %-26s %6d %9s %9s %9s", label, nanos.size(), ms(percentile(50)),
                    ms(percentile(95)), ms(percentile(100)));
        }
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
    }

}
