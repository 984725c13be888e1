package org.b2bforum.base.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir  where the database files live; they survive restarts
 * @param database the schema to create and use
 * @param fresh    wipe the data directory before the first start in this JVM (tests, benchmarks)
 * @param port     the TCP port, 0 for any free one
 * @param poolSize connection pool size
 * @param flushLogAtTrxCommit {@code innodb_flush_log_at_trx_commit}: 2 (the default here) writes the
 *                 log at each commit and syncs it to disk once a second, so a crash of the machine
 *                 (not of the database) may lose the last second; 1 syncs at every commit
 * @param baseDir  where the MariaDB binaries are unpacked; empty for {@code mariadb-binaries} beside
 *                 the data directory (never under java.io.tmpdir, which systems clean)
 * @param watchdogInterval how often to check that the server runs (it is restarted when not)
 * @param connectionTimeout how long a request waits for a database connection before it fails
 */
@ConfigurationProperties("b2bforum.embedded-db")
public record EmbeddedMariaDbProperties(
        @DefaultValue("data/mariadb") String dataDir,
        @DefaultValue("forum") String database,
        @DefaultValue("false") boolean fresh,
        @DefaultValue("0") int port,
        @DefaultValue("20") int poolSize,
        @DefaultValue("2") int flushLogAtTrxCommit,
        @DefaultValue("") String baseDir,
        @DefaultValue("1s") Duration watchdogInterval,
        @DefaultValue("3s") Duration connectionTimeout) {
}
