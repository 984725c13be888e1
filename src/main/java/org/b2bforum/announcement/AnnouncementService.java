package org.b2bforum.announcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveFeed;
import org.b2bforum.base.mail.BilingualMail;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.Sector;
import org.b2bforum.messaging.MessageRefusedException;
import org.b2bforum.messaging.MessageText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizer announcements ("hall B moves to the 2nd floor"): to everyone, one city, one sector or
 * the companies meeting in one session. Each reaches the banner for a day at once, and, a moment
 * after it has committed, the companies' notifications and open pages and their e-mail when SMTP is
 * configured (listeners of {@link AnnouncementPublished}).
 */
@Service
public class AnnouncementService {

    /** How long an announcement stays in the banner. */
    static final Duration BANNER_FOR = Duration.ofHours(24);

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SessionAudience sessionAudience;
    private final BilingualMail mail;
    private final LiveFeed liveFeed;

    AnnouncementService(JdbcTemplate jdbc, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock,
            SessionAudience sessionAudience, BilingualMail mail, LiveFeed liveFeed) {
        this.liveFeed = liveFeed;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.sessionAudience = sessionAudience;
        this.mail = mail;
    }

    /**
     * Whom an announcement would reach, before it is sent: the organizer is asked with the real number
     * (one click once sent to every approved company, 503 of them, by e-mail too).
     *
     * @param companies how many companies (their log-ins get a notification; their delegates see the banner)
     * @param byEmail whether the companies' log-ins are e-mailed too (SMTP configured)
     */
    public record Reach(int companies, boolean byEmail) {
    }

    /**
     * How many companies {@link #publish} would reach now with the same arguments; nothing is sent.
     *
     * @throws AnnouncementRefusedException as {@link #publish} would
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public Reach reach(Audience audience, String value, String text) {
        normalized(text);
        return new Reach(recipients(audience, audienceValue(audience, value)).size(), mail.canSend());
    }

    /**
     * Sends an announcement to the audience.
     *
     * @param value the city, the sector's name or the session's id; ignored for {@link Audience#ALL}
     * @return how many companies it reached
     * @throws AnnouncementRefusedException empty, too long or control characters in the text, no
     *         audience value, or nobody in the audience
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public int publish(Audience audience, String value, String text) {
        ForumUser organizer = currentUser.require();
        String body = normalized(text);
        String audienceValue = audienceValue(audience, value);
        List<Long> companies = recipients(audience, audienceValue);
        Instant now = clock.instant();
        jdbc.update("insert into announcement (author_user_id, audience, audience_value, body, created_at)"
                + " values (?, ?, ?, ?, ?)", organizer.id(), audience.name(), audienceValue, body,
                LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        long id = jdbc.queryForObject("select last_insert_id()", Long.class);
        jdbc.batchUpdate("insert into announcement_recipient (announcement_id, company_id) values (?, ?)", companies,
                500, (statement, companyId) -> {
                    statement.setLong(1, id);
                    statement.setLong(2, companyId);
                });
        // the companies' notifications and e-mails: after commit (notification module, AnnouncementMailer)
        events.publishEvent(new AnnouncementPublished(id, body, companies, now));
        return companies.size();
    }

    private static String normalized(String text) {
        try {
            return MessageText.normalized(text);
        } catch (MessageRefusedException e) {
            throw new AnnouncementRefusedException("text", e.messageKey(), e.arguments());
        }
    }

    private static String audienceValue(Audience audience, String value) {
        return audience == Audience.ALL ? null : value == null ? "" : value.strip();
    }

    /** The approved companies of the audience; refused when there is none. */
    private List<Long> recipients(Audience audience, String value) {
        List<Long> companies = audienceCompanies(audience, value);
        if (companies.isEmpty()) {
            throw new AnnouncementRefusedException("audience", "announcements.error.nobody");
        }
        return companies;
    }

