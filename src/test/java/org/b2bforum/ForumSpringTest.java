package org.b2bforum;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The service and view tests' Spring context: {@code @SpringBootTest} with its defaults (the application on a mock
 * servlet environment, one context cached for every class that declares this and nothing else), bootstrapped by
 * {@link ForumTestContextBootstrapper}, which names the application class instead of searching the test's packages
 * for it and leaves out Spring's walk of every bean for Mockito mocks where the class has no bean mock. A class that
 * needs settings of its own adds them ({@code @DynamicPropertySource}, {@code @TestPropertySource}) and gets a context
 * of its own, as with {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(ForumTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface ForumSpringTest {
}
