package org.b2bforum.program;

import static org.b2bforum.base.text.Texts.singleLine;
import static org.b2bforum.program.ProgramWrites.dayOf;
import static org.b2bforum.program.ProgramWrites.english;
import static org.b2bforum.program.ProgramWrites.insert;
import static org.b2bforum.program.ProgramWrites.place;
import static org.b2bforum.program.ProgramWrites.refuseIfAny;
import static org.b2bforum.program.ProgramWrites.text;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.i18n.MeetingLine;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.ForumAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program items (plenaries, round tables, presentations), which organizers set up, and the delegates signed up
 * for them: organizers sign up anyone, a company only its own delegates, and a sign-up that collides with a
 * confirmed meeting is refused with the meetings. Anyone logged in may read the items.
 */
@Service
public class ProgramItems {

    private static final DateTimeFormatter ITEM_DAY = DateTimeFormatter.ofPattern("dd.MM");
    private static final DateTimeFormatter ITEM_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final NamedParameterJdbcTemplate jdbc;
    private final ProgramConflicts conflicts;
    private final CurrentUser currentUser;
    private final ForumAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    ProgramItems(NamedParameterJdbcTemplate jdbc, ProgramConflicts conflicts, CurrentUser currentUser,
            ForumAccess access, ApplicationEventPublisher events, Clock clock, ForumTime forumTime) {
        this.jdbc = jdbc;
        this.conflicts = conflicts;
        this.currentUser = currentUser;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.zone = forumTime.zone();
    }

