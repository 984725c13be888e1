package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.vaadin.flow.server.InitParameters;

/**
 * The README's run command gives a first look without Vaadin's development tools: their popup covered the
 * header's language switch and log-out on a phone. (Browserless, to share the view tests' application.)
 */
@ForumSpringTest
class DefaultRunTest extends ForumBrowserlessTest {

    @Autowired
    Environment environment;

    @Test
    void the_default_run_has_the_development_tools_switched_off() {
        assertThat(environment.getProperty("vaadin." + InitParameters.SERVLET_PARAMETER_DEVMODE_ENABLE_DEV_TOOLS,
                Boolean.class)).isFalse();
    }
}
