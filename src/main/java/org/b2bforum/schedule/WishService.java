package org.b2bforum.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.WishesPhaseOfThisRequest;
import org.b2bforum.base.text.Texts;
import org.b2bforum.company.ForumAccess;
import org.b2bforum.company.WishesPhase;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meeting wishes of the wishes phase: an approved company lists the approved companies it wants to
 * meet, each with a priority, and the scheduler turns them into meetings (a pair wished by both is
 * one meeting). A company sees and changes only its own wishes; organizers see all of them.
 * Wishes change only while the organizers collect them (the wishes phase of the booking settings).
 */
@Service
public class WishService implements WishesPhase {

    private static final String SELECT = """
            select w.id, w.company_id, a.short_name company_name, w.target_company_id, b.short_name target_name,
                   b.city target_city, w.priority, w.created_at
            from meeting_wish w
            join company a on a.id = w.company_id
            join company b on b.id = w.target_company_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final ForumAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;

    WishService(NamedParameterJdbcTemplate jdbc, ForumAccess access, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Adds an approved company to the logged-in company's wishes, or changes the priority of the
     * wish it has already.
     *
     * @throws ScheduleRefusedException for oneself, a company not (or no longer) approved, or
     *         outside the wishes phase
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional
    public void wish(long targetId, WishPriority priority) {
        long me = access.requireApprovedCompany();
        if (targetId == me) {
            throw new ScheduleRefusedException("wish.error.self");
        }
        if (!access.isApproved(targetId)) {
            throw new ScheduleRefusedException("wish.error.not-approved");
        }
        requirePhase();
        jdbc.update("""
                insert into meeting_wish (company_id, target_company_id, priority, created_at)
                values (:me, :target, :priority, :now)
                on duplicate key update priority = :priority""",
                new MapSqlParameterSource("me", me).addValue("target", targetId)
                        .addValue("priority", (priority == null ? WishPriority.NICE : priority).name())
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    /** Removes a company from the logged-in company's wishes (nothing happens if it is not there). */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional
    public void remove(long targetId) {
        long me = access.requireApprovedCompany();
        requirePhase();
        jdbc.update("delete from meeting_wish where company_id = :me and target_company_id = :target",
                new MapSqlParameterSource("me", me).addValue("target", targetId));
    }

    /** The logged-in company's wishes, must-meet first, then in the order they were made. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<Wish> myWishes() {
        return jdbc.query(SELECT + " where w.company_id = :me order by w.priority = 'NICE', w.created_at, w.id",
                new MapSqlParameterSource("me", currentUser.requireCompanyId()), WishService::wish);
    }

    /**
     * Approved companies the logged-in company has not wished for yet, whose name contains
     * {@code filter}, by name: for a lazily loaded choice.
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<WishCandidate> candidates(String filter, int offset, int limit) {
        long me = access.requireApprovedCompany();
        return jdbc.query("""
                select c.id, c.short_name, c.city from company c
                where c.status = 'APPROVED' and c.id <> :me and c.short_name like :filter
                  and not exists (select 1 from meeting_wish w where w.company_id = :me and w.target_company_id = c.id)
                order by c.short_name, c.id limit :limit offset :offset""",
                new MapSqlParameterSource("me", me).addValue("filter", Texts.likeContaining(filter))
                        .addValue("limit", Math.max(0, limit)).addValue("offset", Math.max(0, offset)),
                (rs, i) -> new WishCandidate(rs.getLong("id"), rs.getString("short_name"), rs.getString("city")));
    }

    /** One company the logged-in company may add to its wishes (approved, not itself), by id. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public Optional<WishCandidate> candidate(long companyId) {
        long me = access.requireApprovedCompany();
        return jdbc.query("select id, short_name, city from company where id = :id and id <> :me and status = 'APPROVED'",
                new MapSqlParameterSource("id", companyId).addValue("me", me),
                (rs, i) -> new WishCandidate(rs.getLong("id"), rs.getString("short_name"), rs.getString("city")))
                .stream().findFirst();
    }

    /** Every company's wishes, for the organizers: a page of them by company and priority. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<Wish> allWishes(int offset, int limit) {
        return jdbc.query(SELECT + " order by a.short_name, w.company_id, w.priority = 'NICE', w.created_at, w.id"
                        + " limit :limit offset :offset",
                new MapSqlParameterSource("limit", Math.max(0, limit)).addValue("offset", Math.max(0, offset)),
                WishService::wish);
    }

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public int countAll() {
        return jdbc.queryForObject("select count(*) from meeting_wish", new MapSqlParameterSource(), Integer.class);
    }

    /**
     * Whether the organizers collect wishes now: then companies add wishes and book no slots. In an HTTP request,
     * as its session check read it ({@link WishesPhaseOfThisRequest}): the directory asks each time it opens, and it was
     * a statement of its own in each opening at the booking rush (bench/README.md, issue 17). Elsewhere (a live update,
     * a job) one statement, in the caller's transaction or in none: a transaction of its own added a
     * {@code set autocommit} pair and a commit to it.
     */
    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public boolean collectingWishes() {
        return WishesPhaseOfThisRequest.read().orElseGet(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select wishes_phase from booking_settings where id = 1", new MapSqlParameterSource(), Boolean.class)));
    }

    private void requirePhase() {
        if (!collectingWishes()) {
            throw new ScheduleRefusedException("wish.error.closed");
        }
    }

    private static Wish wish(ResultSet rs, int row) throws SQLException {
        return new Wish(rs.getLong("id"), rs.getLong("company_id"), rs.getString("company_name"),
                rs.getLong("target_company_id"), rs.getString("target_name"), rs.getString("target_city"),
                WishPriority.valueOf(rs.getString("priority")), rs.getTimestamp("created_at").toInstant());
    }
}
