package org.b2bforum.venue;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read model of the check-ins for other features: which delegates have been checked in at the venue. Registration
 * asks it before a company takes delegates off its list (a delegate checked in stays on record); the check-ins are
 * venue's table, so the read is venue's (it was company's {@code Delegates.checkedIn}, reading venue's table from
 * below its dependencies). Not reachable from a view: the caller checks who is asking.
 */
@Component
public class CheckedInDelegates {

    private final NamedParameterJdbcTemplate jdbc;

    CheckedInDelegates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The names of those of these delegates who have been checked in, in their company's list order. */
    @Transactional(readOnly = true)
    public List<String> names(Collection<Long> delegateIds) {
        if (delegateIds.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("""
                select d.full_name from delegate d join delegate_check_in ci on ci.delegate_id = d.id
                where d.id in (:ids) order by d.sort_order""", new MapSqlParameterSource("ids", delegateIds),
                String.class);
    }
}
