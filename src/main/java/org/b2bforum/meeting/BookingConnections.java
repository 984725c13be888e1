package org.b2bforum.meeting;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The booking steps' own connections ({@code b2bforum.booking.own-connections}, true by default since issue 17's
 * stop 43; first for a Galera cluster: docs/cluster.md): a small pool on the application's database whose connections stay in manual commit. On the
 * application's pool (autocommit on, as Hibernate and every read outside a transaction want it) Spring's JDBC
 * transaction sets autocommit off before each step and on again after it: two round trips per booking, a fifth of
 * a booking attempt's round trips on a cluster node (bench/README.md, issue 18), and on a single node one of the four
 * round trips of a booking's turn at the booking window's rush (issue 17). Here a step is its statements and its
 * commit or rollback, nothing else.
 * <p>
 * The booking code reads and writes through the application's {@code JdbcTemplate} (the application's data
 * source): this data source stands for the application's ({@link InfrastructureProxy}), so the transaction binds
 * its connection where that template looks for it, and every statement of a step runs on the step's connection.
 * The look before the step and everything outside the booking steps stay on the application's pool.
 */
final class BookingConnections extends DelegatingDataSource implements InfrastructureProxy, AutoCloseable {

    private final DataSource application;

    private BookingConnections(HikariDataSource own, DataSource application) {
        super(own);
        this.application = application;
    }

    /**
     * A pool as the application's (same URL, account, driver settings and time-outs), in manual commit, with a
     * connection for each of the {@code writers} turns and two for the steps that have given their turn back at
     * commit and are still handing their connection back.
     * <p>
     * With a meter registry its {@code hikaricp_*} meters are registered beside the application pool's (tag
     * {@code pool="<application pool>-booking"}): Spring Boot binds the pools of its {@code DataSource} beans only,
     * and this one is none, so until ops5 an operator watching the pools at the booking window's rush saw the
     * application's alone.
     */
    static BookingConnections of(DataSource application, int writers, MeterRegistry meters) {
        HikariDataSource pool;
        try {
            pool = application.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("b2bforum.booking.own-connections needs the application's Hikari pool, not "
                    + application.getClass().getName(), e);
        }
        HikariConfig config = new HikariConfig();
        pool.copyStateTo(config);
        config.setPoolName(pool.getPoolName() + "-booking");
        config.setAutoCommit(false);
        config.setMaximumPoolSize(writers + 2);
        config.setMinimumIdle(writers + 2);
        // copyStateTo copied the application pool's tracker if Boot had bound it already (a context's second
        // TransactionRetry, the tests'); Hikari refuses a tracker beside a Dropwizard registry, left as copied
        if (config.getMetricRegistry() == null) {
            config.setMetricsTrackerFactory(meters == null ? null : new MicrometerMetricsTrackerFactory(meters));
        }
        return new BookingConnections(new HikariDataSource(config), application);
    }

    /** The application's data source: the key under which a step's connection is bound to its thread. */
    @Override
    public Object getWrappedObject() {
        return application;
    }

    @Override
    public void close() {
        ((HikariDataSource) obtainTargetDataSource()).close();
    }
}
