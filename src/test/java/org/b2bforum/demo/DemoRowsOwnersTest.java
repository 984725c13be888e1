package org.b2bforum.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jakarta.persistence.EntityManager;

/**
 * One owner per table: the demo loader writes no table itself. It fills the demo forum through each
 * feature's services (registration, company's {@code Delegates}, program, meetings, fair, venue) and
 * only reads with SQL, to find the ids it passes them.
 */
class DemoRowsOwnersTest {

    private static final JavaClasses DEMO = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.b2bforum.demo");
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "b2bforum", "demo");
    private static final Pattern WRITE = Pattern.compile(
            "\\b(insert\\s+(ignore\\s+)?into|replace\\s+into|update\\s+\\w+\\s+set|delete\\s+from|truncate\\s|"
                    + "alter\\s+table|drop\\s+table|create\\s+table)\\b");

    @Test
    void the_rules_below_see_the_demo_loader() {
        assertThat(DEMO.contain(DemoDataLoader.class)).isTrue();
        assertThat(DEMO.contain(DemoFair.class)).isTrue();
    }

    @Test
    void the_demo_calls_no_writing_jdbc_method() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe("a JDBC method that may write",
                DemoRowsOwnersTest::jdbcWrite)).check(DEMO);
    }

    @Test
    void the_demo_uses_no_entity_manager_and_no_features_entities_or_repositories() {
        noClasses().should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.b2bforum..domain..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(DEMO);
    }

    /** The SQL it reads with is only read: no statement in its sources writes or changes a table. */
    @Test
    void the_demos_sql_only_reads() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file).toLowerCase(Locale.ROOT);
                assertThat(WRITE.matcher(text).results().map(m -> m.group()).toList())
                        .as("SQL writing a table in %s", file).isEmpty();
            }
        }
    }

    @Test
    void the_sql_check_finds_writes() {
        for (String sql : List.of("update delegate set badge_role = 'PRESS' where id = 1",
                "insert into fair_lead (a) values (1)", "delete from company where id = 2")) {
            assertThat(WRITE.matcher(sql).find()).as(sql).isTrue();
        }
        assertThat(WRITE.matcher("select id from delegate where email = ? order by updated_at").find()).isFalse();
    }

    private static boolean jdbcWrite(JavaMethodCall call) {
        boolean jdbc = call.getTargetOwner().isAssignableTo(JdbcOperations.class)
                || call.getTargetOwner().isAssignableTo(NamedParameterJdbcOperations.class);
        String name = call.getName();
        return jdbc && !name.startsWith("query");
    }
}
