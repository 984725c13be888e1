package org.b2bforum.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;

import java.sql.ResultSet;
import java.sql.Timestamp;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.i18n.MeetingLine;
import org.b2bforum.base.i18n.MeetingPlace;
import org.b2bforum.fair.StandOfMeeting;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.program.ProgramConflicts;
import org.b2bforum.venue.MeetingOutcomes;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Meetings in one line, language-neutral ("18.09 10:00 · Дорстроймаш — Мосдорсервис · Зал A №3"),
 * for notifications and for the list of meetings a program change would break; shown, the place is put
 * in the reader's words ({@link MeetingLine#inWords}).
 */
@Component
class MeetingDescriptions implements ProgramConflicts {

    private static final String SELECT = """
            select m.id, s.starts_at, a.short_name a_name, b.short_name b_name,""" + MeetingPlace.COLUMNS + """
            from meeting m
            join slot s on s.id = m.slot_id
            join hall h on h.id = s.hall_id
            join company a on a.id = m.requester_company_id
            join company b on b.id = m.partner_company_id
            left join meeting_table t on t.id = m.table_id
            """ + StandOfMeeting.JOINS;

    private final NamedParameterJdbcTemplate jdbc;
    private final NotificationService notifications;
    private final DateTimeFormatter format;
    private final MeetingOutcomes outcomes;
    private final Clock clock;

    MeetingDescriptions(NamedParameterJdbcTemplate jdbc, NotificationService notifications, ForumTime forumTime,
            MeetingOutcomes outcomes, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outcomes = outcomes;
        this.notifications = notifications;
        ZoneId zone = forumTime.zone();
        this.format = DateTimeFormatter.ofPattern("dd.MM HH:mm").withZone(zone);
    }

    /** The day of an instant as meeting lines give it ("18.09"), in the forum's time. */
    String day(Instant instant) {
        return format.format(instant).substring(0, 5);
    }

    String describe(long meetingId) {
        return query("where m.id = :id", new MapSqlParameterSource("id", meetingId)).stream().findFirst().orElse("");
    }

    @Override
    public List<String> confirmedMeetingsInSlots(Collection<Long> slotIds) {
        return query("where m.status = 'CONFIRMED' and m.slot_id in (:ids)", new MapSqlParameterSource("ids", slotIds));
    }

    @Override
    public List<String> confirmedMeetingsAtTables(Collection<Long> tableIds) {
        return query("where m.status = 'CONFIRMED' and m.table_id in (:ids)", new MapSqlParameterSource("ids", tableIds));
    }

    @Override
    public List<String> confirmedMeetingsOfDelegates(Collection<Long> delegateIds, Instant from, Instant to) {
        return ofDelegates(delegateIds, " and s.starts_at < :to and s.ends_at > :from",
                new MapSqlParameterSource("from", Timestamp.from(from))
                        .addValue("to", Timestamp.from(to)));
    }

    /** The confirmed meetings of the delegates that have not ended at {@code from}, in time order. */
    List<String> confirmedMeetingsOfDelegatesAhead(Collection<Long> delegateIds, Instant from) {
        return ofDelegates(delegateIds, " and s.ends_at > :from",
                new MapSqlParameterSource("from", Timestamp.from(from)));
    }

    @Override
    public List<String> confirmedMeetingsOfDelegates(Collection<Long> delegateIds) {
        return ofDelegates(delegateIds, "", new MapSqlParameterSource());
    }

    private List<String> ofDelegates(Collection<Long> delegateIds, String when, MapSqlParameterSource params) {
        if (delegateIds.isEmpty()) {
            return List.of();
        }
        return query("where m.status = 'CONFIRMED'" + when + """

                  and exists (select 1 from meeting_delegate md where md.meeting_id = m.id and md.delegate_id in (:ids))""",
                params.addValue("ids", delegateIds));
    }

    @Override
    public void dropRequestsInSlots(Collection<Long> slotIds) {
        MapSqlParameterSource slots = new MapSqlParameterSource("slots", slotIds)
                .addValue("now", Timestamp.from(clock.instant()));
        // a request whose slot has begun is unanswered (UnansweredRequests): nobody could accept it any more, so its
        // going is no news to either company; it goes silently with the rest of the slots' rows
        jdbc.query("select m.id, m.requester_company_id, m.partner_company_id"
                + UnansweredRequests.awaitingAnswerWhere("m.slot_id in (:slots)", ":now"),
                slots, (ResultSet rs) -> {
                    String detail = describe(rs.getLong("id"));
                    notifications.notifyCompany(rs.getLong("requester_company_id"), "notification.meeting.SLOT_REMOVED", detail);
                    notifications.notifyCompany(rs.getLong("partner_company_id"), "notification.meeting.SLOT_REMOVED", detail);
                });
        jdbc.update("delete from meeting_delegate where meeting_id in (select id from meeting where slot_id in (:slots))", slots);
        jdbc.update("delete from meeting_event where meeting_id in (select id from meeting where slot_id in (:slots))", slots);
        outcomes.deleteOf(jdbc.queryForList("select id from meeting where slot_id in (:slots)", slots, Long.class));
        jdbc.update("delete from meeting where slot_id in (:slots)", slots);
    }

    private List<String> query(String where, MapSqlParameterSource params) {
        return jdbc.query(SELECT + where + " order by s.starts_at, m.id", params,
                (rs, i) -> line(rs.getTimestamp("starts_at").toInstant(), rs.getString("a_name"), rs.getString("b_name"),
                        MeetingLine.place(MeetingPlace.of(rs))));
    }

    /** A meeting of requester {@code a} and partner {@code b} in one line; {@code table} may be null. */
    String line(Instant startsAt, String a, String b, String hall, String hallEn, Integer table) {
        return line(startsAt, a, b, MeetingLine.place(hall, hallEn, table));
    }

    private String line(Instant startsAt, String a, String b, String place) {
        return format.format(startsAt) + " · " + a + " — " + b + " · " + place;
    }
}
