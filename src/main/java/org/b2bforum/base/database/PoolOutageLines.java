package org.b2bforum.base.database;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * What the connection pool and Hibernate write at every try while the database is away, as one line for each.
 * <p>
 * The connection pool's "Pool is empty, failed to create/setup connection" while the database is away, as one line
 * when it goes and one when the pool connects again ({@link OutageLog}), instead of Hikari's warning with the driver's
 * whole stack trace once a minute for as long as the outage lasts (seen with the embedded MariaDB killed, review49).
 * Hikari says so only from code (PoolBase, after a minute without a connection), so its line is taken at Logback's
 * turbo filter, before any appender; the pool's "Established new connection" (a debug line, which the filter sees at
 * any level) tells that it answers again: of a pool that failed to connect since its last new connection, or of any
 * pool while none has failed. Another pool's routine new connection (a connection renewed by a pool of another database
 * in the same JVM, as the tests' shared contexts' beside an outage test's pool) says nothing of the database that went
 * away (stab49: PoolOutageLinesTest's pool said "back" while its database was still killed, at load ~50). A failure
 * that is not the database away (a wrong password) is logged as Hikari does.
 * <p>
 * Hibernate's "HHH000247: ErrorCode: 0, SQLState: 08000" and the driver's message after it, two warnings at every
 * transaction that meets the database away (review49), likewise: one line when they begin, one when the pool connects
 * again. Any other SQL state (a deadlock, a duplicate key) is logged as Hibernate does.
 * <p>
 * Spring Boot's health check of the database, which {@code /actuator/health/readiness} asks, likewise: its "DataSource
 * health check failed" came with the whole stack trace (about 160 lines) at every probe of a load balancer for as long
 * as the database was away or frozen (review58, bench/README.md); now one line when readiness goes down for it and one
 * when the pool connects again. Readiness says DOWN all the same.
 */
@Component
class PoolOutageLines extends TurboFilter {

    static final String POOL_LOGGER = "com.zaxxer.hikari.pool.PoolBase";
    /** Where Hikari says a pool was closed ("{} - Shutdown completed."). */
    static final String DATA_SOURCE_LOGGER = "com.zaxxer.hikari.HikariDataSource";
    /** Hibernate's {@code SQLExceptionLogging.ERROR_NAME}. */
    static final String HIBERNATE_LOGGER = "org.hibernate.orm.jdbc.error";
    /** Spring Boot's health check of the database (readiness). */
    static final String HEALTH_LOGGER = "org.springframework.boot.jdbc.health.DataSourceHealthIndicator";
    private static final String SQL_STATE = "SQLState: ";

    private final OutageLog outage = new OutageLog(LoggerFactory.getLogger(PoolOutageLines.class),
            "Database connection pool");
    private final OutageLog statements = new OutageLog(LoggerFactory.getLogger(PoolOutageLines.class),
            "Database statements");
    private final OutageLog readiness = new OutageLog(LoggerFactory.getLogger(PoolOutageLines.class),
            "Readiness (the database's health check)");
    /**
     * The pools (Hikari's pool names, the first argument of its lines) that failed to connect since they last did, and
     * are still open.
     */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    /** Hibernate's line of a failure's SQL state was held back on this thread: its message, which follows, is too. */
    private final ThreadLocal<Boolean> messageHeldBack = new ThreadLocal<>();

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (format != null && HIBERNATE_LOGGER.equals(logger.getName())) {
            return hibernate(format);
        }
        if (t != null && HEALTH_LOGGER.equals(logger.getName())) {
            return readiness.away(t) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
        if (format != null && DATA_SOURCE_LOGGER.equals(logger.getName())) {
            closed(format, params);
            return FilterReply.NEUTRAL;
        }
        if (format == null || !POOL_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        if (format.contains("Failed to create/setup connection")) {
            failing(params);
            return FilterReply.NEUTRAL;
        }
        if (format.contains("Pool is empty")) {
            failing(params);
            Throwable failure = t != null ? t
                    : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last
                    : null;
            return failure != null && outage.away(failure) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
        if (format.contains("Established new connection")
                && (params != null && params.length > 0 && failing.remove(String.valueOf(params[0]))
                        || failing.isEmpty())) {
            outage.answered();
            statements.answered();
            readiness.answered();
        }
        return FilterReply.NEUTRAL;
    }

    /**
     * A pool closed is forgotten (ops4): one that failed for good and was then closed (a test's pool, a pool recreated)
     * stayed among the failing for the process's life, a name more for every such pool, and while it stayed no other
     * pool's new connection said "answers again" for an outage only Hibernate or readiness had met (those come without
     * a pool's name).
     */
    private void closed(String format, Object[] params) {
        if (format.contains("Shutdown completed") && params != null && params.length > 0 && params[0] != null) {
            failing.remove(String.valueOf(params[0]));
        }
    }

    /** The pools counted as failing to connect (tests). */
    int failingPools() {
        return failing.size();
    }

    private void failing(Object[] params) {
        if (params != null && params.length > 0 && params[0] != null) {
            failing.add(String.valueOf(params[0]));
        }
    }

    /** Hibernate logs a failure in two lines, its codes then its message: both held back when it is the database away. */
    private FilterReply hibernate(String line) {
        if (Boolean.TRUE.equals(messageHeldBack.get())) {
            messageHeldBack.remove();
            return FilterReply.DENY;
        }
        int at = line.indexOf(SQL_STATE);
        if (at < 0) {
            return FilterReply.NEUTRAL;
        }
        String state = line.substring(at + SQL_STATE.length()).trim();
        if (statements.away(new SQLException(line, state))) {
            messageHeldBack.set(true);
            return FilterReply.DENY;
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
