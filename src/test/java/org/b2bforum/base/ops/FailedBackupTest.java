package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.cluster.ClusterLeases;
import org.b2bforum.base.cluster.ClusterNode;
import org.b2bforum.base.database.EmbeddedMariaDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/**
 * A backup that fails leaves nothing in the backup directory. Until stop 46 (ops1) a failed dump left its
 * {@code forum-<time>.sql.gz.part}, a new one each hour, which nothing pruned: on a full disk each scheduled backup
 * made it fuller.
 */
@ForumSpringTest
class FailedBackupTest {

    @Autowired
    EmbeddedMariaDb embedded;
    @Autowired
    ObjectProvider<ClusterLeases> leases;

    private final Path dir = Path.of("target/backup-failed");

    @AfterEach
    void cleanUp() {
        FileSystemUtils.deleteRecursively(dir.toFile());
    }

    @Test
    void a_dump_that_fails_leaves_no_part_of_a_backup_behind() throws IOException {
        // the embedded database's own client, asked on a port where no database listens
        BackupService backups = new BackupService(new BackupService.Target(embedded.binDir(), "127.0.0.1", closedPort(),
                embedded.database(), "root", ""), Clock.systemUTC(), leases, new ClusterNode("failed-backup"), dir.toString(), 3, true);

        assertThatThrownBy(backups::backup).hasMessageContaining("Backup into")
                .hasStackTraceContaining("mariadb-dump failed");

        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
