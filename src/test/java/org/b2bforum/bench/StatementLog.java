package org.b2bforum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The statements of one phase by their text, from MariaDB's general log (switched on for the phase only, into a file of
 * the benchmark's), so that the live-update poller's are counted apart from the users'. The global counters of
 * {@link DatabaseStatements} take in the poller's {@code select now(3)} and feed read every 300 ms for as long as the
 * phase lasts (~6-7 a second while tabs are subscribed, and its hourly clean-up), so a rush of 30 s counted ~0.5 more
 * per user than one of 17 s of the same clicks (bench/README.md, issue 17, stop 46): without the poller's, the
 * statements per user compare across rushes of different lengths and across jars, since the log is the database's and
 * needs nothing of the application.
 */
final class StatementLog {

    /** A statement's line: [date time] id command TAB text (a statement's further lines do not look like this). */
    private static final Pattern LINE = Pattern.compile(
            "^(?:\\d{6}\\s+\\d{1,2}:\\d{2}:\\d{2})?\\s+(\\d+)\\s+(Query|Execute)\\t(.*)$");
    /** The texts of {@code LiveUpdates.poll}: the database's time, the feed's window and the hourly clean-up. */
    private static final List<String> POLLER = List.of("select now(3)",
            "select id, company_id, user_id, kind from live_change where created_at >=",
            "delete from live_change where created_at < now(3) - interval 1 hour");

    private final String url;
    private final Path file;

    StatementLog(int port, Path file) {
        this.url = "jdbc:mariadb://127.0.0.1:" + port + "/forum";
        this.file = file.toAbsolutePath();
    }

    /** Starts logging every statement into a new file; false (and nothing logged) when the database refuses. */
    boolean start() {
        try {
            Files.deleteIfExists(file);
            Files.createDirectories(file.getParent());
            run("set global general_log_file = '" + file + "'", "set global general_log = 1");
            return true;
        } catch (IOException | SQLException e) {
            System.err.println("general log not started: " + e.getMessage());
            return false;
        }
    }

    void stop() {
        try {
            run("set global general_log = 0");
        } catch (SQLException e) {
            System.err.println("general log not stopped: " + e.getMessage());
        }
    }

    private void run(String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", "");
                Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    /** What the log holds: statements in all, the poller's, and the others by their shape. */
    record Counts(long all, long poller, Map<String, Long> byShape) {

        long users() {
            return all - poller;
        }

        /** "N per user (in all) without the poller's M; the most frequent shapes per user". */
        String line(int users, int top) {
            String shapes = byShape.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                    .map(e -> String.format(Locale.ROOT, "%.2f %s", (double) e.getValue() / users, e.getKey()))
                    .collect(Collectors.joining("; "));
            return String.format(Locale.ROOT, "%.1f per user (%d) without the live-update poller's %d (%.1f per user);"
                    + " by shape, per user: %s", (double) users() / users, users(), poller, (double) poller / users,
                    shapes);
        }
    }

    /**
     * The log's statements (COM_QUERY and COM_STMT_EXECUTE, as {@code Questions} counts them; the benchmark's own
     * {@code set global} and status reads are the few that are neither the application's nor the poller's).
     */
    Counts read() throws IOException {
        long all = 0;
        long poller = 0;
        Map<String, Long> byShape = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            all++;
            String text = m.group(3).strip();
            String lower = text.toLowerCase(Locale.ROOT);
            if (POLLER.stream().anyMatch(p -> lower.equals(p) || lower.startsWith(p))) {
                poller++;
            } else {
                byShape.merge(shape(lower), 1L, Long::sum);
            }
        }
        return new Counts(all, poller, byShape);
    }

    /** The statement without its values, cut to its first 70 characters: what kind of read or write it is. */
    static String shape(String sql) {
        String s = sql.replaceAll("'(?:[^'\\\\]|\\\\.)*'", "?").replaceAll("\\b\\d+(?:\\.\\d+)?\\b", "?")
                .replaceAll("\\s+", " ");
        return s.length() > 70 ? s.substring(0, 70) + "…" : s;
    }
}
