package org.b2bforum.company;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
     * The check-in tokens of these delegates, as {@link #ensureBadgeKeys} makes and keeps them.
     */
    @Transactional
    public Map<Long, String> ensureCheckInTokens(Collection<Long> delegateIds) {
        Map<Long, String> tokens = new HashMap<>();
        ensureBadgeKeys(delegateIds).forEach((id, keys) -> tokens.put(id, keys.checkInToken()));
        return tokens;
    }

    /**
     * The check-in tokens and badge codes of these delegates: made ({@link Tokens#newToken()}, {@link BadgeCode}) and
     * stored for those that have none yet, the existing ones otherwise, so a badge printed again carries the same QR
     * code and the same code under it. The rows are locked, so two first prints of one badge agree. In bulk with JDBC:
     * the first print of a night's batch stores thousands of tokens (loading as many entities took 2 s of the
     * 2,000-badge benchmark). A badge whose token was made before the codes (V42) gets its code on its next print.
     */
    @Transactional
    public Map<Long, BadgeKeys> ensureBadgeKeys(Collection<Long> delegateIds) {
        Map<Long, BadgeKeys> keys = new HashMap<>();
        List<Long> ids = new ArrayList<>(delegateIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            Map<Long, BadgeKeys> missing = new HashMap<>();
            jdbc.query("select id, check_in_token, badge_code from delegate where id in (:ids) for update",
                    new MapSqlParameterSource("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))), rs -> {
                        long id = rs.getLong("id");
                        BadgeKeys stored = new BadgeKeys(rs.getString("check_in_token"), rs.getString("badge_code"));
                        if (stored.checkInToken() == null || stored.code() == null) {
                            missing.put(id, stored);
                        } else {
                            keys.put(id, stored);
                        }
                    });
            if (!missing.isEmpty()) {
                Map<Long, String> codes = newCodes(missing.keySet().stream().filter(id -> missing.get(id).code() == null)
                        .toList());
                List<MapSqlParameterSource> updates = new ArrayList<>();
                missing.forEach((id, stored) -> {
                    BadgeKeys made = new BadgeKeys(stored.checkInToken() == null ? Tokens.newToken()
                            : stored.checkInToken(), stored.code() == null ? codes.get(id) : stored.code());
                    keys.put(id, made);
                    updates.add(new MapSqlParameterSource("id", id).addValue("token", made.checkInToken())
                            .addValue("code", made.code()));
                });
                jdbc.batchUpdate("update delegate set check_in_token = :token, badge_code = :code where id = :id",
                        updates.toArray(MapSqlParameterSource[]::new));
            }
        }
        return keys;
    }

    /**
     * A new badge code for each of these delegates, none of them stored already nor given twice here: drawn again
     * until so (with a few thousand codes among 900 million, a draw again is rare). Two transactions drawing the same
     * new code at once is rarer still; the unique key refuses the second, whose print then fails once.
     */
    private Map<Long, String> newCodes(List<Long> ids) {
        Map<Long, String> codes = new HashMap<>();
        List<Long> toDraw = new ArrayList<>(ids);
        while (!toDraw.isEmpty()) {
            Set<String> drawn = new HashSet<>(codes.values());
            for (Long id : toDraw) {
                String code = BadgeCode.newCode();
                while (!drawn.add(code)) {
                    code = BadgeCode.newCode();
                }
                codes.put(id, code);
            }
            Set<String> taken = Set.copyOf(jdbc.queryForList("select badge_code from delegate where badge_code in (:codes)",
                    new MapSqlParameterSource("codes", toDraw.stream().map(codes::get).toList()), String.class));
            toDraw = toDraw.stream().filter(id -> taken.contains(codes.get(id))).toList();
        }
        return codes;
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
