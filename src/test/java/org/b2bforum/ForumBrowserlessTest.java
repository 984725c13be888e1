package org.b2bforum;

import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;

/**
 * The base of the browserless view tests: routes and error views are looked for in the
 * application's own package and Vaadin's router package (its error views, as the running
 * application has them) only. Left to itself, browserless scans the whole class path (Vaadin,
 * Spring, OR-Tools...) once per run, which took 40 s to over a minute of the suite before the
 * first view test could start.
 */
public abstract class ForumBrowserlessTest extends SpringBrowserlessTest {

    @Override
    protected Set<String> scanPackages() {
        return Set.of("org.b2bforum", "com.vaadin.flow.router");
    }
}
