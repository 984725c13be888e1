package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.FileSystemUtils;

/** With several application nodes the hourly backup is made by the one node holding the backup lease. */
@ForumSpringTest
class BackupOnOneNodeTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    private final Path dirA = Path.of("target/backup-node-a");
    private final Path dirB = Path.of("target/backup-node-b");

    @AfterEach
    void cleanUp() {
        jdbc.update("delete from cluster_lease where name = ?", BackupService.LEASE);
        FileSystemUtils.deleteRecursively(dirA.toFile());
        FileSystemUtils.deleteRecursively(dirB.toFile());
    }

    @Test
    void of_two_nodes_whose_hourly_backup_fires_at_once_only_one_makes_it() {
        BackupService nodeA = backups("node-a", dirA);
        BackupService nodeB = backups("node-b", dirB);

        nodeA.scheduledBackup();
        nodeB.scheduledBackup();

        assertThat(nodeA.backups()).hasSize(1);
        assertThat(nodeB.backups()).isEmpty();
    }

    @Test
    void a_multi_host_jdbc_url_is_dumped_from_its_first_host() {
        BackupService.Target target = BackupService.Target.of(new MockEnvironment()
                .withProperty("spring.datasource.url",
                        "jdbc:mariadb:sequential//db1.forum:3341,db2.forum:3342,db3.forum/forum?transactionReplay=true")
                .withProperty("spring.datasource.username", "forum"));
        BackupService.Target single = BackupService.Target.of(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db.forum/forum_2027"));

        assertThat(target.host()).isEqualTo("db1.forum");
        assertThat(target.port()).isEqualTo(3341);
        assertThat(target.database()).isEqualTo("forum");
        assertThat(target.user()).isEqualTo("forum");
        assertThat(single.host()).isEqualTo("db.forum");
        assertThat(single.port()).isEqualTo(3306);
        assertThat(single.database()).isEqualTo("forum_2027");
    }

    private BackupService backups(String node, Path dir) {
        return TestBackups.service(context, node, dir);
    }
}