    /**
     * Adds a program item; {@code titleEn} and {@code placeEn}, for English readers, may be empty (they then read
     * the Russian ones). Times are in the forum's time zone. Nothing is stored when any of it is refused.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public long add(long dayId, ProgramItemKind kind, String title, String titleEn, String place, String placeEn,
            LocalTime start, LocalTime end) {
        LocalDate day = dayOf(jdbc, dayId);
        text(title, 300);
        String englishTitle = english(titleEn, 300, "program.error.title-en-too-long");
        place(place);
        String englishPlace = english(placeEn, 200, "program.error.place-en-too-long");
        if (kind == null) {
            throw new InvalidProgramException("validation.required");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new InvalidProgramException("program.error.end-before-start");
        }
        return insert(jdbc, """
                insert into program_item (day_id, kind, title, title_en, place, place_en, starts_at, ends_at)
                values (:day, :kind, :title, :titleEn, :place, :placeEn, :start, :end)""",
                new MapSqlParameterSource("day", dayId).addValue("kind", kind.name()).addValue("title", singleLine(title))
                        .addValue("titleEn", englishTitle).addValue("place", singleLine(place))
                        .addValue("placeEn", englishPlace)
                        .addValue("start", Timestamp.from(day.atTime(start).atZone(zone).toInstant()))
                        .addValue("end", Timestamp.from(day.atTime(end).atZone(zone).toInstant())));
    }

    /**
     * Changes a program item's title and place, in Russian and (empty removes them) in English, all of it or
     * none; its kind, day and times stay, and so do its sign-ups.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void change(long itemId, String title, String titleEn, String place, String placeEn) {
        text(title, 300);
        String englishTitle = english(titleEn, 300, "program.error.title-en-too-long");
        place(place);
        String englishPlace = english(placeEn, 200, "program.error.place-en-too-long");
        int changed = jdbc.update("""
                update program_item set title = :title, title_en = :titleEn, place = :place, place_en = :placeEn
                where id = :id""", new MapSqlParameterSource("id", itemId).addValue("title", singleLine(title))
                .addValue("titleEn", englishTitle).addValue("place", singleLine(place))
                .addValue("placeEn", englishPlace));
        if (changed == 0) {
            throw new InvalidProgramException("program.error.not-found");
        }
    }

    /**
     * Removes a program item added by mistake or called off, with its sign-ups: the delegates who had signed up, and
     * their companies' representatives, are told after it has committed ({@link ProgramItemRemoved}). Before, an item
     * could not be removed at all, and its day with it (ux58). An item that has begun took place: it is the record of
     * who attended (the organizers' results report counts its sign-ups and check-ins), and its attendees would be told
     * it was called off; it stays.
     *
     * @throws InvalidProgramException {@code program.error.item-begun} once the item has begun
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void remove(long itemId) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", itemId);
        // locked: a sign-up meanwhile (its key reads the item's row) waits, so the sign-ups read below are all of them
        List<String> detail = jdbc.query("""
                select title, title_en, starts_at, ends_at from program_item where id = :id for update""", params,
                (rs, i) -> {
                    if (!rs.getTimestamp("starts_at").toInstant().isAfter(clock.instant())) {
                        throw new InvalidProgramException("program.error.item-begun");
                    }
                    // both languages as a meeting line keeps a hall's names: each reader reads theirs
                    String title = MeetingLine.place(rs.getString("title"), rs.getString("title_en"), null);
                    ZonedDateTime start = rs.getTimestamp("starts_at").toInstant().atZone(zone);
                    ZonedDateTime end = rs.getTimestamp("ends_at").toInstant().atZone(zone);
                    return ITEM_DAY.format(start) + " " + ITEM_TIME.format(start) + "–" + ITEM_TIME.format(end) + " · "
                            + title;
                });
        if (detail.isEmpty()) {
            return;
        }
        List<Long> delegateIds = new ArrayList<>();
        Set<Long> companyIds = new TreeSet<>();
        jdbc.query("""
                select a.delegate_id, d.company_id from program_item_attendee a join delegate d on d.id = a.delegate_id
                where a.program_item_id = :id order by a.delegate_id""", params, rs -> {
            delegateIds.add(rs.getLong("delegate_id"));
            companyIds.add(rs.getLong("company_id"));
        });
        jdbc.update("delete from program_item_attendee where program_item_id = :id", params);
        jdbc.update("delete from program_item where id = :id", params);
        if (!delegateIds.isEmpty()) {
            events.publishEvent(new ProgramItemRemoved(itemId, detail.getFirst(), List.copyOf(companyIds),
                    List.copyOf(delegateIds)));
        }
    }

    /** Every program item, with how many delegates attend it, in the order they run. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ProgramItem> all() {
        return jdbc.query("""
                select p.id, p.day_id, p.kind, p.title, p.title_en, p.place, p.place_en, p.starts_at, p.ends_at,
                       (select count(*) from program_item_attendee a where a.program_item_id = p.id) attendees
                from program_item p order by p.starts_at, p.title""", ProgramItems::programItem);
    }

    private static ProgramItem programItem(ResultSet rs, int row) throws SQLException {
        return new ProgramItem(rs.getLong("id"), rs.getLong("day_id"), ProgramItemKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("title_en"), rs.getString("place"), rs.getString("place_en"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getInt("attendees"));
    }

    /**
     * Signs delegates up for a program item. Refused, with the meetings, when any of them has a
     * confirmed meeting while the item runs.
     *
     * <p>A person is never both in a meeting and in a program item at once: the delegates' companies are locked
     * as a booking step locks them (company rows in id order, {@code meeting/SlotLedger}), so a sign-up and a
     * booking of the same delegates take turns; read committed, so that the checks after the lock see the meeting
     * a booking committed while this waited (under repeatable read the snapshot would predate it).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void signUp(long programItemId, Collection<Long> delegateIds) {
        checkDelegatesOfCaller(delegateIds);
        if (!currentUser.require().isOrganizer()) {
            access.requireApprovedCompany(); // a company awaiting approval (or rejected) takes no seats
        }
        if (delegateIds.isEmpty()) {
            return;
        }
        List<Long> companies = jdbc.queryForList("select distinct company_id from delegate where id in (:ids)",
                new MapSqlParameterSource("ids", delegateIds), Long.class);
        if (!companies.isEmpty()) {
            jdbc.queryForList("select id from company where id in (:ids) order by id for update",
                    new MapSqlParameterSource("ids", companies), Long.class);
        }
        ProgramItem item = all().stream().filter(p -> p.id() == programItemId).findFirst()
                .orElseThrow(() -> new InvalidProgramException("program.error.not-found"));
        refuseIfAny(conflicts.confirmedMeetingsOfDelegates(delegateIds, item.startsAt(), item.endsAt()));
        Boolean elsewhere = jdbc.queryForObject("""
                select exists (select 1 from program_item p join program_item_attendee a on a.program_item_id = p.id
                               where a.delegate_id in (:delegates) and p.id <> :item
                                 and p.starts_at < :end and p.ends_at > :start)""",
                new MapSqlParameterSource("delegates", delegateIds).addValue("item", programItemId)
                        .addValue("start", Timestamp.from(item.startsAt())).addValue("end", Timestamp.from(item.endsAt())),
                Boolean.class);
        if (Boolean.TRUE.equals(elsewhere)) {
            throw new InvalidProgramException("program.error.attends-other-item");
        }
        for (long delegateId : delegateIds) {
            jdbc.update("insert ignore into program_item_attendee (program_item_id, delegate_id) values (:item, :delegate)",
                    new MapSqlParameterSource("item", programItemId).addValue("delegate", delegateId));
        }
    }

    /** Takes delegates off a program item: organizers anyone, a company only its own. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void withdraw(long programItemId, Collection<Long> delegateIds) {
        checkDelegatesOfCaller(delegateIds);
        for (long delegateId : delegateIds) {
            jdbc.update("delete from program_item_attendee where program_item_id = :item and delegate_id = :delegate",
                    new MapSqlParameterSource("item", programItemId).addValue("delegate", delegateId));
        }
    }

    /**
     * The program items the delegates attend (for agendas and for blocking their slots): any delegates' for
     * organizers, the own company's for its representative and its delegates; another company's are refused.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ProgramItem> attendedBy(Collection<Long> delegateIds) {
        if (delegateIds.isEmpty()) {
            return List.of();
        }
        ForumUser user = currentUser.require();
        if (!user.isOrganizer()) {
            requireOwn(delegateIds, user.companyId() != null ? user.companyId()
                    : user.delegateId() == null ? null : companyOfDelegate(user.delegateId()));
        }
        return jdbc.query("""
                select distinct p.id, p.day_id, p.kind, p.title, p.title_en, p.place, p.place_en, p.starts_at,
                       p.ends_at, 0 attendees
                from program_item p join program_item_attendee a on a.program_item_id = p.id
                where a.delegate_id in (:delegates) order by p.starts_at""",
                new MapSqlParameterSource("delegates", delegateIds), ProgramItems::programItem);
    }

    /** Organizers may sign up anyone; a company only its own delegates. */
    private void checkDelegatesOfCaller(Collection<Long> delegateIds) {
        ForumUser user = currentUser.require();
        if (user.isOrganizer() || delegateIds.isEmpty()) {
            return;
        }
        requireOwn(delegateIds, user.companyId());
    }

    /** Refuses unless every one of the delegates is of {@code companyId} (none is of no company). */
    private void requireOwn(Collection<Long> delegateIds, Long companyId) {
        Integer foreign = companyId == null ? null : jdbc.queryForObject(
                "select count(*) from delegate where id in (:ids) and company_id <> :company",
                new MapSqlParameterSource("ids", delegateIds).addValue("company", companyId), Integer.class);
        if (foreign == null || foreign > 0) {
            throw new AccessDeniedException("Not your delegates");
        }
    }

    private Long companyOfDelegate(long delegateId) {
        return jdbc.queryForList("select company_id from delegate where id = :d", new MapSqlParameterSource("d", delegateId),
                Long.class).stream().findFirst().orElse(null);
    }
}
