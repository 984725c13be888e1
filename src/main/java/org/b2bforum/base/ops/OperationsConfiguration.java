package org.b2bforum.base.ops;

import java.nio.file.Files;
import java.nio.file.Path;

import org.b2bforum.base.security.DemoMode;
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
     * file: a later start with the same argument keeps the database ({@link BackupService#restoreAtStart}). Without
     * a restore, a demo loaded halfway is backed up and emptied first in demo mode on the embedded database,
     * and only while nobody but the demo and the organizers has an account in it ({@link HalfLoadedDemo}).
     */
    @Bean
    FlywayMigrationStrategy restoreThenMigrate(BackupService backups,
            @Value("${b2bforum.backup.restore:}") String restore,
            @Value("${" + DemoMode.ENABLED + ":false}") boolean demoMode,
            @Value("${spring.datasource.url:}") String externalDatabase) {
        return flyway -> {
            if (restore.isBlank()) {
                HalfLoadedDemo.emptyIfHalfLoaded(flyway, demoMode && externalDatabase.isBlank(), backups::backup);
            } else {
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
