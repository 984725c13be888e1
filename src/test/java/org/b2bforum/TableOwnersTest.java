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
 * or class names. Reads across modules are not checked here (README: a module reads others' tables where a
 * query needs them).
 */
class TableOwnersTest {

    /** Each table and the module (top-level package under org.b2bforum) that owns it. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            entry("announcement", "announcement"), entry("announcement_recipient", "announcement"),
            entry("app_user", "base"), entry("cluster_lease", "base"), entry("event_publication", "base"),
            entry("form_submission", "base"), entry("live_change", "base"), entry("login_attempt", "base"),
            entry("password_reset", "base"), entry("throttle_lock", "base"),
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
            entry("registration_event", "registration"),
            entry("meeting_wish", "schedule"), entry("schedule_run", "schedule"),
            entry("schedule_run_meeting", "schedule"),
            entry("delegate_check_in", "venue"), entry("meeting_outcome", "venue"));

    private static final Path SOURCES = Path.of("src", "main", "java", "org", "b2bforum");
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    private static final Pattern CREATE = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?`?(\\w+)");
    /** The table is read ahead, not taken: in "... for update" followed by "update meeting ...", both count. */
    private static final Pattern WRITE = Pattern.compile("\\b(?:insert\\s+(?:ignore\\s+)?into|replace\\s+into"
            + "|update|delete\\s+from|delete\\s+\\w+\\s+from|truncate\\s+table)(?=\\s+`?(\\w+))");
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
        Matcher write = WRITE.matcher(sql.toString().toLowerCase(Locale.ROOT));
        while (write.find()) {
            if (OWNERS.containsKey(write.group(1))) {
                tables.add(write.group(1));
            }
        }
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

    /** An entity without {@code @Table}: Hibernate's default name, the class name in snake case. */
    private static String entityTable(String code) {
        Matcher type = Pattern.compile("\\bclass\\s+(\\w+)").matcher(code);
        assertThat(type.find()).as("an entity class").isTrue();
        return List.of(type.group(1).split("(?<=[a-z0-9])(?=[A-Z])")).stream()
                .map(part -> part.toLowerCase(Locale.ROOT)).collect(Collectors.joining("_"));
    }
}
