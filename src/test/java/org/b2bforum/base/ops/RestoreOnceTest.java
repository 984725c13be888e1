package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * A start with {@code --b2bforum.backup.restore} restores its backup once: started again with the same argument
 * (systemd's {@code Restart=always} after a crash, the argument left in the settings), it keeps what was written since
 * the restore. Until stop 46 (ops1) every such start replaced the database with the backup again, silently.
 *
 * <p>The backups are of a small database of a few companies ({@link #SOURCE}), not of the application's: what is
 * checked is when a restore happens and what it replaces, and the application's schema (~55 tables) cost about a
 * second of the server's CPU at each of the class's restores (stop 52: 11.7 s of CPU, 143 s at load 20-60, for eight
 * restores). The two nodes started at once restore the application's database, so that the first's restore lasts
 * while the second looks; a dump of the application's database restored whole is OperationsIT's backup check.
 */
@ForumSpringTest
@ExtendWith(OutputCaptureExtension.class)
class RestoreOnceTest {

    private static final String DATABASE = "restore_once_check";
    /** The database the backups are of: a table of companies, {@link #SOURCE_COMPANIES} rows. */
    private static final String SOURCE = "restore_once_source";
    private static final int SOURCE_COMPANIES = 3;

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    private final Path dir = Path.of("target/backup-restore-once");

    @BeforeEach
    void aSmallDatabaseToBackUp() {
        jdbc.execute("drop database if exists " + SOURCE);
        jdbc.execute("create database " + SOURCE);
        jdbc.execute("create table " + SOURCE + ".company (id bigint primary key, short_name varchar(100) not null)");
        for (int i = 1; i <= SOURCE_COMPANIES; i++) {
            jdbc.update("insert into " + SOURCE + ".company values (?, ?)", i, "Компания " + i);
        }
    }

    @AfterEach
    void cleanUp() {
        jdbc.execute("drop database if exists " + DATABASE);
        jdbc.execute("drop database if exists " + SOURCE);
        FileSystemUtils.deleteRecursively(dir.toFile());
    }

    @Test
    void a_second_start_with_the_same_backup_keeps_what_was_written_since_the_first(CapturedOutput output) {
        BackupService backups = backups();
        Path backup = backups.backup();

        assertThat(backups.restoreAtStart(backup, DATABASE)).isTrue();
        assertThat(companies()).isEqualTo(SOURCE_COMPANIES);
        jdbc.execute("create table " + DATABASE + ".written_since_the_restore (id int primary key)");
        jdbc.update("insert into " + DATABASE + ".written_since_the_restore values (1)");

        assertThat(backups.restoreAtStart(backup, DATABASE)).isFalse();

        assertThat(jdbc.queryForObject("select count(*) from " + DATABASE + ".written_since_the_restore", Integer.class))
                .isEqualTo(1);
        assertThat(output).contains("Backup " + backup + " not restored: it was restored already (restored into "
                + "database " + DATABASE + " at ");
        assertThat(backups.backups()).containsExactly(backup);
    }

    @Test
    void the_backup_is_restored_once_more_after_its_marker_is_deleted() throws Exception {
        BackupService backups = backups();
        Path backup = restoredThenWritten(backups, "written_since_the_restore");

        Files.delete(BackupService.restoredMarker(backup));

        assertThat(backups.restoreAtStart(backup, DATABASE)).isTrue();
        assertThat(tableExists("written_since_the_restore")).isFalse();
        assertThat(BackupService.restoredMarker(backup)).exists();
    }

    /**
     * A backup on a read-only mount: the marker that would stop the next start from restoring it again cannot be
     * written, so it is not restored at all, and the start says why (a directory in the marker's place stands in for a
     * directory the application may not write, which root, who runs the tests, always may).
     */
    @Test
    void a_backup_whose_restore_cannot_be_recorded_is_not_restored() throws Exception {
        BackupService backups = backups();
        Path backup = backups.backup();
        Files.createDirectory(BackupService.restoredMarker(backup));

        assertThatThrownBy(() -> backups.restoreAtStart(backup, DATABASE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Backup " + backup + " not restored: ")
                .hasMessageContaining("Copy the backup into a directory the application may write");

        assertThat(jdbc.queryForObject("select count(*) from information_schema.schemata where schema_name = ?",
                Integer.class, DATABASE)).as("the database untouched").isZero();
    }

    /** A restore that did not end (the start killed while mariadb read the backup) is made again at the next start. */
    @Test
    void a_restore_that_did_not_end_is_made_again() throws Exception {
        BackupService backups = backups();
        Path backup = restoredThenWritten(backups, "half_restored");
        Files.writeString(BackupService.restoredMarker(backup),
                "restore into database " + DATABASE + " begun at 2026-12-07T05:00:00Z, not finished\n");

        assertThat(backups.restoreAtStart(backup, DATABASE)).isTrue();

        assertThat(tableExists("half_restored")).isFalse();
        assertThat(companies()).isEqualTo(SOURCE_COMPANIES);
    }

    /**
     * Two nodes started at once with the same restore setting, the backup on storage both see (ops1): one restores, the
     * other waits for that restore, then starts on the database it restored, and says so. Until review66 both restored
     * (each found no finished restore), the second dropping the database under the first's restore or over what the
     * first node wrote since.
     */
    @Test
    void of_two_nodes_started_at_once_with_the_same_backup_one_restores_and_the_other_waits_for_it(
            CapturedOutput output) throws Exception {
        // the application's database: its restore lasts while the other node looks (a few rows' would be over first)
        Path backup = TestBackups.service(context, "restore", dir).backup();
        BackupService first = TestBackups.service(context, "node-1", dir);
        BackupService second = TestBackups.service(context, "node-2", dir);
        CyclicBarrier atOnce = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> one = nodes.submit(() -> {
                atOnce.await();
                return first.restoreAtStart(backup, DATABASE);
            });
            Future<Boolean> two = nodes.submit(() -> {
                atOnce.await();
                return second.restoreAtStart(backup, DATABASE);
            });

            assertThat(List.of(one.get(2, TimeUnit.MINUTES), two.get(2, TimeUnit.MINUTES)))
                    .as("restored by exactly one").containsExactlyInAnyOrder(true, false);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(companies()).isEqualTo(jdbc.queryForObject("select count(*) from company", Integer.class));
        assertThat(output).containsPattern("Backup " + Pattern.quote(backup.toString()) + " is being restored by node "
                + "node-[12] \\(host [^,]+, pid \\d+\\) \\(.*\\): this node waits for that restore to end");
        assertThat(output).containsPattern("Backup " + Pattern.quote(backup.toString()) + " not restored by this "
                + "node: node node-[12] \\(host [^,]+, pid \\d+\\) restored it meanwhile");
    }

    /** A restore begun by a start of this host that is gone (killed while mariadb read the backup) is made again. */
    @Test
    void a_restore_begun_by_a_process_of_this_host_that_is_gone_is_made_again_at_once() throws Exception {
        BackupService backups = backups();
        Path backup = restoredThenWritten(backups, "half_restored_by_the_killed");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(BackupService.restoredMarker(backup), "restore into database " + DATABASE + " begun at "
                + "2026-12-07T05:00:00Z by node killed (host " + RestoreMarker.host() + ", pid " + gone.pid() + "), "
                + "not finished\n");

        assertThat(backups.restoreAtStart(backup, DATABASE)).isTrue();

        assertThat(tableExists("half_restored_by_the_killed")).isFalse();
    }

    /** A backup made and restored, then a table created in the restored database. */
    private Path restoredThenWritten(BackupService backups, String table) {
        Path backup = backups.backup();
        backups.restoreAtStart(backup, DATABASE);
        jdbc.execute("create table " + DATABASE + "." + table + " (id int primary key)");
        return backup;
    }

    private boolean tableExists(String table) {
        return jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = ? "
                + "and table_name = ?", Integer.class, DATABASE, table) > 0;
    }

    private int companies() {
        return jdbc.queryForObject("select count(*) from " + DATABASE + ".company", Integer.class);
    }

    private BackupService backups() {
        return TestBackups.service(context, "restore", dir, SOURCE);
    }
}
