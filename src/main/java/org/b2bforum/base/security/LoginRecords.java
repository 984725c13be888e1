package org.b2bforum.base.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.b2bforum.base.clock.WallClock;
import org.b2bforum.base.text.Texts;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The record of log-in attempts, in the database, and the organizers' view of it. */
@Service
public class LoginRecords {

    static final int MAX_EMAIL = 254;
    /** An e-mail address as far as the record cares: the top-level domain in letters (or punycode), not "P@ss.w0rd". */
    private static final Pattern EMAIL_LIKE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.(\\p{L}{2,}|xn--[a-z0-9-]+)",
            Pattern.CASE_INSENSITIVE);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    LoginRecords(NamedParameterJdbcTemplate jdbc, @WallClock Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an attempt with the e-mail as typed (trimmed and capped), whatever happens to the caller. What does not
     * look like an e-mail address is recorded as an empty e-mail, unless it is an account's log-in: every log-in is an
     * e-mail address, and such a value is most often a password typed into the wrong field, which no record may keep
     * and no organizer may read.
     *
     * @return the e-mail as recorded: {@link LoginThrottle} counts an account's failures by it ("" for none)
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    String record(String typedEmail, String address, LoginOutcome outcome) {
        return record(typedEmail, address, outcome, 1);
    }

    /**
     * {@link #record(String, String, LoginOutcome)} for a record that stands for {@code refused} refused attempts
     * (a {@code LOCKED} record, of which {@link LoginThrottle} writes at most one a minute per lock and node).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    String record(String typedEmail, String address, LoginOutcome outcome, int refused) {
        String email = kept(typedEmail);
        jdbc.update("insert into login_attempt (attempted_at, email, address, network, outcome, refused) "
                + "values (:at, :email, :address, :network, :outcome, :refused)", new MapSqlParameterSource("at",
                        Timestamp.from(clock.instant())).addValue("email", email)
                        .addValue("address", ClientAddress.shown(address))
                        .addValue("network", ClientAddress.network(address)).addValue("outcome", outcome.name())
                        .addValue("refused", refused));
        return email;
    }

    /** Whether typed text looks like an e-mail address (not "P@ss.w0rd": a password typed into the wrong field). */
    static boolean looksLikeEmail(String typed) {
        return typed != null && typed.trim().length() <= MAX_EMAIL && EMAIL_LIKE.matcher(typed.trim()).matches();
    }

    private String kept(String typedEmail) {
        String email = typedEmail == null ? "" : typedEmail.trim();
        if (!EMAIL_LIKE.matcher(email).matches() && (email.isEmpty() || email.length() > MAX_EMAIL
                // an account whose log-in does not look like one to the pattern (e.g. "chief@localhost", a top-level
                // domain with digits), whose failures must count against it as any other account's
                || jdbc.queryForList("select 1 from app_user where email = :email",
                        new MapSqlParameterSource("email", AccountService.normalizeEmail(email)), Integer.class)
                        .isEmpty())) {
            return "";
        }
        return email.length() > MAX_EMAIL ? email.substring(0, MAX_EMAIL) : email;
    }

    /**
     * Attempts, newest first, whose e-mail or address contains the text (ignoring case), of one outcome
     * or any (null).
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<LoginAttempt> attempts(String text, LoginOutcome outcome, int offset, int limit) {
        return jdbc.query("select attempted_at, email, address, outcome, refused from login_attempt where " + FILTER
                + " order by attempted_at desc, id desc limit :limit offset :offset",
                filter(text, outcome).addValue("offset", offset).addValue("limit", limit),
                (rs, row) -> new LoginAttempt(rs.getTimestamp("attempted_at").toInstant(), rs.getString("email"),
                        ClientAddress.shown(rs.getString("address")), LoginOutcome.valueOf(rs.getString("outcome")), rs.getInt("refused")));
    }

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public int count(String text, LoginOutcome outcome) {
        return jdbc.queryForObject("select count(*) from login_attempt where " + FILTER, filter(text, outcome),
                Integer.class);
    }

    /** A LIKE pattern for values containing the text, lower-cased; null for no text. */
    static String containsPattern(String text) {
        return text == null || text.isBlank() ? null
                : Texts.likeContaining(text.toLowerCase(Locale.ROOT));
    }

    private static final String FILTER = "(:outcome is null or outcome = :outcome) and (:text is null "
            + "or lower(email) like :text or address like :text)";

    private static MapSqlParameterSource filter(String text, LoginOutcome outcome) {
        return new MapSqlParameterSource("text", containsPattern(text)).addValue("outcome", outcome == null ? null : outcome.name());
    }
}
