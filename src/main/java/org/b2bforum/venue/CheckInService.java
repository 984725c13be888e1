package org.b2bforum.venue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.text.Texts;
import org.b2bforum.base.text.Transliteration;
import org.b2bforum.company.BadgeCode;
import org.b2bforum.company.RegistrationStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-in at the door: the badge's QR code opens {@code /check-in/{token}}; an organizer or a
 * staff member confirms. At the desk they may also find a person by name or company and check them in. Only they
 * learn whose badge it is: anyone else is refused before the token is even looked up, so a refusal says nothing
 * about the person or whether the token exists.
 * Checking in is idempotent: a second scan answers with the first check-in (when and by whom).
 */
@Service
public class CheckInService {

    /** Tokens are 43 characters (Tokens.newToken()); anything much longer is not one of ours. */
    private static final int MAX_TOKEN = 64;
    /** Letters a desk search needs at least: one letter would list half the forum. */
    public static final int MIN_SEARCH = 2;
    private static final int MAX_WORDS = 6;
    /** How long the member of staff who checked someone in may take it back: a wrong tap is seen at once. */
    public static final Duration UNDO_WITHIN = Duration.ofMinutes(10);

    private static final String HOLDER = """
            select d.id, d.full_name, d.position, c.short_name, c.city, c.status,
                   ci.checked_in_at, ci.checked_in_by, ci.checked_in_by_name
            from delegate d
            join company c on c.id = d.company_id
            left join delegate_check_in ci on ci.delegate_id = d.id
            """;

