package org.b2bforum.base.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * An application that fails to start after its embedded MariaDB has started, as the forum does with a weak
 * organizer password: says "started" once the database answers, then fails. The JVM must end by itself.
 * Not a {@code @Configuration}: the tests' application contexts scan this package, and would fail with it.
 */
@Import(EmbeddedMariaDbConfiguration.class)
public class FailingStartWithEmbeddedDatabase {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(FailingStartWithEmbeddedDatabase.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.run(args);
    }

    @Bean
    InitializingBean refusesToStart(DataSource dataSource) {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                System.out.println("database started");
                System.out.flush();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("refused to start, as with a weak organizer password");
        };
    }
}
