package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.b2bforum.RunningServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.data.repository.Repository;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * The running server made the repositories at the end of its start and Hibernate's EntityManagerFactory in the
 * background meanwhile ({@code spring.data.jpa.repositories.bootstrap-mode=deferred} in application.properties,
 * with which Spring Boot gives the factory the application task executor): a dropped or renamed property would
 * otherwise only make the start slower, silently.
 */
@RunningServerTest
class JpaBootstrapIT {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void hibernate_starts_on_the_application_task_executor_and_the_repositories_after_it() {
        LocalContainerEntityManagerFactoryBean factory = context.getBean("&entityManagerFactory",
                LocalContainerEntityManagerFactoryBean.class);
        assertThat(factory.getBootstrapExecutor()).isSameAs(context.getBean("applicationTaskExecutor"));
        assertThat(factory.getNativeEntityManagerFactory().isOpen()).isTrue();

        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        String[] repositories = beans.getBeanNamesForType(JpaRepositoryFactoryBean.class, true, false);
        assertThat(repositories).isNotEmpty();
        assertThat(Arrays.stream(repositories).map(name -> name.replaceFirst("^&", ""))).allSatisfy(name -> {
            assertThat(beans.getBeanDefinition(name).isLazyInit()).as("%s deferred", name).isTrue();
            assertThat(context.getBean(name)).as("%s made by now", name).isInstanceOf(Repository.class);
        });
    }
}
