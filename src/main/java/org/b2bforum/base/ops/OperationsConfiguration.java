package org.b2bforum.base.ops;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled backups, and a restore before the migrations when the application is started with one. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OperationsConfiguration {

    /**
     * {@code --b2bforum.backup.restore=data/backups/forum-….sql.gz}: the database is replaced by the
     * backup before Flyway brings it to the current schema, then the application starts as usual. Once per backup
     * file: a later start with the same argument keeps the database ({@link BackupService#restoreAtStart}).
     */
    @Bean
    FlywayMigrationStrategy restoreThenMigrate(BackupService backups,
            @Value("${b2bforum.backup.restore:}") String restore) {
        return flyway -> {
            if (!restore.isBlank()) {
                Path file = Path.of(restore);
                if (!Files.isReadable(file)) {
                    throw new IllegalStateException("No backup to restore at " + file.toAbsolutePath());
                }
                backups.restoreAtStart(file);
            }
            flyway.migrate();
        };
    }
}
