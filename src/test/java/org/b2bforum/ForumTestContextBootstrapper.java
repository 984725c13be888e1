package org.b2bforum;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTestContextBootstrapper;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoBeans;
import org.springframework.test.context.bean.override.mockito.MockitoResetTestExecutionListener;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBeans;

/**
 * Spring Boot's test bootstrapper as {@code @SpringBootTest} uses it, for {@link ForumSpringTest}, less two costs
 * that every test class and test method paid for nothing (bench/README.md, run-suite, stop 36):
 * <ul>
 * <li>the search for the {@code @SpringBootConfiguration}: Spring Boot scans the test's package, then each parent
 * package, each scan reading every class file below it (at {@code org.b2bforum}: all of them) once per test package;
 * here the application class is named.</li>
 * <li>{@link MockitoResetTestExecutionListener}, which before and after every test method looks up every bean of the
 * context to reset the ones that are Mockito mocks: the tests mock plain objects ({@code mock}, {@code spy} of a
 * local object) and no bean, so it is left out unless the test class declares a bean mock
 * ({@code @MockitoBean}, {@code @MockitoSpyBean}). A mock made a bean by hand with {@code MockReset} settings would
 * not be reset either: there is none.</li>
 * </ul>
 * Everything else (the mock servlet environment, the context cache key, the other listeners) is
 * {@code @SpringBootTest}'s own with its defaults.
 */
public class ForumTestContextBootstrapper extends SpringBootTestContextBootstrapper {

    private static final SpringBootTest DEFAULTS = MergedAnnotation.of(SpringBootTest.class).synthesize();

    @Override
    protected SpringBootTest getAnnotation(Class<?> testClass) {
        SpringBootTest declared = super.getAnnotation(testClass);
        return declared != null ? declared : DEFAULTS;
    }

    /** The property by which Spring Boot tells its bootstrappers' contexts apart: {@code @SpringBootTest}'s. */
    @Override
    protected String getDifferentiatorPropertySourceProperty() {
        return SpringBootTestContextBootstrapper.class.getName() + "=true";
    }

    @Override
    protected Class<?>[] getOrFindConfigurationClasses(MergedContextConfiguration mergedConfig) {
        if (mergedConfig.getClasses().length == 0 && !mergedConfig.hasLocations()) {
            return new Class<?>[] {Application.class};
        }
        return super.getOrFindConfigurationClasses(mergedConfig);
    }

    @Override
    protected List<TestExecutionListener> getDefaultTestExecutionListeners() {
        List<TestExecutionListener> listeners = super.getDefaultTestExecutionListeners();
        if (hasBeanMocks(getBootstrapContext().getTestClass())) {
            return listeners;
        }
        return listeners.stream().filter(listener -> !(listener instanceof MockitoResetTestExecutionListener)).toList();
    }

    /** A bean mock declared on the class or its superclasses, or (for {@code @Nested} classes) the enclosing ones'. */
    static boolean hasBeanMocks(Class<?> testClass) {
        for (Class<?> declaring = testClass; declaring != null; declaring = declaring.getEnclosingClass()) {
            for (Class<?> type = declaring; type != null && type != Object.class; type = type.getSuperclass()) {
                if (mocks(MergedAnnotations.from(type))
                        || Arrays.stream(type.getDeclaredFields()).anyMatch(field -> mocks(MergedAnnotations.from(field)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mocks(MergedAnnotations annotations) {
        return annotations.stream().map(MergedAnnotation::getType)
                .anyMatch(ForumTestContextBootstrapper::isMockAnnotation);
    }

    private static boolean isMockAnnotation(Class<? extends Annotation> type) {
        return type == MockitoBean.class || type == MockitoSpyBean.class
                || type == MockitoBeans.class || type == MockitoSpyBeans.class;
    }
}
