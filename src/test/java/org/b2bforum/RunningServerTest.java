package org.b2bforum;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.b2bforum.program.BookingSettings;
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
     * Failsafe runs several classes at a time: the classes that set the forum's booking settings (one row for
     * the whole forum) and need them while they run hold this lock. Those that set {@link #BOOKING_OPEN_BY_HAND}
     * share it ({@code @ResourceLock(value = BOOKING_SETTINGS, mode = READ)}: each writes the same values, so none
     * changes what the others need; the three journeys that book ran one after another, 10 s at the end of
     * failsafe's run with one core idle); a class that needs other settings would hold it alone
     * ({@code mode = READ_WRITE}, the default).
     */
    String BOOKING_SETTINGS = "booking-settings";

    /** Booking open, no window, requests answered by hand, a generous limit: what the journeys that book need. */
    BookingSettings BOOKING_OPEN_BY_HAND = new BookingSettings(null, null, 50, false);
}
