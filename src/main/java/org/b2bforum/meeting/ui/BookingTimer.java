package org.b2bforum.meeting.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import com.vaadin.flow.dom.Element;

/**
 * The browser's one timer on the request form (ux89, mend53d): it calls the view's {@code timeUp} a little after
 * booking opens or closes (at most a day ahead). Arming it again clears the one set before, and a call before the
 * armed instant (kept here, on the server) is ignored: a page calling back in a loop sets no timers and reads nothing.
 * Up to a second of jitter: two hundred waiting forms do not all call back in the same instant, and no waiting company
 * sees the form much later than another at a timed opening (the form that shows first may book first).
 */
final class BookingTimer {

    private static final long AFTER_MILLIS = 500;
    private static final long JITTER_MILLIS = 1000;

    private final Element element;
    private final Clock clock;
    private Instant armedFor;

    BookingTimer(Element element, Clock clock) {
        this.element = element;
        this.clock = clock;
    }

    /** The browser to call back a little after {@code when} (none when null); the timer set before cleared. */
    void arm(Instant when) {
        if (when == null) {
            armedFor = null;
            element.executeJs("clearTimeout(this.__bookingTimer)");
            return;
        }
        Instant now = clock.instant();
        long in = Math.min(Duration.between(now, when).toMillis(), Duration.ofDays(1).toMillis());
        long delay = Math.max(0, in) + AFTER_MILLIS + ThreadLocalRandom.current().nextLong(JITTER_MILLIS);
        armedFor = now.plusMillis(delay);
        element.executeJs("clearTimeout(this.__bookingTimer); this.__bookingTimer = setTimeout(() => "
                + "this.$server.timeUp(), $0)", delay);
    }

    /** Whether a call back is due now (once: the caller arms the timer again if it still waits). */
    boolean due() {
        if (armedFor == null || clock.instant().isBefore(armedFor)) {
            return false;
        }
        armedFor = null;
        return true;
    }
}
