package org.b2bforum.base.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir  where the database files live; they survive restarts
 * @param database the schema to create and use
 * @param fresh    wipe the data directory before the first start in this JVM (tests, benchmarks)
 * @param port     the TCP port, 0 for any free one
 * @param poolSize connection pool size
 */
@ConfigurationProperties("b2bforum.embedded-db")
public record EmbeddedMariaDbProperties(
        @DefaultValue("data/mariadb") String dataDir,
        @DefaultValue("forum") String database,
        @DefaultValue("false") boolean fresh,
        @DefaultValue("0") int port,
        @DefaultValue("20") int poolSize) {
}