    private static final String NAME_IN_LATIN = Transliteration.searchFormSql("d.full_name");
    private static final String COMPANY_IN_LATIN = Transliteration.searchFormSql("c.short_name");

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    CheckInService(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Whose badge this is and whether they are checked in; empty for an unknown token. Venue staff only. */
    @PreAuthorize("hasAnyRole('ORGANIZER', 'STAFF')")
    @Transactional(readOnly = true)
    public Optional<BadgeHolder> find(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return holder("where d.check_in_token = :token", new MapSqlParameterSource("token", token), false);
    }

    /**
     * Checks the badge's holder in, once: a second call changes nothing and reports the first
     * check-in. Empty for an unknown token. Venue staff only.
     *
     * @throws VenueRefusedException when the holder's company is no longer approved (its
     *                               registration was withdrawn or rejected)
     */
    @PreAuthorize("hasAnyRole('ORGANIZER', 'STAFF')")
    @Transactional
    public Optional<CheckInResult> checkIn(String token) {
        ForumUser user = currentUser.require();
        if (!plausible(token)) {
            return Optional.empty();
        }
        return admit(holder("where d.check_in_token = :token", new MapSqlParameterSource("token", token), false), user);
    }

    /**
     * The delegates of approved companies whose name or company contains every word of the text (at
     * least {@value #MIN_SEARCH} letters in all), in either script ("Kuznetsov" finds "Кузнецов" and back), by name,
     * at most {@code limit}: the desk finds a person who left the badge at the hotel. Text that reads as a badge's
     * code ({@link BadgeCode#parse}: {@code 7kq-3рх} as {@code 7KQ-3PX}) also finds that badge's holder, listed first:
     * the code under a QR code that will not scan tells two "Иванов А." of one company apart. Staff are logged in and
     * trusted, so codes are not throttled here as on the leads' page; nothing logs a code. Venue staff only.
     */
    @PreAuthorize("hasAnyRole('ORGANIZER', 'STAFF')")
    @Transactional(readOnly = true)
    public List<BadgeHolder> search(String text, int limit) {
        List<String> words = text == null ? List.of()
                : Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).limit(MAX_WORDS).toList();
        if (String.join("", words).length() < MIN_SEARCH) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit)
                .addValue("approved", RegistrationStatus.APPROVED.name());
        Optional<BadgeHolder> byCode = BadgeCode.parse(text).flatMap(code -> holder(
                "where d.badge_code = :code and c.status = :approved",
                new MapSqlParameterSource(params.getValues()).addValue("code", code), false));
        List<BadgeHolder> byName = byName(words, params);
        if (byCode.isEmpty()) {
            return byName;
        }
        List<BadgeHolder> found = new ArrayList<>(List.of(byCode.get()));
        byName.stream().filter(holder -> holder.delegateId() != byCode.get().delegateId()).limit(limit - 1L)
                .forEach(found::add);
        return found;
    }

    private List<BadgeHolder> byName(List<String> words, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("where c.status = :approved");
        for (int i = 0; i < words.size(); i++) {
            // the server's collation (utf8mb4_unicode_ci) ignores case and reads ё as е; a name is also found in the
            // other script, "Kuznetsov" as "Кузнецов" and back, both sides spelled in Latin letters (Transliteration)
            where.append(" and (d.full_name like :w").append(i).append(" or c.short_name like :w").append(i)
                    .append(" or ").append(NAME_IN_LATIN).append(" like :l").append(i)
                    .append(" or ").append(COMPANY_IN_LATIN).append(" like :l").append(i).append(')');
            params.addValue("w" + i, Texts.likeContaining(words.get(i)));
            params.addValue("l" + i, Texts.likeContaining(Transliteration.searchForm(words.get(i))));
        }
        return holders(where + " order by d.full_name, c.short_name, d.id limit :limit", params, false);
    }

    /**
     * Checks a delegate found by {@link #search} in, as a badge's scan does: once, a second call reports
     * the first check-in. Empty for an unknown delegate, or one their company took off its list meanwhile. Venue
     * staff only.
     *
     * @throws VenueRefusedException when the delegate's company is no longer approved
     */
    @PreAuthorize("hasAnyRole('ORGANIZER', 'STAFF')")
    @Transactional
    public Optional<CheckInResult> checkIn(long delegateId) {
        return admit(holder("where d.id = :id", new MapSqlParameterSource("id", delegateId), false),
                currentUser.require());
    }

    /**
     * Whether the person asking may take this check-in back ({@link #undoCheckIn}): they made it, within
     * {@link #UNDO_WITHIN}.
     */
    public boolean mayUndo(CheckIn checkIn) {
        return checkIn != null && currentUser.get().map(ForumUser::id).filter(id -> id == checkIn.byUserId())
                .isPresent() && !checkIn.at().isBefore(clock.instant().minus(UNDO_WITHIN));
    }

    /**
     * Takes back a check-in made by mistake (a tap on the wrong name in the desk's list): only the member of staff who
     * made it, within {@link #UNDO_WITHIN}; later, or someone else's, stays (the person was at the door). Venue staff
     * only.
     *
     * @throws VenueRefusedException when the check-in is not the caller's to take back, or no longer
     */
    @PreAuthorize("hasAnyRole('ORGANIZER', 'STAFF')")
    @Transactional
    public void undoCheckIn(long delegateId) {
        ForumUser user = currentUser.require();
        int removed = jdbc.update("""
                delete from delegate_check_in
                where delegate_id = :delegate and checked_in_by = :user and checked_in_at >= :since""",
                new MapSqlParameterSource("delegate", delegateId).addValue("user", user.id())
                        .addValue("since", Timestamp.from(clock.instant().minus(UNDO_WITHIN))));
        if (removed == 0) {
            throw new VenueRefusedException("check-in-desk.undo-refused");
        }
    }

    private Optional<CheckInResult> admit(Optional<BadgeHolder> badge, ForumUser user) {
        if (badge.isEmpty()) {
            return Optional.empty();
        }
        if (badge.get().withdrawn()) {
            throw new VenueRefusedException("check-in.withdrawn");
        }
        long delegateId = badge.get().delegateId();
        // Two scans at the same moment: the primary key lets one row in, the other insert is ignored.
        int inserted = jdbc.update("""
                insert ignore into delegate_check_in (delegate_id, checked_in_at, checked_in_by, checked_in_by_name)
                values (:delegate, :now, :user, :name)""",
                new MapSqlParameterSource("delegate", delegateId).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("user", user.id()).addValue("name", user.displayName()));
        // a locking read sees the row even when another transaction wrote it after ours began; none when the company
        // took the delegate off its list meanwhile (the insert, refused by the foreign key, was ignored)
        return holder("where d.id = :id", new MapSqlParameterSource("id", delegateId), true)
                .map(holder -> new CheckInResult(holder, inserted == 1));
    }

    /** How many delegates of approved companies are checked in, and how many there are. */
    @PreAuthorize("hasAnyRole('ORGANIZER', 'STAFF')")
    @Transactional(readOnly = true)
    public CheckInCount count() {
        return jdbc.queryForObject("""
                select count(ci.delegate_id) checked_in, count(*) total
                from delegate d join company c on c.id = d.company_id
                left join delegate_check_in ci on ci.delegate_id = d.id
                where c.status = 'APPROVED'""", new MapSqlParameterSource(),
                (rs, i) -> new CheckInCount(rs.getLong("checked_in"), rs.getLong("total")));
    }

    /** Delegates checked in and delegates expected (those of approved companies). */
    public record CheckInCount(long checkedIn, long total) {
    }

    private Optional<BadgeHolder> holder(String where, MapSqlParameterSource params, boolean locking) {
        return holders(where, params, locking).stream().findFirst();
    }

    private List<BadgeHolder> holders(String where, MapSqlParameterSource params, boolean locking) {
        return jdbc.query(HOLDER + where + (locking ? " lock in share mode" : ""), params, (rs, i) -> {
            Timestamp at = rs.getTimestamp("checked_in_at");
            CheckIn checkIn = at == null ? null
                    : new CheckIn(at.toInstant(), rs.getLong("checked_in_by"), rs.getString("checked_in_by_name"));
            return new BadgeHolder(rs.getLong("id"), rs.getString("full_name"), rs.getString("position"),
                    rs.getString("short_name"), rs.getString("city"), checkIn,
                    !RegistrationStatus.APPROVED.name().equals(rs.getString("status")));
        });
    }

    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_TOKEN;
    }
}
