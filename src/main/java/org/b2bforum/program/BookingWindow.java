package org.b2bforum.program;

import java.sql.Timestamp;

import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveFeed;
import org.b2bforum.base.security.RecentSessionChecks;
import org.b2bforum.base.security.WishesPhaseOfThisRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The booking window and its rules, one set for the whole forum ({@link BookingSettings}): when companies may
 * book, how many meetings each may have, instant booking and the wishes phase. Set by organizers; anyone logged
 * in may read it. (The booking steps read the row themselves, under their locks: {@code meeting/SlotLedger}.)
 */
@Service
public class BookingWindow {

    private final NamedParameterJdbcTemplate jdbc;
    private final RecentSessionChecks recentChecks;
    private final LiveFeed feed;

    BookingWindow(NamedParameterJdbcTemplate jdbc, RecentSessionChecks recentChecks, LiveFeed feed) {
        this.jdbc = jdbc;
        this.recentChecks = recentChecks;
        this.feed = feed;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public BookingSettings settings() {
        return jdbc.queryForObject("""
                select opens_at, closes_at, meeting_limit, instant_booking, wishes_phase from booking_settings where id = 1""",
                new MapSqlParameterSource(), (rs, i) -> new BookingSettings(
                        rs.getTimestamp("opens_at") == null ? null : rs.getTimestamp("opens_at").toInstant(),
                        rs.getTimestamp("closes_at") == null ? null : rs.getTimestamp("closes_at").toInstant(),
                        rs.getInt("meeting_limit"), rs.getBoolean("instant_booking"), rs.getBoolean("wishes_phase")));
    }

    /**
     * Changes the settings; refused when the limit is not 1..200 or the window closes before it opens. The open request
     * forms hear of it (live updates): opened, a form waiting for the opening becomes usable without a reload.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void update(BookingSettings settings) {
        if (settings.meetingLimit() < 1 || settings.meetingLimit() > 200) {
            throw new InvalidProgramException("program.error.meeting-limit");
        }
        if (settings.opensAt() != null && settings.closesAt() != null && !settings.closesAt().isAfter(settings.opensAt())) {
            throw new InvalidProgramException("program.error.end-before-start");
        }
        jdbc.update("""
                update booking_settings set opens_at = :opens, closes_at = :closes, meeting_limit = :limit,
                       instant_booking = :instant, wishes_phase = :wishes where id = 1""",
                new MapSqlParameterSource("opens", settings.opensAt() == null ? null : Timestamp.from(settings.opensAt()))
                        .addValue("closes", settings.closesAt() == null ? null : Timestamp.from(settings.closesAt()))
                        .addValue("limit", settings.meetingLimit()).addValue("instant", settings.instantBooking())
                        .addValue("wishes", settings.wishesPhase()));
        // the rest of this request reads the phase just set, not the one its session check read
        WishesPhaseOfThisRequest.forget();
        // the session checks of this node kept the phase it had: the next requests read it
        recentChecks.changed();
        feed.everyoneChanged(LiveChange.Kind.BOOKING_WINDOW);
    }
}
