package org.b2bforum.base.database;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The connection pool's "Pool is empty, failed to create/setup connection" while the database is away, as one line
 * when it goes and one when the pool connects again ({@link OutageLog}), instead of Hikari's warning with the driver's
 * whole stack trace once a minute for as long as the outage lasts (seen with the embedded MariaDB killed, review49).
 * Hikari says so only from code (PoolBase, after a minute without a connection), so its line is taken at Logback's
 * turbo filter, before any appender; the pool's "Established new connection" (a debug line, which the filter sees at
 * any level) tells that it answers again. A failure that is not the database away (a wrong password) is logged as
 * Hikari does.
 */
@Component
class PoolOutageLines extends TurboFilter {

    static final String POOL_LOGGER = "com.zaxxer.hikari.pool.PoolBase";

    private final OutageLog outage = new OutageLog(LoggerFactory.getLogger(PoolOutageLines.class),
            "Database connection pool");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (format == null || !POOL_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        if (format.contains("Pool is empty")) {
            Throwable failure = t != null ? t
                    : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last
                    : null;
            return failure != null && outage.away(failure) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
        if (format.contains("Established new connection")) {
            outage.answered();
        }
        return FilterReply.NEUTRAL;
    }

    @PostConstruct
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            setName("pool-outage-lines");
            start();
            logback.addTurboFilter(this);
        }
    }

    @PreDestroy
    void uninstall() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getTurboFilterList().remove(this);
        }
    }
}
