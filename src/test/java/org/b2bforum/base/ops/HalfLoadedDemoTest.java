package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.security.DemoLoading;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The demo forum loaded halfway (the application killed during its first start's load): the next start in demo mode
 * on the embedded database, while nobody but the demo and the organizers has an account, backs the database up and
 * empties it before the migrations, so that the demo is loaded again whole; any
 * other start keeps it and says so. Before ops53 a start kept the half forum for good (69 of 120 companies, all
 * pending, no program: the loader loads only into a database without log-ins). The emptying runs on a small database
 * of its own ({@link #DATABASE}), never the application's.
 */
@ForumSpringTest
@ExtendWith(OutputCaptureExtension.class)
class HalfLoadedDemoTest {

    private static final String DATABASE = "half_loaded_demo_check";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    DemoLoading loading;

    @Autowired
    ApplicationContext context;

    private SingleConnectionDataSource other;
    private int backups;

    @BeforeEach
    void aDatabaseWithADemoBegun() {
        jdbc.execute("drop database if exists " + DATABASE);
        jdbc.execute("create database " + DATABASE);
        jdbc.execute("create table " + DATABASE + ".demo_load (id tinyint not null primary key,"
                + " started_at datetime(6) not null, loaded_at datetime(6) null)");
        jdbc.execute("create table " + DATABASE + ".app_user (id bigint primary key, email varchar(100) not null,"
                + " role varchar(20) not null, demo boolean not null)");
        jdbc.update("insert into " + DATABASE + ".app_user values (1, 'organizer@forum.demo', 'ORGANIZER', true),"
                + " (2, 'info@mosdorservis.ru', 'COMPANY', true), (3, 'head@forum.example', 'ORGANIZER', false)");
        String url = ((HikariDataSource) dataSource).getJdbcUrl().replaceFirst("/(\\w+)(\\?|$)", "/" + DATABASE + "$2");
        other = new SingleConnectionDataSource(url, "root", "", true);
    }

    @AfterEach
    void cleanUp() {
        other.destroy();
        jdbc.execute("drop database if exists " + DATABASE);
        jdbc.update("delete from demo_load");
        loading.finished();
    }

    @Test
    void a_load_begun_and_not_done_is_emptied_in_demo_mode_on_the_embedded_database(CapturedOutput output) {
        jdbc.update("insert into " + DATABASE + ".demo_load values (1, utc_timestamp(6), null)");

        assertThat(HalfLoadedDemo.emptyIfHalfLoaded(flyway(), true, this::backup)).isTrue();

        assertThat(backups).as("backed up before it is emptied").isEqualTo(1);
        assertThat(tables()).as("Flyway's clean: every table gone, the migrations make them again").isZero();
        assertThat(output).contains("did not end (the application was stopped, or its start failed, meanwhile): the "
                + "database holds half a forum. It is emptied now, after a backup into /backups/forum.sql.gz, and the "
                + "demo loaded again");
    }

    @Test
    void a_start_that_may_not_empty_it_keeps_it_and_says_what_it_holds(CapturedOutput output) {
        jdbc.update("insert into " + DATABASE + ".demo_load values (1, utc_timestamp(6), null)");

        assertThat(HalfLoadedDemo.emptyIfHalfLoaded(flyway(), false, this::backup)).isFalse();

        assertThat(tables()).isEqualTo(2);
        assertThat(output).contains("The database holds a demo forum whose load began at")
                .contains("started without demo mode on the embedded database, this start keeps it")
                .doesNotContain("start in demo mode on it");
    }

    /**
     * The first start killed during the load, the office then worked without demo mode (the record stayed): a start in
     * demo mode months later emptied the forum for real until mend53b.
     */
    @Test
    void a_database_with_accounts_besides_the_demo_s_is_kept_in_demo_mode_too(CapturedOutput output) {
        jdbc.update("insert into " + DATABASE + ".demo_load values (1, utc_timestamp(6), null)");
        jdbc.update("insert into " + DATABASE + ".app_user values (4, 'info@avtodor.by', 'COMPANY', false),"
                + " (5, 'staff@forum.example', 'STAFF', false)");

        assertThat(HalfLoadedDemo.emptyIfHalfLoaded(flyway(), true, this::backup)).isFalse();

        assertThat(tables()).isEqualTo(2);
        assertThat(backups).isZero();
        assertThat(output).contains("2 accounts besides the demo's and the organizers' are in it too, so this start "
                + "keeps it");
    }

    @Test
    void a_database_that_could_not_be_backed_up_is_kept(CapturedOutput output) {
        jdbc.update("insert into " + DATABASE + ".demo_load values (1, utc_timestamp(6), null)");

        assertThat(HalfLoadedDemo.emptyIfHalfLoaded(flyway(), true, () -> {
            throw new UncheckedIOException(new IOException("No space left on device"));
        })).isFalse();

        assertThat(tables()).isEqualTo(2);
        assertThat(output).contains("it could not be backed up, so this start keeps it");
    }

    /** The switch of the start (mend53b): demo mode on the embedded database only, with a real backup. */
    @Test
    void the_start_empties_it_in_demo_mode_on_the_embedded_database_only(@TempDir Path dir) {
        jdbc.update("insert into " + DATABASE + ".demo_load values (1, utc_timestamp(6), null)");
        BackupService service = TestBackups.service(context, "half-loaded", dir, DATABASE);
        OperationsConfiguration configuration = new OperationsConfiguration();

        configuration.restoreThenMigrate(service, "", false, "").migrate(migrationless());
        assertThat(tableNames()).as("demo mode off").contains("demo_load", "app_user");
        configuration.restoreThenMigrate(service, "", true, "jdbc:mariadb://db1/forum").migrate(migrationless());
        assertThat(tableNames()).as("an external database").contains("demo_load", "app_user");
        assertThat(service.backups()).isEmpty();

        configuration.restoreThenMigrate(service, "", true, "").migrate(migrationless());
        assertThat(tableNames()).doesNotContain("demo_load", "app_user");
        assertThat(service.backups()).hasSize(1);
    }

    @Test
    void a_load_done_and_a_database_without_the_record_are_kept() {
        jdbc.update("insert into " + DATABASE + ".demo_load values (1, utc_timestamp(6), utc_timestamp(6))");
        assertThat(HalfLoadedDemo.emptyIfHalfLoaded(flyway(), true, this::backup)).isFalse();
        assertThat(tables()).isEqualTo(2);

        jdbc.execute("drop table " + DATABASE + ".demo_load"); // a database from before V44, or not of the demo
        assertThat(HalfLoadedDemo.emptyIfHalfLoaded(flyway(), true, this::backup)).isFalse();
        assertThat(tables()).isEqualTo(1);
    }

    /** What the loader records in the application's database, read as the next start reads it. */
    @Test
    void the_loader_s_record_is_begun_before_it_writes_and_done_after() {
        Flyway applications = Flyway.configure().dataSource(dataSource).load();
        loading.started();
        assertThat(jdbc.queryForObject("select count(*) from demo_load where loaded_at is null", Integer.class))
                .isEqualTo(1);
        assertThat(loading.isLoading()).isTrue();

        loading.loaded();
        assertThat(HalfLoadedDemo.emptyIfHalfLoaded(applications, false, this::backup)).as("done: nothing to say")
                .isFalse();
        assertThat(jdbc.queryForObject("select count(*) from demo_load where loaded_at is not null", Integer.class))
                .isEqualTo(1);

        loading.started(); // the demo loaded again after a half load was emptied: begun anew
        assertThat(jdbc.queryForObject("select count(*) from demo_load where loaded_at is null", Integer.class))
                .isEqualTo(1);
    }

    private Path backup() {
        backups++;
        return Path.of("/backups/forum.sql.gz");
    }

    /** Flyway on the small database without the application's migrations: the start's strategy, then nothing to do. */
    private Flyway migrationless() {
        return Flyway.configure().dataSource(other).locations("classpath:no-migrations-here").baselineOnMigrate(true)
                .load();
    }

    private List<String> tableNames() {
        return jdbc.queryForList("select table_name from information_schema.tables where table_schema = ?",
                String.class, DATABASE);
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(other).load();
    }

    private int tables() {
        return jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = ?",
                Integer.class, DATABASE);
    }
}
