package org.b2bforum.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What Galera needs of the schema and the code (docs/cluster.md): a primary key on every table
 * (rows are replicated and certified by key; without one, deletes and updates are slow or unsafe
 * on the other nodes), InnoDB only, and no {@code GET_LOCK}, which locks on one node only.
 */
@ForumSpringTest
class GaleraCompatibilityTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_table_of_the_schema_flyways_history_included_has_a_primary_key() {
        List<String> tables = jdbc.queryForList("""
                select t.table_name from information_schema.tables t
                where t.table_schema = database() and t.table_type = 'BASE TABLE'""", String.class);
        List<String> withoutKey = jdbc.queryForList("""
                select t.table_name from information_schema.tables t
                where t.table_schema = database() and t.table_type = 'BASE TABLE'
                  and not exists (select 1 from information_schema.table_constraints c
                                  where c.table_schema = t.table_schema and c.table_name = t.table_name
                                    and c.constraint_type = 'PRIMARY KEY')""", String.class);

        assertThat(tables).contains("flyway_schema_history", "meeting", "cluster_lease");
        assertThat(withoutKey).isEmpty();
    }

    @Test
    void every_table_uses_innodb_the_only_engine_galera_replicates() {
        assertThat(jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = database() and table_type = 'BASE TABLE' and engine <> 'InnoDB'""", String.class))
                .isEmpty();
    }

    @Test
    void no_code_or_migration_takes_a_named_lock() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            List<Path> locking = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
                    .filter(f -> {
                        try {
                            String text = Files.readString(f).toLowerCase(Locale.ROOT);
                            return text.contains("get_lock(") || text.contains("lock tables");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertThat(locking).isEmpty();
        }
    }
}
