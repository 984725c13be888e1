package org.b2bforum;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points Spring Security's JVM-wide {@link SecurityContextHolder} at the strategy of the Spring
 * context that the next test uses.
 * <p>
 * Vaadin gives each Spring context its own {@code VaadinAwareSecurityContextHolderStrategy} (with its
 * own thread-local) and installs it in the static holder when the context starts. A test run has two
 * contexts (the mock one of the service and view tests, the server of the browser tests), so the one
 * started last would own the static holder: logging in through {@code SecurityContextHolder} (as
 * {@link TestData#logInAs} and browserless tests do) would then be invisible to the other context's
 * method security, and {@code CurrentUser} would see no one. Registered in
 * {@code META-INF/spring.factories}, so it runs for every Spring test.
 */
public class SecurityContextHolderStrategyListener implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        // Before WithSecurityContextTestExecutionListener (10000) sets up @WithUserDetails and friends.
        return 5000;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            ApplicationContext context = testContext.getApplicationContext();
            context.getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifUnique(SecurityContextHolder::setContextHolderStrategy);
        }
    }
}
