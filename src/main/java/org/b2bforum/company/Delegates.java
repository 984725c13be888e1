package org.b2bforum.company;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.b2bforum.base.security.Tokens;
import org.b2bforum.company.domain.Delegate;
import org.b2bforum.company.domain.DelegateRepository;
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

    Delegates(DelegateRepository delegates, NamedParameterJdbcTemplate jdbc) {
        this.delegates = delegates;
        this.jdbc = jdbc;
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

    /** The names of those of these delegates who have been checked in at the venue. */
    @Transactional(readOnly = true)
    public List<String> checkedIn(Collection<Long> delegateIds) {
        if (delegateIds.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("""
                select d.full_name from delegate d join delegate_check_in ci on ci.delegate_id = d.id
                where d.id in (:ids) order by d.sort_order""", new MapSqlParameterSource("ids", delegateIds),
                String.class);
    }

    /**
     * Frees delegates who leave their company's list, before their rows are deleted: their program
     * sign-ups, their places in meeting requests, their calendar link, their invitation and their
     * log-in (with its notifications) go, so nothing of theirs stays usable by anyone. The caller
     * has refused delegates with confirmed meetings or a check-in, which stay on record.
     */
    @Transactional
    public void release(Collection<Long> delegateIds) {
        if (delegateIds.isEmpty()) {
            return;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", delegateIds);
        jdbc.update("delete from program_item_attendee where delegate_id in (:ids)", ids);
        jdbc.update("delete from meeting_delegate where delegate_id in (:ids)", ids);
        jdbc.update("delete from delegate_slot_booking where delegate_id in (:ids)", ids);
        jdbc.update("delete from calendar_feed where delegate_id in (:ids)", ids);
        jdbc.update("delete from delegate_invitation where delegate_id in (:ids)", ids);
        jdbc.update("delete from notification where user_id in (select id from app_user where delegate_id in (:ids))",
                ids);
        jdbc.update("delete from app_user where delegate_id in (:ids)", ids);
    }

    /** Sets the role printed on the delegate's badge; the caller has checked that an organizer asks. */
    @Transactional
    public void setBadgeRole(long delegateId, BadgeRole role) {
        delegates.findById(delegateId).orElseThrow(() -> new IllegalArgumentException("No delegate " + delegateId))
                .setBadgeRole(role);
    }
}
