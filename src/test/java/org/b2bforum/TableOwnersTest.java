package org.b2bforum;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One owner per table (README, "Modules"): every table the migrations create has one module that writes it, and
 * no other module's code writes it, neither with SQL nor through a JPA entity mapped to it. Another module's rows
 * change through their owner's API or an event the owner listens to. Read from the sources: the SQL in their
 * string literals and text blocks (comments left out), and the entities' {@code @Table}, {@code @CollectionTable}
 * or class names. A module reads in its SQL the tables of its own and of the modules it may use
 * ({@code allowedDependencies} in their {@code package-info.java}); any other read is one of {@link #READS_ACROSS},
 * each with its reason, so a new one fails until it goes through the owner's read model or is listed with why.
 */
class TableOwnersTest {

    /** Each table and the module (top-level package under org.b2bforum) that owns it. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            entry("announcement", "announcement"), entry("announcement_dismissal", "announcement"),
            entry("announcement_recipient", "announcement"),
            entry("app_user", "base"), entry("cluster_lease", "base"), entry("demo_load", "base"),
            entry("event_publication", "base"),
            entry("form_submission", "base"), entry("live_change", "base"), entry("login_attempt", "base"),
            entry("password_reset", "base"), entry("email_confirmation", "base"), entry("throttle_lock", "base"),
            entry("calendar_feed", "calendar"),
            entry("company", "company"), entry("company_logo", "company"), entry("company_search", "company"),
            entry("company_sector", "company"), entry("delegate", "company"), entry("shortlist_entry", "company"),
            entry("delegate_invitation", "delegate"),
            entry("fair_lead", "fair"), entry("fair_stand", "fair"), entry("fair_stand_assignment", "fair"),
            entry("fair_zone", "fair"), entry("product", "fair"), entry("product_photo", "fair"),
            entry("product_search", "fair"),
            entry("company_slot_booking", "meeting"), entry("delegate_slot_booking", "meeting"),
            entry("meeting", "meeting"), entry("meeting_delegate", "meeting"), entry("meeting_event", "meeting"),
            entry("meeting_reminder_sent", "meeting"), entry("meeting_starting_soon", "meeting"),
            entry("morning_digest_sent", "meeting"), entry("stand_slot_booking", "meeting"),
            entry("table_slot_booking", "meeting"),
            entry("company_contact_block", "messaging"), entry("conversation", "messaging"),
            entry("message", "messaging"),
            entry("notification", "notification"),
            entry("booking_settings", "program"), entry("forum_day", "program"), entry("hall", "program"),
            entry("meeting_table", "program"), entry("negotiation_session", "program"),
            entry("program_item", "program"), entry("program_item_attendee", "program"), entry("slot", "program"),
            entry("identity_change_proposal", "registration"), entry("registration_event", "registration"),
            entry("meeting_wish", "schedule"), entry("schedule_run", "schedule"),
            entry("schedule_run_meeting", "schedule"),
            entry("delegate_check_in", "venue"), entry("meeting_outcome", "venue"));

    /**
     * The SQL reads of other modules' tables that the reader may not use by its dependencies (README, "Modules"):
     * per source (relative to org/b2bforum), the tables and why the read stays one statement there rather than
     * going through the owner's read model. Where the owner depends on the reader, asking it would be a cycle.
     */
    private static final Map<String, ReadAcross> READS_ACROSS = Map.ofEntries(
            entry("base/security/AccountService.java", new ReadAcross(Set.of("company", "delegate", "booking_settings"),
                    "each HTTP request's session check reads the company's registration status in its one "
                            + "statement, for the request's approval checks (CompanyStatusOfThisRequest): a statement "
                            + "of its own in each navigation and search at the booking rush (bench/run-ui-load); with "
                            + "it the forum's wishes phase, for the directory's opening (WishesPhaseOfThisRequest); the "
                            + "organizers' accounts list names and searches each log-in's company (a delegate's through "
                            + "its delegate) in its one paged statement; base depends on no feature")),
            entry("company/DirectoryService.java", new ReadAcross(
                    Set.of("booking_settings", "slot", "company_slot_booking"),
                    "the directory's 'with free slots' filter is a condition of its one search statement, per "
                            + "company row (bench/run-directory, on the rush's path); program and meeting depend on "
                            + "company (a cycle)")),
            entry("meeting/SlotLedger.java", new ReadAcross(Set.of("company_contact_block"),
                    "a request's first look reads the partner's block in the statement that looks for a taken slot, "
                            + "on the rush's path: a look of its own cost a quarter of the throughput "
                            + "(bench/run-booking-contention)")),
            entry("venue/AttendanceService.java", new ReadAcross(Set.of("meeting", "meeting_delegate"),
                    "a slot's confirmed meetings by table for staff to mark, one statement with their places and "
                            + "delegates; meeting depends on venue (a cycle); marks go back by AttendanceMarked")),
            entry("venue/OutcomeService.java", new ReadAcross(Set.of("meeting"),
                    "the outcomes report and figures join venue's outcomes with their meetings in one statement, "
                            + "an outcome's meeting is locked with it; meeting depends on venue (a cycle)")),
            entry("fair/FairFiguresReadModel.java", new ReadAcross(Set.of("meeting"),
                    "fair's figures read model counts the meetings held at each stand in one statement; meeting "
                            + "depends on fair (a cycle)")),
            entry("calendar/CalendarService.java", new ReadAcross(Set.of("meeting", "meeting_delegate",
                    "meeting_event"), "a calendar feed, polled by calendar apps, is one statement over the meetings "
                            + "with their slots, places and changes (and the program's items)")),
            entry("badge/BadgeReader.java", new ReadAcross(Set.of("meeting", "meeting_delegate", "forum_day", "hall",
                    "slot", "meeting_table", "program_item", "program_item_attendee"),
                    "a personal schedule for a night's batch of badges (2,000 in bench/run-badges) in bulk "
                            + "statements over meetings and program items, not a call per delegate")),
            entry("reporting/ResultsReadModel.java", new ReadAcross(Set.of("forum_day", "slot",
                    "program_item", "program_item_attendee"),
                    "the results report is by design one read model across the features' tables, aggregated in "
                            + "SQL (meeting's through its dependency on the meeting feature, whose rule of an "
                            + "unanswered request it counts by)")));

    /** Tables a source reads outside its module's dependencies, and why. */
    private record ReadAcross(Set<String> tables, String reason) {
    }

    private static final Path SOURCES = Path.of("src", "main", "java", "org", "b2bforum");
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    private static final Pattern CREATE = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?`?(\\w+)");
    /** The table is read ahead, not taken: in "... for update" followed by "update meeting ...", both count. */
    private static final Pattern WRITE = Pattern.compile("\\b(?:insert\\s+(?:ignore\\s+)?into|replace\\s+into"
            + "|update|delete\\s+from|delete\\s+\\w+\\s+from|truncate\\s+table)(?=\\s+`?(\\w+))");
    private static final Pattern READ = Pattern.compile("\\b(?:from|join)\\s+`?(\\w+)");
    private static final Pattern ALLOWED = Pattern.compile("allowedDependencies\\s*=\\s*\\{([^}]*)}");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|(?m)^\\s*//[^\\n]*", Pattern.DOTALL);
    private static final Pattern MAPPED_TABLE = Pattern.compile("@(?:Table|CollectionTable)\\(\\s*name\\s*=\\s*\"(\\w+)\"");

    @Test
    void every_table_of_the_migrations_has_an_owner() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher create = CREATE.matcher(Files.readString(file).toLowerCase(Locale.ROOT));
                while (create.find()) {
                    tables.add(create.group(1));
                }
            }
        }
        assertThat(tables).as("tables the migrations create").hasSizeGreaterThan(40);
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void each_table_is_written_only_by_its_owner() throws IOException {
        Map<String, Set<String>> writers = writers();
        // the scan sees a writer of every table but the two whose name the reminders pass in (MeetingReminders)
        Set<String> seen = new TreeSet<>(OWNERS.keySet());
        seen.removeAll(Set.of("meeting_reminder_sent", "morning_digest_sent"));
        assertThat(writers.keySet()).as("tables written by the sources").containsExactlyInAnyOrderElementsOf(seen);
        Map<String, Set<String>> strangers = new TreeMap<>();
        writers.forEach((table, places) -> {
            String owner = OWNERS.get(table);
            Set<String> others = places.stream().filter(place -> !place.startsWith(owner + "/"))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!others.isEmpty()) {
                strangers.put(table + " (owner " + owner + ")", others);
            }
        });
        assertThat(strangers).as("tables written outside their owner").isEmpty();
    }

    @Test
    void reads_of_other_modules_tables_go_through_allowed_dependencies_or_are_listed_with_their_reason()
            throws IOException {
        Map<String, Set<String>> allowed = allowedDependencies();
        assertThat(allowed).as("modules with their allowed dependencies").containsKeys("company", "meeting", "venue");
        Map<String, Set<String>> across = new TreeMap<>();
        Set<String> modulesSeen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String place = SOURCES.relativize(file).toString().replace('\\', '/');
                if (!place.contains("/")) {
                    continue; // the application's class
                }
                String module = place.substring(0, place.indexOf('/'));
                Set<String> mayUse = allowed.get(module);
                Set<String> tables = new TreeSet<>();
                for (String table : tables(READ, COMMENT.matcher(Files.readString(file)).replaceAll(""))) {
                    String owner = OWNERS.get(table);
                    modulesSeen.add(owner);
                    if (!owner.equals(module) && (mayUse == null || !mayUse.contains(owner))) {
                        tables.add(table);
                    }
                }
                if (!tables.isEmpty()) {
                    across.put(place, tables);
                }
            }
        }
        // the scan sees reads of every module's tables, so a blind scan cannot pass (registration reads its one
        // table, the audit trail, only through JPA)
        Set<String> modules = new TreeSet<>(OWNERS.values());
        modules.remove("registration");
        assertThat(modulesSeen).as("modules whose tables are read").containsAll(modules);
        Map<String, Set<String>> listed = new TreeMap<>();
        READS_ACROSS.forEach((place, read) -> {
            assertThat(read.reason()).as("the reason of " + place).isNotBlank();
            listed.put(place, new TreeSet<>(read.tables()));
        });
        assertThat(across).as("reads of tables outside the module's allowed dependencies").isEqualTo(listed);
    }

    /** Per module (a package-info.java under org/b2bforum/*), the modules its allowedDependencies name. */
    private static Map<String, Set<String>> allowedDependencies() throws IOException {
        Map<String, Set<String>> allowed = new TreeMap<>();
        try (Stream<Path> modules = Files.list(SOURCES)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path info = module.resolve("package-info.java");
                Matcher list = ALLOWED.matcher(Files.exists(info) ? Files.readString(info) : "");
                if (list.find()) {
                    allowed.put(module.getFileName().toString(), Stream.of(list.group(1).split(","))
                            .map(name -> name.replace("\"", "").split("::")[0].strip()).filter(name -> !name.isEmpty())
                            .collect(Collectors.toCollection(TreeSet::new)));
                }
            }
        }
        return allowed;
    }

    /** Per table, the sources (relative to org/b2bforum) that write it. */
    private static Map<String, Set<String>> writers() throws IOException {
        Map<String, Set<String>> writers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String place = SOURCES.relativize(file).toString().replace('\\', '/');
                String code = COMMENT.matcher(Files.readString(file)).replaceAll("");
                for (String table : writtenTables(code)) {
                    writers.computeIfAbsent(table, t -> new TreeSet<>()).add(place);
                }
            }
        }
        return writers;
    }

    private static Set<String> writtenTables(String code) {
        Set<String> tables = tables(WRITE, code);
        if (code.contains("@Entity")) {
            Matcher mapped = MAPPED_TABLE.matcher(code);
            boolean named = false;
            while (mapped.find()) {
                tables.add(mapped.group(1).toLowerCase(Locale.ROOT));
                named |= mapped.group(0).startsWith("@Table");
            }
            if (!named) {
                tables.add(entityTable(code));
            }
        }
        return tables;
    }

    /** The known tables that {@code statement}'s first group names in the SQL of {@code code}'s strings. */
    private static Set<String> tables(Pattern statement, String code) {
        Set<String> tables = new TreeSet<>();
        StringBuilder sql = new StringBuilder();
        Matcher block = TEXT_BLOCK.matcher(code);
        while (block.find()) {
            sql.append(block.group(1)).append('\n');
        }
        Matcher string = STRING.matcher(TEXT_BLOCK.matcher(code).replaceAll(""));
        while (string.find()) {
            sql.append(string.group(1)).append('\n');
        }
        Matcher found = statement.matcher(sql.toString().toLowerCase(Locale.ROOT));
        while (found.find()) {
            if (OWNERS.containsKey(found.group(1))) {
                tables.add(found.group(1));
            }
        }
        return tables;
    }

    /** An entity without {@code @Table}: Hibernate's default name, the class name in snake case. */
    private static String entityTable(String code) {
        Matcher type = Pattern.compile("\\bclass\\s+(\\w+)").matcher(code);
        assertThat(type.find()).as("an entity class").isTrue();
        return List.of(type.group(1).split("(?<=[a-z0-9])(?=[A-Z])")).stream()
                .map(part -> part.toLowerCase(Locale.ROOT)).collect(Collectors.joining("_"));
    }
}
