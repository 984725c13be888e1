package org.b2bforum.base.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.b2bforum.base.cluster.ClusterLeases;
import org.b2bforum.base.cluster.ClusterNode;
import org.b2bforum.base.database.EmbeddedMariaDb;
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
        ClusterLeases leases = new ClusterLeases(context.getBean(JdbcTemplate.class), new ClusterNode(node), clock);
        return new BackupService(context.getBeanProvider(EmbeddedMariaDb.class), context.getBean(Environment.class),
                clock, new StaticListableBeanFactory(Map.of("leases", leases)).getBeanProvider(ClusterLeases.class),
                new ClusterNode(node), dir.toString(), 3, true);
    }
}
