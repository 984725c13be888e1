package org.b2bforum.base.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.b2bforum.base.clock.WallClock;
import org.b2bforum.base.web.PublicUrl;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one-time links that an account's owner gets by e-mail (a password reset, an e-mail confirmation): a random token
 * (256 bits, {@link Tokens}) stored only as its SHA-256, working once, until it expires, for an enabled account. The
 * two kinds keep their links in tables of the same shape ({@link Kind}), so that a link of one kind never works as the
 * other. Part of the caller's transaction.
 */
@Component
class OneTimeLinks {

    /** A kind of link: its table and the route that opens it. */
    enum Kind {
        PASSWORD_RESET("password_reset", "reset-password/"),
        EMAIL_CONFIRMATION("email_confirmation", "confirm-email/");

        final String table;
        final String path;

        Kind(String table, String path) {
            this.table = table;
            this.path = path;
        }
    }

    /** A link just made: the whole address to send, and when it stops working. */
    record Issued(String link, Instant expiresAt) {
    }

    /** What a token's row says, if there is one: its account, and whether it was used or has expired. */
    record Found(long accountId, boolean used, boolean expired) {

        boolean usable() {
            return !used && !expired;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final PublicUrl publicUrl;
    private final Clock clock;

    OneTimeLinks(NamedParameterJdbcTemplate jdbc, PublicUrl publicUrl, @WallClock Clock clock) {
        this.jdbc = jdbc;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** A new link for the account, working for {@code validFor}; {@code issuedBy} only for a password reset. */
    Issued issue(Kind kind, long accountId, Duration validFor, Long issuedBy) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(validFor);
        MapSqlParameterSource values = new MapSqlParameterSource("user", accountId)
                .addValue("hash", Tokens.hash(token)).addValue("now", Timestamp.from(now))
                .addValue("expires", Timestamp.from(expires)).addValue("by", issuedBy);
        jdbc.update(kind == Kind.PASSWORD_RESET
                ? "insert into password_reset (user_id, token_hash, created_at, expires_at, issued_by) "
                        + "values (:user, :hash, :now, :expires, :by)"
                : "insert into " + kind.table + " (user_id, token_hash, created_at, expires_at) "
                        + "values (:user, :hash, :now, :expires)", values);
        return new Issued(publicUrl.of(kind.path + token), expires);
    }

    /** The link's row (of an enabled account), or empty for a token that is no link of this kind. */
    Optional<Found> find(Kind kind, String token) {
        return find(kind, token, "");
    }

    /**
     * As {@link #find}, the link's row and its account's locked until the caller's transaction ends: what it says stays
     * true while the caller acts on it (a second click on the link waits here, then finds it used). One read where a
     * look, a claim (an update of the row) and a second look to tell used from expired were three.
     */
    Optional<Found> findLocked(Kind kind, String token) {
        return find(kind, token, " for update");
    }

    private Optional<Found> find(Kind kind, String token, String lock) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        List<Found> found = jdbc.query("select r.user_id, r.used_at is not null used, r.expires_at <= :now expired "
                + "from " + kind.table + " r join app_user u on u.id = r.user_id "
                + "where r.token_hash = :hash and u.enabled" + lock,
                new MapSqlParameterSource("hash", Tokens.hash(token)).addValue("now", Timestamp.from(clock.instant())),
                (rs, row) -> new Found(rs.getLong("user_id"), rs.getBoolean("used"), rs.getBoolean("expired")));
        return found.stream().findFirst();
    }

    /** The account of a link that still works, or empty. */
    Optional<Long> usableAccount(Kind kind, String token) {
        return find(kind, token).filter(Found::usable).map(Found::accountId);
    }

    /** Whether this password reset link was issued by an organizer to pass on, rather than mailed to the address. */
    boolean issuedByOrganizer(String token) {
        return Boolean.TRUE.equals(jdbc.queryForList(
                "select issued_by is not null from password_reset where token_hash = :hash",
                new MapSqlParameterSource("hash", Tokens.hash(token)), Boolean.class).stream().findFirst()
                .orElse(false));
    }

    /** Uses up every other link of the account: once one has worked, the others are worth nothing. */
    void useAll(Kind kind, long accountId) {
        jdbc.update("update " + kind.table + " set used_at = :now where user_id = :user and used_at is null",
                new MapSqlParameterSource("now", Timestamp.from(clock.instant())).addValue("user", accountId));
    }

    /** How many links its owner asked for were made for the account within {@code within}, for its mail limit. */
    int mailedWithin(Kind kind, long accountId, Duration within) {
        Integer mailed = jdbc.queryForObject("select count(*) from " + kind.table
                + " where user_id = :user and created_at > :since"
                + (kind == Kind.PASSWORD_RESET ? " and issued_by is null" : ""),
                new MapSqlParameterSource("user", accountId)
                        .addValue("since", Timestamp.from(clock.instant().minus(within))), Integer.class);
        return mailed == null ? 0 : mailed;
    }
}
