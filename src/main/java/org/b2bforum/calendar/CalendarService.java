package org.b2bforum.calendar;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.b2bforum.base.i18n.Bilingual;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.i18n.MeetingPlace;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.Tokens;
import org.b2bforum.base.web.PublicUrl;
import org.b2bforum.company.Cities;
import org.b2bforum.company.ForumAccess;
import org.b2bforum.fair.StandOfMeeting;
import org.b2bforum.program.ProgramItemKind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.vaadin.flow.i18n.I18NProvider;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;

/**
 * A delegate's schedule (or a company's agenda) as an iCalendar: an event per confirmed meeting
 * (the counterpart, hall and table) and per program item attended, in the forum's time zone with
 * its VTIMEZONE. Each meeting keeps its UID for good, so a subscribed calendar moves the event when
 * the meeting moves and drops it when the meeting is cancelled (cancelled meetings are left out).
 * <p>
 * Besides the download, a delegate or a company may have one private subscription link,
 * {@code <public-url>/calendar/<token>.ics}: anyone with the link reads that calendar, so only the
 * token's SHA-256 is kept, and a new link replaces the old one, which then answers 404. Feeds hold
 * no contact details, only what a badge shows.
 */
@Service
public class CalendarService {

    private static final int MAX_TOKEN = 64;
    private static final String PRODUCT_ID = "-//B2B Forum//Minsk-Moscow matchmaking//RU";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ForumAccess access;
    private final I18NProvider i18n;
    private final Clock clock;
    private final ZoneId zone;
    private final PublicUrl publicUrl;
    private final String uidDomain;

    CalendarService(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser, ForumAccess access, I18NProvider i18n,
            Clock clock, ForumTime forumTime, PublicUrl publicUrl) {
        this.jdbc = jdbc;
        this.access = access;
        this.currentUser = currentUser;
        this.i18n = i18n;
        this.clock = clock;
        this.zone = forumTime.zone();
        this.publicUrl = publicUrl;
        String host = URI.create(publicUrl.of("")).getHost();
        this.uidDomain = host == null || host.isBlank() ? "b2b-forum" : host;
    }

    /** Whose calendar: one delegate's, or one company's (all its delegates). */
    record Owner(Long delegateId, Long companyId) {

        static Owner delegate(long id) {
            return new Owner(id, null);
        }

        static Owner company(long id) {
            return new Owner(null, id);
        }
    }

    // ---------------------------------------------------------------- calendars

    /**
     * The logged-in delegate's schedule, or the logged-in company's agenda.
     *
     * @throws CalendarOwnerRemovedException when the delegate's company removed them since this request's session
     *         check (before: {@code AccessDeniedException}, a 403 error page for the download)
     */
    @PreAuthorize("hasAnyRole('DELEGATE', 'COMPANY')")
    @Transactional(readOnly = true)
    public String myCalendar(Locale locale) {
        return render(approved(me()), locale);
    }

