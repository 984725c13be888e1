package org.b2bforum.base.live;

import java.util.Collection;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the change feed that {@link LiveUpdates} on every node reads. Part of the caller's
 * transaction: a change that rolls back is never announced.
 */
@Component
public class LiveFeed {

    private final NamedParameterJdbcTemplate jdbc;

    LiveFeed(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@link #companiesChanged} as one plain SQL statement (ids and the kind's name only), for a caller that sends it
     * to the database among its own statements in one round trip; it must run it in its transaction.
     */
    public static String companiesChangedStatement(Collection<Long> companyIds, LiveChange.Kind kind) {
        if (companyIds.isEmpty()) {
            throw new IllegalArgumentException("No company to tell");
        }
        StringBuilder rows = new StringBuilder("insert into live_change (company_id, kind) values ");
        int i = 0;
        for (long companyId : companyIds) {
            rows.append(i++ == 0 ? "" : ", ").append('(').append(companyId).append(", '").append(kind.name()).append("')");
        }
        return rows.toString();
    }

    /** Tells the open pages of these companies (their representatives and delegates) that something changed. */
    public void companiesChanged(Collection<Long> companyIds, LiveChange.Kind kind) {
        if (companyIds.isEmpty()) {
            return;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("kind", kind.name());
        StringBuilder rows = new StringBuilder();
        int i = 0;
        for (long companyId : companyIds) {
            rows.append(i == 0 ? "" : ", ").append("(:c").append(i).append(", :kind)");
            params.addValue("c" + i++, companyId);
        }
        jdbc.update("insert into live_change (company_id, kind) values " + rows, params);
    }

    /** Tells the open pages of these log-ins (organizers, staff) that something changed. */
    public void usersChanged(Collection<Long> userIds, LiveChange.Kind kind) {
        if (userIds.isEmpty()) {
            return;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("kind", kind.name());
        StringBuilder rows = new StringBuilder();
        int i = 0;
        for (long userId : userIds) {
            rows.append(i == 0 ? "" : ", ").append("(:u").append(i).append(", :kind)");
            params.addValue("u" + i++, userId);
        }
        jdbc.update("insert into live_change (user_id, kind) values " + rows, params);
    }

    /** Tells every open page that listens to changes for everyone ({@link LiveUpdates#whileAttachedForEveryone}). */
    public void everyoneChanged(LiveChange.Kind kind) {
        jdbc.update("insert into live_change (kind) values (:kind)", new MapSqlParameterSource("kind", kind.name()));
    }
}
