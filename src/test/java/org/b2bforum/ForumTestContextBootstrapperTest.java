package org.b2bforum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.b2bforum.base.security.AccountService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTestContextBootstrapper;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextBootstrapper;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoResetTestExecutionListener;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate;
import org.springframework.test.context.support.DefaultBootstrapContext;
import org.springframework.test.context.web.WebMergedContextConfiguration;

/** {@link ForumSpringTest} is {@code @SpringBootTest} less the configuration search and the mock reset walk. */
class ForumTestContextBootstrapperTest {

    @ForumSpringTest
    static class AForumTest {
    }

    @SpringBootTest
    static class ASpringBootTest {
    }

    @ForumSpringTest
    static class WithABeanMock {
        @MockitoBean
        AccountService accounts;
    }

    @ForumSpringTest
    static class WithABeanSpy {
        @MockitoSpyBean
        AccountService accounts;
    }

    @ForumSpringTest
    @MockitoBean(types = AccountService.class)
    static class WithABeanMockOnTheClass {
    }

    static class Enclosing extends WithABeanMock {
        @Nested
        class Inner {
        }
    }

    private static MergedContextConfiguration configuration(TestContextBootstrapper bootstrapper, Class<?> testClass) {
        bootstrapper.setBootstrapContext(new DefaultBootstrapContext(testClass,
                new DefaultCacheAwareContextLoaderDelegate()));
        return bootstrapper.buildMergedContextConfiguration();
    }

    @ForumSpringTest
    static class AnotherForumTest {
    }

    @Test
    void the_context_is_the_one_spring_boot_test_gives_on_the_named_application_class() {
        MergedContextConfiguration forum = configuration(new ForumTestContextBootstrapper(), AForumTest.class);
        MergedContextConfiguration springBoot = configuration(new SpringBootTestContextBootstrapper(),
                ASpringBootTest.class);

        assertThat(forum.getClasses()).containsExactly(Application.class);
        assertThat(forum).isInstanceOf(WebMergedContextConfiguration.class);
        assertThat(((WebMergedContextConfiguration) forum).getResourceBasePath())
                .isEqualTo(((WebMergedContextConfiguration) springBoot).getResourceBasePath());
        assertThat(forum.getClasses()).isEqualTo(springBoot.getClasses());
        assertThat(forum.getPropertySourceProperties()).isEqualTo(springBoot.getPropertySourceProperties());
        assertThat(forum.getContextLoader().getClass()).isEqualTo(springBoot.getContextLoader().getClass());
        // the same customizers but the record of @SpringBootTest's attributes, which differs in its web environment
        // alone (MOCK there, NONE where the annotation is absent; the loader asks it only whether a server starts)
        assertThat(withoutAnnotationRecord(forum)).isEqualTo(withoutAnnotationRecord(springBoot));
        // equal configurations share one cached context
        assertThat(configuration(new ForumTestContextBootstrapper(), AnotherForumTest.class)).isEqualTo(forum);
    }

    private static Set<ContextCustomizer> withoutAnnotationRecord(MergedContextConfiguration configuration) {
        return configuration.getContextCustomizers().stream()
                .filter(customizer -> !customizer.getClass().getSimpleName().equals("SpringBootTestAnnotation"))
                .collect(Collectors.toSet());
    }

    @Test
    void the_mock_reset_listener_is_left_out_only_where_no_bean_is_mocked() {
        assertThat(new TestContextManager(AForumTest.class).getTestExecutionListeners())
                .noneMatch(MockitoResetTestExecutionListener.class::isInstance)
                .anyMatch(LogOutAfterEachTest.class::isInstance);
        assertThat(new TestContextManager(ASpringBootTest.class).getTestExecutionListeners())
                .anyMatch(MockitoResetTestExecutionListener.class::isInstance);
        for (Class<?> mocking : new Class<?>[] {WithABeanMock.class, WithABeanSpy.class,
                WithABeanMockOnTheClass.class, Enclosing.Inner.class}) {
            assertThat(new TestContextManager(mocking).getTestExecutionListeners()).as(mocking.getSimpleName())
                    .anyMatch(MockitoResetTestExecutionListener.class::isInstance);
        }
    }
}
