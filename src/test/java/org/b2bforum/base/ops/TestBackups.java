package org.b2bforum.base.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.b2bforum.base.cluster.ClusterLeases;
import org.b2bforum.base.cluster.ClusterNode;
import org.b2bforum.base.database.EmbeddedMariaDb;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** A backup service of a test's own: its node's name and a directory under target/, keeping the newest 3. */
final class TestBackups {

    private TestBackups() {
    }

    static BackupService service(ApplicationContext context, String node, Path dir) {
        Clock clock = Clock.systemUTC();
        return new BackupService(context.getBeanProvider(EmbeddedMariaDb.class), context.getBean(Environment.class),
                clock, leases(context, node, clock), new ClusterNode(node), dir.toString(), 3, true);
    }

    /**
     * The same, backing up {@code database} of the test JVM's embedded server instead of the application's: a test of
     * what happens around a dump and a restore (the restore's marker) restores a few rows in milliseconds, where the
     * application's schema (~55 tables) took about a second of the server's CPU at each restore.
     */
    static BackupService service(ApplicationContext context, String node, Path dir, String database) {
        Clock clock = Clock.systemUTC();
        BackupService.Target application = BackupService.Target.of(context.getBean(EmbeddedMariaDb.class));
        BackupService.Target target = new BackupService.Target(application.binDir(), application.host(),
                application.port(), database, application.user(), application.password());
        return new BackupService(target, clock, leases(context, node, clock), new ClusterNode(node), dir.toString(), 3,
                true);
    }

    private static ObjectProvider<ClusterLeases> leases(ApplicationContext context, String node, Clock clock) {
        ClusterLeases leases = new ClusterLeases(context.getBean(JdbcTemplate.class), new ClusterNode(node), clock);
        return new StaticListableBeanFactory(Map.of("leases", leases)).getBeanProvider(ClusterLeases.class);
    }
}
