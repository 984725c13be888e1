package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Released Flyway migrations never change: a database that applied one keeps its checksum in
 * {@code flyway_schema_history}, and Flyway refuses to start when the file differs, is missing, or a
 * new one is numbered below the highest applied (last stop a migration renumbered after its release
 * did exactly that). {@code src/test/resources/db/released-migrations.txt} lists every released
 * migration with the first 16 hex digits of its SHA-256, as {@code sha256sum} prints it.
 */
class ReleasedMigrationsTest {

    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Path RELEASED = Path.of("src", "test", "resources", "db", "released-migrations.txt");
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");
    private static final int PREFIX = 16;

    @Test
    void no_released_migration_was_changed_renamed_renumbered_or_followed_by_a_lower_number() throws IOException {
        assertThat(problems(released(Files.readAllLines(RELEASED)), migrationFiles())).isEmpty();
    }

    @Test
    void the_list_names_every_migration_up_to_the_highest_released() throws IOException {
        Map<String, String> released = released(Files.readAllLines(RELEASED));
        assertThat(released).hasSizeGreaterThanOrEqualTo(21).containsKey("V1__companies_registrations_accounts.sql")
                .containsKey("V32__event_publication_registry.sql");
    }

    @Test
    void a_changed_migration_is_refused() {
        Map<String, byte[]> files = files("V1__a.sql", "create table a (id int);", "V2__b.sql", "create table b;");
        Map<String, String> released = listed(files);
        files.put("V2__b.sql", bytes("create table b (id bigint);"));
        assertThat(problems(released, files)).containsExactly("V2__b.sql was released and has changed since");
    }

    @Test
    void a_renamed_or_renumbered_migration_is_refused() {
        Map<String, byte[]> files = files("V1__a.sql", "one", "V5__b.sql", "five");
        Map<String, String> released = listed(files);
        files.remove("V5__b.sql");
        files.put("V6__b.sql", bytes("five"));
        assertThat(problems(released, files)).containsExactly("V5__b.sql was released and is gone (renamed or renumbered?)");
        files.remove("V6__b.sql");
        files.put("V5__b_renamed.sql", bytes("five"));
        assertThat(problems(released, files)).containsExactly(
                "V5__b.sql was released and is gone (renamed or renumbered?)",
                "V5__b_renamed.sql is numbered 5, not above the highest released migration (V5): give it a higher number");
    }

    @Test
    void a_new_migration_must_be_numbered_above_the_highest_released() {
        Map<String, byte[]> files = files("V1__a.sql", "one", "V9__c.sql", "nine");
        Map<String, String> released = listed(files);
        files.put("V4__late.sql", bytes("four"));
        assertThat(problems(released, files)).containsExactly(
                "V4__late.sql is numbered 4, not above the highest released migration (V9): give it a higher number");
        files.remove("V4__late.sql");
        files.put("V10__next.sql", bytes("ten"));
        assertThat(problems(released, files)).isEmpty();
    }

    /** What is wrong with the migration files against the released list; empty when nothing is. */
    static List<String> problems(Map<String, String> released, Map<String, byte[]> files) {
        List<String> problems = new ArrayList<>();
        int highest = 0;
        for (Map.Entry<String, String> entry : released.entrySet()) {
            String name = entry.getKey();
            highest = Math.max(highest, version(name));
            byte[] content = files.get(name);
            if (content == null) {
                problems.add(name + " was released and is gone (renamed or renumbered?)");
            } else if (!sha256(content).startsWith(entry.getValue())) {
                problems.add(name + " was released and has changed since");
            }
        }
        for (String name : files.keySet()) {
            if (!released.containsKey(name) && version(name) <= highest) {
                problems.add(name + " is numbered " + version(name) + ", not above the highest released migration (V"
                        + highest + "): give it a higher number");
            }
        }
        return problems;
    }

    private static Map<String, String> released(List<String> lines) {
        Map<String, String> released = new LinkedHashMap<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            assertThat(parts).as("line '%s': a hash prefix and a file name", line).hasSize(2);
            assertThat(parts[0]).as("line '%s': the first %d hex digits of SHA-256", line, PREFIX).matches("[0-9a-f]{16}");
            assertThat(released.put(parts[1], parts[0])).as("%s listed twice", parts[1]).isNull();
            version(parts[1]);
        }
        return released;
    }

    private static Map<String, byte[]> migrationFiles() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(MIGRATIONS)) {
            for (Path path : paths.toList()) {
                files.put(path.getFileName().toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static int version(String name) {
        Matcher matcher = VERSIONED.matcher(name);
        assertThat(matcher.matches()).as("%s is named V<number>__<what>.sql", name).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> files(String... namesAndContents) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            files.put(namesAndContents[i], bytes(namesAndContents[i + 1]));
        }
        return files;
    }

    private static Map<String, String> listed(Map<String, byte[]> files) {
        Map<String, String> listed = new LinkedHashMap<>();
        files.forEach((name, content) -> listed.put(name, sha256(content).substring(0, PREFIX)));
        return listed;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
