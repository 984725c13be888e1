package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Every {@code spring.datasource.hikari.*} setting of application.properties reaches the pool the application
 * builds, on the embedded database (EmbeddedMariaDbConfiguration) and on an external one (Spring Boot's own pool),
 * read from the running pool on the real embedded MariaDB (review62 found the validation time-out and the keep-alive
 * missing on the embedded one; review64).
 */
@ForumSpringTest
class PoolSettingsTest {

    private static final String PREFIX = EmbeddedMariaDbConfiguration.POOL_SETTINGS + ".";
    private static final String DRIVER_PREFIX = "data-source-properties.";

    @Autowired
    DataSource dataSource;
    @Autowired
    EmbeddedMariaDb database;
    @Autowired
    Environment environment;

    @Test
    void every_pool_setting_of_application_properties_reaches_the_embedded_databases_running_pool() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }

        assertThat(pool.isRunning()).isTrue();
        assertThat(mismatches(pool)).isEmpty();
        // the two review62 named, spelled out
        assertThat(pool.getValidationTimeout()).isEqualTo(2_000);
        assertThat(pool.getKeepaliveTime()).isEqualTo(60_000);
    }

    @Test
    void every_pool_setting_of_application_properties_reaches_an_external_databases_running_pool() throws Exception {
        List<String> settings = new ArrayList<>();
        applicationSettings().forEach((key, value) -> settings.add(key + "=" + value));
        settings.add("spring.datasource.url=" + database.jdbcUrl());
        settings.add("spring.datasource.username=root");
        settings.add("spring.datasource.password=");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues(settings.toArray(String[]::new))
                .run(context -> {
                    HikariDataSource pool = context.getBean(DataSource.class).unwrap(HikariDataSource.class);
                    try (Connection connection = pool.getConnection()) {
                        assertThat(connection.isValid(1)).isTrue();
                    }
                    assertThat(pool.isRunning()).isTrue();
                    assertThat(mismatches(pool)).isEmpty();
                });
    }

    /** Each setting whose value in the running pool is not the application's: "key: expected, pool has actual". */
    private List<String> mismatches(HikariDataSource pool) throws IOException, SQLException {
        TreeMap<String, String> settings = applicationSettings();
        assertThat(settings).as("the pool settings of application.properties").isNotEmpty();
        List<String> mismatches = new ArrayList<>();
        BeanWrapperImpl bean = new BeanWrapperImpl(pool);
        settings.forEach((key, raw) -> {
            String setting = key.substring(PREFIX.length());
            String expected = environment.getProperty(key);
            Object actual;
            Object wanted;
            if (setting.startsWith(DRIVER_PREFIX)) {
                wanted = expected;
                actual = pool.getDataSourceProperties().getProperty(setting.substring(DRIVER_PREFIX.length()));
            } else {
                String property = camelCase(setting);
                actual = bean.getPropertyValue(property);
                wanted = bean.convertIfNecessary(expected, bean.getPropertyType(property));
            }
            if (!String.valueOf(wanted).equals(String.valueOf(actual))) {
                mismatches.add(setting + ": " + wanted + ", the pool has " + actual);
            }
        });
        return mismatches;
    }

    /** The pool settings of src/main/resources/application.properties, as written there. */
    private static TreeMap<String, String> applicationSettings() throws IOException {
        Properties all = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        TreeMap<String, String> settings = new TreeMap<>();
        all.stringPropertyNames().stream().filter(key -> key.startsWith(PREFIX))
                .forEach(key -> settings.put(key, all.getProperty(key)));
        return settings;
    }

    private static String camelCase(String kebab) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
