package org.b2bforum.company;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.b2bforum.base.security.Tokens;
import org.b2bforum.company.domain.Delegate;
import org.b2bforum.company.domain.DelegateRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facts about single delegates for the features that act on them (badges, invitations, check-in):
 * their company, their check-in token and their badge role; and the release of those who leave
 * their company's list. Not reachable from a view: the callers check who is asking.
 */
@Component
public class Delegates {

    private static final int CHUNK = 500;

    private final DelegateRepository delegates;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    Delegates(DelegateRepository delegates, NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.delegates = delegates;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The company a delegate belongs to; empty when there is no such delegate. */
    @Transactional(readOnly = true)
    public Optional<Long> companyOf(long delegateId) {
        return delegates.findCompanyIdById(delegateId);
    }

    /**
     * The check-in tokens of these delegates: made with {@link Tokens#newToken()} and stored for those
     * that have none yet, the existing ones otherwise, so a badge printed again carries the same QR
     * code. The rows are locked, so two first prints of one badge agree. In bulk with JDBC: the first
     * print of a night's batch stores thousands of tokens (loading as many entities took 2 s of the
     * 2,000-badge benchmark).
     */
    @Transactional
    public Map<Long, String> ensureCheckInTokens(Collection<Long> delegateIds) {
        Map<Long, String> tokens = new HashMap<>();
        List<Long> ids = new ArrayList<>(delegateIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<MapSqlParameterSource> missing = new ArrayList<>();
            jdbc.query("select id, check_in_token from delegate where id in (:ids) for update",
                    new MapSqlParameterSource("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))), rs -> {
                        long id = rs.getLong("id");
                        String token = rs.getString("check_in_token");
                        if (token == null) {
                            token = Tokens.newToken();
                            missing.add(new MapSqlParameterSource("id", id).addValue("token", token));
                        }
                        tokens.put(id, token);
                    });
            if (!missing.isEmpty()) {
                jdbc.batchUpdate("update delegate set check_in_token = :token where id = :id",
                        missing.toArray(MapSqlParameterSource[]::new));
            }
        }
        return tokens;
    }

    /** The delegate whose badge carries this check-in token. */
    @Transactional(readOnly = true)
    public Optional<Long> byCheckInToken(String token) {
        return token == null || token.isBlank() ? Optional.empty() : delegates.findIdByCheckInToken(token);
    }

    /**
     * Frees delegates who leave their company's list, before their rows are deleted: each feature that
     * keeps rows about them (program sign-ups, places in meeting requests, calendar links, invitations,
     * log-ins with their notifications) deletes its own on {@link DelegatesReleased}, in this transaction,
     * so nothing of theirs stays usable by anyone. The caller has refused delegates with confirmed
     * meetings or a check-in, which stay on record.
     */
    @Transactional
    public void release(Collection<Long> delegateIds) {
        if (!delegateIds.isEmpty()) {
            events.publishEvent(new DelegatesReleased(Set.copyOf(delegateIds)));
        }
    }

    /**
     * Sets the role printed on the delegate's badge; the caller has checked that an organizer asks. One statement, not
     * the entity: a delegate their company removes meanwhile (a removal not yet committed is waited for) is found gone.
     *
     * @return false when the delegate is no longer there (removed by their company meanwhile)
     */
    @Transactional
    public boolean setBadgeRole(long delegateId, BadgeRole role) {
        return jdbc.update("update delegate set badge_role = :role where id = :id",
                new MapSqlParameterSource("role", role.name()).addValue("id", delegateId)) > 0;
    }
}
