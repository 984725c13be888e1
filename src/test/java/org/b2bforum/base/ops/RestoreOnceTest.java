package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.AfterEach;
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
 */
@ForumSpringTest
@ExtendWith(OutputCaptureExtension.class)
class RestoreOnceTest {

    private static final String DATABASE = "restore_once_check";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    private final Path dir = Path.of("target/backup-restore-once");

    @AfterEach
    void cleanUp() {
        jdbc.execute("drop database if exists " + DATABASE);
        FileSystemUtils.deleteRecursively(dir.toFile());
    }

    @Test
    void a_second_start_with_the_same_backup_keeps_what_was_written_since_the_first(CapturedOutput output) {
        BackupService backups = backups();
        Path backup = backups.backup();

        assertThat(backups.restoreAtStart(backup, DATABASE)).isTrue();
        assertThat(companies()).isEqualTo(jdbc.queryForObject("select count(*) from company", Integer.class));
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
        Path backup = backups.backup();
        backups.restoreAtStart(backup, DATABASE);
        jdbc.execute("create table " + DATABASE + ".written_since_the_restore (id int primary key)");

        Files.delete(BackupService.restoredMarker(backup));

        assertThat(backups.restoreAtStart(backup, DATABASE)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = ? "
                + "and table_name = 'written_since_the_restore'", Integer.class, DATABASE)).isZero();
        assertThat(BackupService.restoredMarker(backup)).exists();
    }

    private int companies() {
        return jdbc.queryForObject("select count(*) from " + DATABASE + ".company", Integer.class);
    }

    private BackupService backups() {
        return TestBackups.service(context, "restore", dir);
    }
}
