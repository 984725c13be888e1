package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.security.DemoLoading;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The demo forum loaded halfway (the application killed during its first start's load): the next start in demo mode
 * on the embedded database empties the database before the migrations, so that the demo is loaded again whole; any
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

    private SingleConnectionDataSource other;

    @BeforeEach
    void aDatabaseWithADemoBegun() {
        jdbc.execute("drop database if exists " + DATABASE);
        jdbc.execute("create database " + DATABASE);
        jdbc.execute("create table " + DATABASE + ".demo_load (id tinyint not null primary key,"
                + " started_at datetime(6) not null, loaded_at datetime(6) null)");
        jdbc.execute("create table " + DATABASE + ".app_user (id bigint primary key, email varchar(100) not null)");
        jdbc.update("insert into " + DATABASE + ".app_user values (1, 'organizer@forum.demo')");
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

        assertThat(HalfLoadedDemo.emptyIfHalfLoaded(flyway(), true)).isTrue();

        assertThat(tables()).as("Flyway's clean: every table gone, the migrations make them again").isZero();
        assertThat(output).contains("did not end (the application was stopped, or its start failed, meanwhile): the "
                + "database holds half a forum. It is emptied now and the demo loaded again");
    }

    @Test
    void a_start_that_may_not_empty_it_keeps_it_and_says_what_it_holds(CapturedOutput output) {
        jdbc.update("insert into " + DATABASE + ".demo_load values (1, utc_timestamp(6), null)");

        assertThat(HalfLoadedDemo.emptyIfHalfLoaded(flyway(), false)).isFalse();

        assertThat(tables()).isEqualTo(2);
        assertThat(output).contains("The database holds a demo forum loaded halfway");
    }

    @Test
    void a_load_done_and_a_database_without_the_record_are_kept() {
        jdbc.update("insert into " + DATABASE + ".demo_load values (1, utc_timestamp(6), utc_timestamp(6))");
        assertThat(HalfLoadedDemo.emptyIfHalfLoaded(flyway(), true)).isFalse();
        assertThat(tables()).isEqualTo(2);

        jdbc.execute("drop table " + DATABASE + ".demo_load"); // a database from before V44, or not of the demo
        assertThat(HalfLoadedDemo.emptyIfHalfLoaded(flyway(), true)).isFalse();
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
        assertThat(HalfLoadedDemo.emptyIfHalfLoaded(applications, false)).as("done: nothing to say").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from demo_load where loaded_at is not null", Integer.class))
                .isEqualTo(1);

        loading.started(); // the demo loaded again after a half load was emptied: begun anew
        assertThat(jdbc.queryForObject("select count(*) from demo_load where loaded_at is null", Integer.class))
                .isEqualTo(1);
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(other).load();
    }

    private int tables() {
        return jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = ?",
                Integer.class, DATABASE);
    }
}