    /**
     * One delegate's schedule: for that delegate, the representatives of the delegate's company
     * and organizers. Another delegate (or company) is refused.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String delegateCalendar(long delegateId, Locale locale) {
        ForumUser user = currentUser.require();
        boolean allowed = user.isOrganizer()
                || Long.valueOf(delegateId).equals(user.delegateId())
                || (user.companyId() != null && user.companyId().equals(companyOfDelegate(delegateId).orElse(null)));
        if (!allowed) {
            throw new AccessDeniedException("Not your calendar");
        }
        Owner owner = Owner.delegate(delegateId);
        return render(user.isOrganizer() ? owner : approved(owner), locale);
    }

    /**
     * The calendar of a subscription link; empty for an unknown or replaced token, and as well once
     * the company's registration is no longer approved or the owner's log-in is disabled (a
     * company's link: no enabled representative's log-in left). Needs no log-in.
     */
    @Transactional(readOnly = true)
    public Optional<String> feed(String token, Locale locale) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        return jdbc.query("""
                select f.delegate_id, f.company_id from calendar_feed f
                left join delegate d on d.id = f.delegate_id
                join company c on c.id = coalesce(f.company_id, d.company_id)
                where f.token_hash = :hash and c.status = 'APPROVED'
                  and exists (select 1 from app_user u where u.enabled and (u.delegate_id = f.delegate_id
                                  or (u.company_id = f.company_id and u.role = 'COMPANY')))""",
                new MapSqlParameterSource("hash", Tokens.hash(token)),
                (rs, i) -> new Owner(rs.getObject("delegate_id", Long.class), rs.getObject("company_id", Long.class)))
                .stream().findFirst().map(owner -> render(owner, locale));
    }

    // ---------------------------------------------------------------- the subscription link

    /**
     * A new private subscription link for the logged-in delegate or company. Any earlier link
     * stops working. The link is shown once: only its hash is kept.
     *
     * @throws CalendarOwnerRemovedException when the delegate's company removed them since this request's session check
     */
    @PreAuthorize("hasAnyRole('DELEGATE', 'COMPANY')")
    @Transactional
    public String newSubscription() {
        Owner owner = approved(me());
        deleteFeed(owner);
        String token = Tokens.newToken();
        jdbc.update("""
                insert into calendar_feed (token_hash, delegate_id, company_id, created_at)
                values (:hash, :delegate, :company, :now)""",
                new MapSqlParameterSource("hash", Tokens.hash(token)).addValue("delegate", owner.delegateId())
                        .addValue("company", owner.companyId()).addValue("now", Timestamp.from(clock.instant())));
        return feedUrl(token);
    }

    /** Stops the logged-in delegate's or company's subscription link; it then answers 404. */
    @PreAuthorize("hasAnyRole('DELEGATE', 'COMPANY')")
    @Transactional
    public void revokeSubscription() {
        deleteFeed(me());
    }

    /** When the logged-in delegate's or company's current subscription link was made; empty if none. */
    @PreAuthorize("hasAnyRole('DELEGATE', 'COMPANY')")
    @Transactional(readOnly = true)
    public Optional<Instant> subscriptionSince() {
        Owner owner = me();
        return jdbc.query("select created_at from calendar_feed where "
                + (owner.delegateId() != null ? "delegate_id = :id" : "company_id = :id"),
                new MapSqlParameterSource("id", owner.delegateId() != null ? owner.delegateId() : owner.companyId()),
                (rs, i) -> rs.getTimestamp("created_at").toInstant()).stream().findFirst();
    }

    /** The public address of a subscription link. */
    public String feedUrl(String token) {
        return publicUrl.of("calendar/" + token + ".ics");
    }

    private void deleteFeed(Owner owner) {
        if (owner.delegateId() != null) {
            jdbc.update("delete from calendar_feed where delegate_id = :id",
                    new MapSqlParameterSource("id", owner.delegateId()));
        } else {
            jdbc.update("delete from calendar_feed where company_id = :id",
                    new MapSqlParameterSource("id", owner.companyId()));
        }
    }

    private Owner me() {
        ForumUser user = currentUser.require();
        if (user.delegateId() != null) {
            return Owner.delegate(user.delegateId());
        }
        if (user.companyId() != null) {
            return Owner.company(user.companyId());
        }
        throw new AccessDeniedException("Only delegates and companies have a calendar");
    }

    /** The owner, while their company's registration is approved; refused otherwise. */
    private Owner approved(Owner owner) {
        Long companyId = owner.companyId() != null ? owner.companyId()
                : companyOfDelegate(owner.delegateId())
                        .orElseThrow(() -> new CalendarOwnerRemovedException(owner.delegateId()));
        if (!access.isApproved(companyId)) {
            throw new AccessDeniedException("The company's registration is not approved");
        }
        return owner;
    }

    private Optional<Long> companyOfDelegate(long delegateId) {
        return jdbc.queryForList("select company_id from delegate where id = :id",
                new MapSqlParameterSource("id", delegateId), Long.class).stream().findFirst();
    }

    // ---------------------------------------------------------------- rendering

    private record MeetingRow(long id, Instant startsAt, Instant endsAt, MeetingPlace place,
            String counterpart, String counterpartCity, String ours, String theirs, Instant modified, int changes) {
    }

    private record ProgramRow(long id, ProgramItemKind kind, Bilingual title, Bilingual place, Instant startsAt,
            Instant endsAt, String people) {
    }

    String render(Owner owner, Locale requested) {
        Locale locale = requested == null ? Languages.RUSSIAN : requested;
        long companyId = owner.companyId() != null ? owner.companyId()
                : companyOfDelegate(owner.delegateId())
                        .orElseThrow(() -> new CalendarOwnerRemovedException(owner.delegateId()));
        List<MeetingRow> meetings = meetings(owner, companyId);
        List<ProgramRow> items = programItems(owner, companyId);

        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT_ID);
        calendar.setMethod("PUBLISH");
        String name = i18n.getTranslation("calendar.name", locale, ownerName(owner, companyId));
        calendar.setName(name);
        calendar.setExperimentalProperty("X-WR-CALNAME", name);
        calendar.setExperimentalProperty("X-WR-TIMEZONE", zone.getId());
        calendar.setRefreshInterval(biweekly.util.Duration.builder().hours(1).build());
        calendar.setExperimentalProperty("X-PUBLISHED-TTL", "PT1H");

        Instant now = clock.instant();
        Instant first = now;
        Instant last = now;
        for (MeetingRow meeting : meetings) {
            calendar.addEvent(meetingEvent(meeting, locale));
            first = meeting.startsAt().isBefore(first) ? meeting.startsAt() : first;
            last = meeting.endsAt().isAfter(last) ? meeting.endsAt() : last;
        }
        for (ProgramRow item : items) {
            calendar.addEvent(programEvent(item, owner, locale, now));
            first = item.startsAt().isBefore(first) ? item.startsAt() : first;
            last = item.endsAt().isAfter(last) ? item.endsAt() : last;
        }
        calendar.getTimezoneInfo().setDefaultTimezone(ForumTimezone.assignment(zone, first, last));
        return Biweekly.write(calendar).go();
    }

    private VEvent meetingEvent(MeetingRow meeting, Locale locale) {
        VEvent event = new VEvent();
        event.setUid("meeting-" + meeting.id() + "@" + uidDomain);
        // no METHOD-less revision date to give: the last change of the meeting is its stamp
        event.setDateTimeStamp(Date.from(meeting.modified()));
        event.setLastModified(Date.from(meeting.modified()));
        event.setSequence(Math.max(0, meeting.changes() - 1));
        event.setDateStart(Date.from(meeting.startsAt()));
        event.setDateEnd(Date.from(meeting.endsAt()));
        event.setSummary(i18n.getTranslation("calendar.meeting.summary", locale, meeting.counterpart()));
        String place = meeting.place().describe(locale, (key, params) -> i18n.getTranslation(key, locale, params));
        event.setLocation(place);
        List<String> lines = new ArrayList<>();
        lines.add(i18n.getTranslation("calendar.meeting.with", locale, meeting.counterpart(),
                Cities.inLanguage(meeting.counterpartCity(), key -> i18n.getTranslation(key, locale))));
        lines.add(i18n.getTranslation("calendar.meeting.place", locale, place));
        // each company's people under its own name: one "Attending" line mixing both read as if all came from one side
        if (meeting.ours() != null) {
            lines.add(i18n.getTranslation("calendar.meeting.people.ours", locale, meeting.ours()));
        }
        if (meeting.theirs() != null) {
            lines.add(i18n.getTranslation("calendar.meeting.people.theirs", locale, meeting.counterpart(),
                    meeting.theirs()));
        }
        lines.add(i18n.getTranslation("app.title", locale));
        event.setDescription(String.join("\n", lines));
        event.setStatus(Status.confirmed());
        event.addCategories(i18n.getTranslation("calendar.category.meeting", locale));
        return event;
    }

    private VEvent programEvent(ProgramRow item, Owner owner, Locale locale, Instant now) {
        VEvent event = new VEvent();
        event.setUid("program-" + item.id() + "@" + uidDomain);
        event.setDateTimeStamp(Date.from(now));
        event.setDateStart(Date.from(item.startsAt()));
        event.setDateEnd(Date.from(item.endsAt()));
        event.setSummary(item.title().in(locale));
        event.setLocation(item.place().in(locale));
        List<String> lines = new ArrayList<>();
        lines.add(i18n.getTranslation(item.kind().translationKey(), locale));
        if (owner.companyId() != null && item.people() != null) {
            lines.add(i18n.getTranslation("calendar.meeting.people", locale, item.people()));
        }
        lines.add(i18n.getTranslation("app.title", locale));
        event.setDescription(String.join("\n", lines));
        event.setStatus(Status.confirmed());
        event.addCategories(i18n.getTranslation(item.kind().translationKey(), locale));
        return event;
    }

    private String ownerName(Owner owner, long companyId) {
        if (owner.delegateId() != null) {
            return jdbc.queryForList("select full_name from delegate where id = :id",
                    new MapSqlParameterSource("id", owner.delegateId()), String.class).stream().findFirst()
                    .orElseThrow(() -> new CalendarOwnerRemovedException(owner.delegateId()));
        }
        return jdbc.queryForObject("select short_name from company where id = :id",
                new MapSqlParameterSource("id", companyId), String.class);
    }

    /**
     * The confirmed meetings: a delegate's own, or all of the company's. The counterpart is the
     * other company; "ours" and "theirs" list who attends from each side.
     */
    private List<MeetingRow> meetings(Owner owner, long companyId) {
        String who = owner.delegateId() != null
                ? "exists (select 1 from meeting_delegate md where md.meeting_id = m.id and md.delegate_id = :delegate)"
                : "(m.requester_company_id = :company or m.partner_company_id = :company)";
        return jdbc.query("""
                select m.id, s.starts_at, s.ends_at,
                       case when m.requester_company_id = :company then b.short_name else a.short_name end counterpart,
                       case when m.requester_company_id = :company then b.city else a.city end counterpart_city,
                       coalesce(m.updated_at, m.created_at) modified,
                       (select count(*) from meeting_event e where e.meeting_id = m.id) changes,
                       (select group_concat(d.full_name order by d.sort_order separator ', ')
                          from meeting_delegate md join delegate d on d.id = md.delegate_id
                         where md.meeting_id = m.id and md.company_id = :company) ours,
                       (select group_concat(d.full_name order by d.sort_order separator ', ')
                          from meeting_delegate md join delegate d on d.id = md.delegate_id
                         where md.meeting_id = m.id and md.company_id <> :company) theirs,
                """ + MeetingPlace.COLUMNS + """
                from meeting m
                join slot s on s.id = m.slot_id
                join hall h on h.id = s.hall_id
                left join meeting_table t on t.id = m.table_id
                """ + StandOfMeeting.JOINS + """
                join company a on a.id = m.requester_company_id
                join company b on b.id = m.partner_company_id
                where m.status = 'CONFIRMED' and\s""" + who + " order by s.starts_at, m.id",
                new MapSqlParameterSource("company", companyId).addValue("delegate", owner.delegateId()),
                (rs, i) -> new MeetingRow(rs.getLong("id"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(), MeetingPlace.of(rs), rs.getString("counterpart"),
                        rs.getString("counterpart_city"), rs.getString("ours"), rs.getString("theirs"),
                        rs.getTimestamp("modified").toInstant(), rs.getInt("changes")));
    }

    /** The program items a delegate attends, or that any delegate of the company attends (with who). */
    private List<ProgramRow> programItems(Owner owner, long companyId) {
        String who = owner.delegateId() != null ? "d.id = :delegate" : "d.company_id = :company";
        return jdbc.query("""
                select p.id, p.kind, p.title, p.title_en, p.place, p.place_en, p.starts_at, p.ends_at,
                       group_concat(d.full_name order by d.sort_order separator ', ') people
                from program_item p
                join program_item_attendee pa on pa.program_item_id = p.id
                join delegate d on d.id = pa.delegate_id
                where\s""" + who + """
                 group by p.id, p.kind, p.title, p.title_en, p.place, p.place_en, p.starts_at, p.ends_at
                order by p.starts_at, p.id""",
                new MapSqlParameterSource("company", companyId).addValue("delegate", owner.delegateId()),
                (rs, i) -> new ProgramRow(rs.getLong("id"), ProgramItemKind.valueOf(rs.getString("kind")),
                        Bilingual.of(rs, "title"), Bilingual.of(rs, "place"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(), rs.getString("people")));
    }
}
