package org.b2bforum;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Logs out after every Spring test method, once the test's own {@code @AfterEach} methods have
 * run (they may still act as someone), so that no test starts as whoever the previous one left
 * logged in. Registered in {@code META-INF/spring.factories}; tests log in with
 * {@link TestData#logInAs} and friends and never log out themselves.
 */
public class LogOutAfterEachTest implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return 5000; // with SecurityContextHolderStrategyListener, which chose the holder this clears
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        SecurityContextHolder.clearContext();
    }
}
