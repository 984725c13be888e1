package org.b2bforum.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The statements the database of a benchmarked application ran, from MariaDB's global status
 * counters ({@code Questions}: every statement a client sent, prepared statements' executions
 * included; {@code Com_*}: by kind), read before and after a phase to tell its statements per user.
 */
final class DatabaseStatements {

    static final String[] COUNTERS = {"Questions", "Com_stmt_execute", "Com_select", "Com_insert", "Com_update",
        "Com_delete", "Com_commit", "Com_rollback", "Com_set_option", "Com_stmt_prepare"};

    private final String url;

    /** The embedded database of the application, on {@code port} (the root log-in, as the application). */
    DatabaseStatements(int port) {
        this.url = "jdbc:mariadb://127.0.0.1:" + port + "/forum";
    }

    /** The counters now; empty when the database cannot be read (the figures are then left out). */
    Map<String, Long> read() {
        Map<String, Long> counters = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "root", "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("show global status where variable_name in ("
                        + java.util.Arrays.stream(COUNTERS).map(c -> "'" + c + "'").collect(Collectors.joining(", "))
                        + ")")) {
            while (rs.next()) {
                counters.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            System.err.println("database counters not read: " + e.getMessage());
        }
        return counters;
    }

    /**
     * "name=per-user (all)" for each counter that moved between {@code before} and {@code after}: the count in all, as
     * a tenth per user was 20 statements at 200 users (a refused click's one statement less, stop 43).
     */
    static String perUser(Map<String, Long> before, Map<String, Long> after, int users) {
        StringBuilder line = new StringBuilder();
        for (String counter : COUNTERS) {
            if (!before.containsKey(counter) || !after.containsKey(counter)) {
                continue;
            }
            long delta = after.get(counter) - before.get(counter);
            if (delta > 0) {
                line.append(line.isEmpty() ? "" : " ").append(counter).append('=')
                        .append(String.format(java.util.Locale.ROOT, "%.1f (%d)", (double) delta / users, delta));
            }
        }
        return line.toString();
    }
}