    private List<Long> audienceCompanies(Audience audience, String value) {
        if (audience != Audience.ALL && value.isEmpty()) {
            throw new AnnouncementRefusedException("audience", "announcements.error.audience-value");
        }
        return switch (audience) {
            case ALL -> jdbc.queryForList("select id from company where status = 'APPROVED' order by id", Long.class);
            case CITY -> jdbc.queryForList("select id from company where status = 'APPROVED' and city = ? order by id",
                    Long.class, value);
            case SECTOR -> {
                try {
                    Sector.valueOf(value);
                } catch (IllegalArgumentException e) {
                    throw new AnnouncementRefusedException("audience", "announcements.error.audience-value");
                }
                yield jdbc.queryForList("select c.id from company c join company_sector s on s.company_id = c.id"
                        + " where c.status = 'APPROVED' and s.sector = ? order by c.id", Long.class, value);
            }
            case SESSION -> {
                long sessionId;
                try {
                    sessionId = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new AnnouncementRefusedException("audience", "announcements.error.audience-value");
                }
                // the companies with a confirmed meeting in the session: their delegates are the ones there
                yield sessionAudience.companiesMeetingIn(sessionId);
            }
        };
    }

    /** The announcements sent, latest first (organizers). */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<Announcement> recent(int limit) {
        return jdbc.query("""
                select a.id, a.audience, a.audience_value, a.body, a.created_at,
                       (select count(*) from announcement_recipient r where r.announcement_id = a.id)
                from announcement a order by a.id desc limit ?
                """, (rs, row) -> new Announcement(rs.getLong(1), Audience.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), instant(rs.getTimestamp(5)), rs.getInt(6)), limit);
    }

    /**
     * The latest announcement of the last day to the reader's company (any, for organizers). In the caller's
     * transaction or in none: the banner of every page's menu ({@code FrameReads}, issue 17).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<Announcement> latestForMe() {
        ForumUser user = currentUser.require();
        LocalDateTime since = LocalDateTime.ofInstant(clock.instant().minus(BANNER_FOR), ZoneOffset.UTC);
        String select = "select a.id, a.audience, a.audience_value, a.body, a.created_at, 0 from announcement a ";
        // one the reader closed stays closed (ux54)
        String open = " and not exists (select 1 from announcement_dismissal d where d.user_id = " + user.id()
                + " and d.announcement_id = a.id)";
        List<Announcement> found;
        if (user.isOrganizer()) {
            found = jdbc.query(select + "where a.created_at > ?" + open + " order by a.id desc limit 1", this::row, since);
        } else {
            Long companyId = user.companyId() != null ? user.companyId()
                    : user.delegateId() == null ? null
                    : jdbc.queryForList("select company_id from delegate where id = ?", Long.class,
                            user.delegateId()).stream().findFirst().orElse(null);
            if (companyId == null) {
                return Optional.empty();
            }
            found = jdbc.query(select + "join announcement_recipient r on r.announcement_id = a.id"
                    + " where r.company_id = ? and a.created_at > ?" + open + " order by a.id desc limit 1", this::row, companyId,
                    since);
        }
        return found.stream().findFirst();
    }

    /**
     * The reader closes an announcement's banner: it is not shown to them again, on any page, device or later session.
     * Only their own: nothing changes for anyone else. Their other open pages, on any node, are told by a live update
     * of their log-in: the frame reads its banner on a new page only when a live update says it changed (issue 17).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void dismiss(long announcementId) {
        long me = currentUser.require().id();
        // ignore: closed twice (two tabs), or an id that names no announcement (the key refuses it)
        int closed = jdbc.update(
                "insert ignore into announcement_dismissal (user_id, announcement_id, dismissed_at) values (?, ?, ?)",
                me, announcementId, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (closed > 0) {
            liveFeed.usersChanged(List.of(me), LiveChange.Kind.NOTIFICATION);
        }
    }

    /** Cities of approved companies, for the audience choice (organizers). */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<String> cities() {
        return jdbc.queryForList("select distinct city from company where status = 'APPROVED' order by city",
                String.class);
    }

    private Announcement row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Announcement(rs.getLong(1), Audience.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                instant(rs.getTimestamp(5)), rs.getInt(6));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
