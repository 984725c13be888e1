package org.b2bforum;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application on a real port, as the browser journeys and the HTTP checks (the failsafe
 * {@code *IT} classes) need it, with Vaadin's development tools off so pages look as users see
 * them (failsafe runs Vaadin in production mode on the production bundle, pom.xml; run elsewhere, in
 * development mode). One annotation, so that all of them share one cached Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
public @interface RunningServerTest {

    /**
     * Failsafe runs two classes at a time: the classes that set the forum's booking settings (and need them
     * while they run) hold this lock, {@code @ResourceLock(BOOKING_SETTINGS)}.
     */
    String BOOKING_SETTINGS = "booking-settings";
}
