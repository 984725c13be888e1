package org.b2bforum.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.b2bforum.meeting.BookingInvariants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * For {@code bench/run-faults}: checks the database of a running application. Arguments: the JDBC
 * URL and a file of {@code CONFIRMED <id>} lines. Prints
 * {@code CHECK confirmed=<meetings confirmed> lost=<listed but not confirmed> violations=<n>}.
 */
public final class FaultCheck {

    public static void main(String[] args) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(args[0], "root", ""));
        Set<Long> expected = new HashSet<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (line.startsWith("CONFIRMED ")) {
                expected.add(Long.valueOf(line.substring("CONFIRMED ".length()).trim()));
            }
        }
        Set<Long> confirmed = new HashSet<>(
                jdbc.queryForList("select id from meeting where status = 'CONFIRMED'", Long.class));
        long lost = expected.stream().filter(id -> !confirmed.contains(id)).count();
        BookingInvariants invariants = new BookingInvariants(jdbc);
        long violations = BookingInvariants.total(invariants.violations(null))
                + invariants.companiesInOverlappingMeetings(null);
        List<Long> companies = jdbc.queryForList("select count(*) from company", Long.class);
        System.out.printf(Locale.ROOT, "CHECK confirmed=%d lost=%d violations=%d companies=%d%n", confirmed.size(),
                lost, violations, companies.getFirst());
    }
}
