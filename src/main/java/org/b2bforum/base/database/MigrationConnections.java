package org.b2bforum.base.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Flyway's migrations at a start run without the pool's socket time-out ({@code socketTimeout}, 60 s,
 * application.properties). That time-out bounds a request's statement on a frozen database, but a migration's
 * {@code alter table} on a large forum's table (a copy of every row on MariaDB, longer still on a loaded machine or
 * while a Galera cluster applies it on every node) may run longer: cut after 60 s, the server went on with it while
 * Flyway recorded the migration as failed, and, as MariaDB's DDL is not transactional, every later start refused to
 * migrate until an operator repaired the schema history by hand (review63). The connection gets the pool's time-out
 * back when Flyway gives it back (HikariCP resets a changed network time-out).
 */
@Configuration(proxyBeanMethods = false)
class MigrationConnections {

    @Bean
    FlywayConfigurationCustomizer migrationsWithoutSocketTimeout() {
        return configuration -> configuration.dataSource(withoutSocketTimeout(configuration.getDataSource()));
    }

    static DataSource withoutSocketTimeout(DataSource pool) {
        return new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                return untimed(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return untimed(super.getConnection(username, password));
            }
        };
    }

    private static Connection untimed(Connection connection) throws SQLException {
        try {
            connection.setNetworkTimeout(Runnable::run, 0);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
