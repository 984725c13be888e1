package org.b2bforum.company;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.b2bforum.base.security.Tokens;
import org.b2bforum.company.domain.Delegate;
import org.b2bforum.company.domain.DelegateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(Delegates.class);
    private static final Comparator<BadgeKeys> BY_CODE = Comparator.comparing(BadgeKeys::code);
    /** Draws of a print's new keys before it gives up: a second one is rare already (see {@link #made}). */
    private static final int DRAWS = 5;

    private final DelegateRepository delegates;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private volatile Supplier<String> draw = BadgeCode::newCode;
    /** Rows read or locked by one statement by default: a night's batch reads thousands. */
    static final int CHUNK = 500;
    private volatile int chunk = CHUNK;

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
     * The check-in tokens and badge codes of these delegates: made ({@link Tokens#newToken()}, {@link BadgeCode}) and
     * stored for those that have none yet, the existing ones otherwise, so a badge printed again carries the same QR
     * code and the same code under it. The rows lacking keys are locked (read first: a reprint locks none), so two
     * first prints of one badge agree. In bulk with JDBC:
     * the first print of a night's batch stores thousands of tokens (loading as many entities took 2 s of the
     * 2,000-badge benchmark). A badge whose token was made before the codes (V42) gets its code on its next print.
     * <p>
     * A new code another print holds already, committed or not yet, is refused by the unique key (waiting for that
     * print's end): those badges' keys are drawn again here, within this transaction, so the print goes on. Before, a
     * print drawing a code another print had just drawn failed (a read could not see the other's code before it was
     * committed), and the driver's and the batch's log lines named the code.
     * <p>
     * The locks are taken in one order: the rows lacking keys first, by id, then the new codes, by code. Two prints (or a print
     * and "My badge") that drew each other's codes wait for one another in turn; before, a batch locked its rows chunk
     * by chunk in the print's order (company, name) and wrote each chunk's codes in between, so two prints could each
     * hold what the other waited for, and MariaDB ended one of them (a deadlock: the batch FAILED, the page an error).
     * Codes drawn again come after that order: two prints whose codes were taken meanwhile, drawing each other's new
     * ones at the same moment (rare twice over), could still meet so.
     */
    @Transactional
    public Map<Long, BadgeKeys> ensureBadgeKeys(Collection<Long> delegateIds) {
        Map<Long, BadgeKeys> keys = new HashMap<>();
        // read first, then locked only the rows that lack keys: a reprint, whose rows all have theirs, locks none
        Map<Long, BadgeKeys> missing = stored(delegateIds.stream().distinct().sorted().toList(), keys, false);
        if (!missing.isEmpty()) {
            missing = stored(missing.keySet().stream().sorted().toList(), keys, true);
        }
        for (int draws = 1; !missing.isEmpty(); draws++) {
            if (draws > DRAWS) {
                throw new IllegalStateException("Badge keys drawn " + DRAWS + " times, taken each time");
            }
            // "ignore": a row whose new code is taken keeps none, in place of an error (the driver logs each
            // error with its message, the code in it, and the print's transaction would end). Read back: the
            // driver counts the rows found, not those changed, so an ignored row counts as stored
            jdbc.batchUpdate("update ignore delegate set check_in_token = :token, badge_code = :code where id = :id",
                    made(missing).entrySet().stream().sorted(Map.Entry.comparingByValue(BY_CODE))
                            .map(row -> new MapSqlParameterSource("id", row.getKey())
                                    .addValue("token", row.getValue().checkInToken())
                                    .addValue("code", row.getValue().code()))
                            .toArray(MapSqlParameterSource[]::new));
            missing = stored(missing.keySet().stream().sorted().toList(), keys, true);
            if (!missing.isEmpty()) {
                log.info("A badge key drawn for {} badges was taken meanwhile: drawn again", missing.size());
            }
        }
        return keys;
    }

    /**
     * Reads these delegates' rows (in the order given, a chunk at a time), locking them if {@code lock}; puts their
     * complete keys into {@code keys}, returns those that lack some.
     */
    private Map<Long, BadgeKeys> stored(List<Long> ids, Map<Long, BadgeKeys> keys, boolean lock) {
        Map<Long, BadgeKeys> missing = new HashMap<>();
        String select = "select id, check_in_token, badge_code from delegate where id in (:ids) order by id"
                + (lock ? " for update" : "");
        for (int from = 0; from < ids.size(); from += chunk) {
            jdbc.query(select,
                    new MapSqlParameterSource("ids", ids.subList(from, Math.min(ids.size(), from + chunk))), rs -> {
                        long id = rs.getLong("id");
                        BadgeKeys stored = new BadgeKeys(rs.getString("check_in_token"), rs.getString("badge_code"));
                        (stored.checkInToken() == null || stored.code() == null ? missing : keys).put(id, stored);
                    });
        }
        return missing;
    }

    /**
     * The keys these rows lack, made: a token, a code none of them is given twice (with a few thousand codes among 900
     * million, one already stored is rare; the unique key refuses it, {@link #ensureBadgeKeys} draws again).
     */
    private Map<Long, BadgeKeys> made(Map<Long, BadgeKeys> missing) {
        Map<Long, BadgeKeys> made = new HashMap<>();
        Set<String> drawn = new HashSet<>();
        missing.forEach((id, stored) -> {
            String code = stored.code();
            while (code == null || !drawn.add(code)) {
                code = draw.get();
            }
            made.put(id, new BadgeKeys(stored.checkInToken() == null ? Tokens.newToken() : stored.checkInToken(), code));
        });
        return made;
    }

    /** Draws badge codes with {@code codes} instead of {@link BadgeCode#newCode()}: a test's codes that collide. */
    void drawCodesWith(Supplier<String> codes) {
        draw = codes;
    }

    /** Locks {@code rows} rows a statement: a test's batch of a few rows locked as a night's of thousands is. */
    void lockInChunksOf(int rows) {
        chunk = rows;
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
