package org.b2bforum.meeting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.b2bforum.announcement.AnnouncementsReceived;
import org.b2bforum.base.i18n.Bilingual;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.i18n.MeetingPlace;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveFeed;
import org.b2bforum.base.mail.BilingualMail;
import org.b2bforum.fair.StandOfMeeting;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Reminders: the evening before, each delegate attending confirmed meetings gets them by e-mail
 * (when SMTP is configured); ten minutes before a meeting, the open pages of both companies say so.
 * Every node runs them; the e-mail is claimed per delegate and day in the database, and the note per
 * meeting, so each goes once. A round of e-mails is an event ({@link ReminderRound}, ids and times only) delivered
 * through the event publication registry: a mail server that cannot be reached gives the delegate's claim back and
 * fails the round, which the registry tries again, skipping the delegates already e-mailed.
 */
@Component
class MeetingReminders {

    /** The evening reminders of {@code day}, or its morning digests, as of {@code at}. */
    record ReminderRound(boolean morning, LocalDate day, Instant at) {
    }

    private record Line(long delegateId, String email, String name, Instant startsAt, MeetingPlace place,
            String counterpart) {
    }

    private final JdbcTemplate jdbc;
    private final BilingualMail mail;
    private final I18NProvider i18n;
    private final ForumTime forumTime;
    private final LiveFeed liveFeed;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AnnouncementsReceived announcements;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    MeetingReminders(JdbcTemplate jdbc, BilingualMail mail, I18NProvider i18n, ForumTime forumTime, LiveFeed liveFeed,
            Clock clock, ApplicationEventPublisher events, AnnouncementsReceived announcements) {
        this.jdbc = jdbc;
        this.announcements = announcements;
        this.mail = mail;
        this.i18n = i18n;
        this.forumTime = forumTime;
        this.liveFeed = liveFeed;
        this.clock = clock;
        this.events = events;
    }

    @Scheduled(cron = "${b2bforum.reminders.evening-cron:0 0 19 * * *}", zone = "${b2bforum.time-zone:Europe/Moscow}")
    @Transactional
    void eveningReminders() {
        Instant now = clock.instant();
        events.publishEvent(new ReminderRound(false, LocalDate.ofInstant(now, forumTime.zone()).plusDays(1), now));
    }

    @Scheduled(cron = "${b2bforum.reminders.morning-cron:0 30 7 * * *}", zone = "${b2bforum.time-zone:Europe/Moscow}")
    @Transactional
    void morningDigests() {
        Instant now = clock.instant();
        events.publishEvent(new ReminderRound(true, LocalDate.ofInstant(now, forumTime.zone()), now));
    }

    /** Outside a transaction: each claim commits before its e-mail goes, and no connection waits on the mail server. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void send(ReminderRound round) {
        if (round.morning()) {
            sendDigests(round.day(), round.at());
        } else {
            sendForDay(round.day(), round.at());
        }
    }

    /** E-mails each delegate their confirmed meetings of {@code day}, once; returns how many were e-mailed. */
    int sendForDay(LocalDate day, Instant now) {
        if (!mail.canSend()) {
            return 0;
        }
        int sent = 0;
        for (List<Line> meetings : meetingsByDelegate(day).values()) {
            Line first = meetings.getFirst();
            if (sendOnce("meeting_reminder_sent", first.delegateId(), day, now, first.email(), "mail.reminder.subject",
                    locale -> body(first.name(), day, meetings, locale), "the reminder of delegate " + first.delegateId())) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * E-mails the delegate if this node is the first to claim it in {@code claims} (its own statement, committed at
     * once, so that with several nodes it goes once); a mail server that cannot be reached gives the claim back and
     * is thrown, for the round to be tried again. An address the server refuses keeps its claim (logged).
     */
    private boolean sendOnce(String claims, long delegateId, LocalDate day, Instant now, String to, String subjectKey,
            Function<Locale, String> body, String what) {
        try {
            if (jdbc.update("insert ignore into " + claims + " (delegate_id, forum_date, sent_at) values (?, ?, ?)",
                    delegateId, day, utc(now)) != 1) {
                return false;
            }
        } catch (PessimisticLockingFailureException e) {
            // on Galera the node that lost a simultaneous claim fails to commit it: the other one sends (a database
            // away fails the round, which is tried again)
            return false;
        }
        try {
            return mail.sendOrThrowWhileServerAway(to, subjectKey, body, what);
        } catch (BilingualMail.MailServerAwayException e) {
            jdbc.update("delete from " + claims + " where delegate_id = ? and forum_date = ?", delegateId, day);
            throw e;
        }
    }

    /** The confirmed meetings of {@code day}, by delegate attending them, in time order. */
    private Map<Long, List<Line>> meetingsByDelegate(LocalDate day) {
        List<Line> lines = jdbc.query("""
                select d.id, d.email, d.full_name, s.starts_at,
                       case when m.requester_company_id = md.company_id then p.short_name else r.short_name end counterpart,
                """ + MeetingPlace.COLUMNS + """
                from meeting_delegate md join delegate d on d.id = md.delegate_id
                join meeting m on m.id = md.meeting_id join slot s on s.id = m.slot_id join hall h on h.id = s.hall_id
                left join meeting_table t on t.id = m.table_id
                """ + StandOfMeeting.JOINS + """
                join company r on r.id = m.requester_company_id join company p on p.id = m.partner_company_id
                where m.status = 'CONFIRMED' and s.starts_at >= ? and s.starts_at < ?
                order by d.id, s.starts_at
                """, (rs, row) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                MeetingPlace.of(rs), rs.getString("counterpart")), utc(start(day)), utc(start(day.plusDays(1))));
        Map<Long, List<Line>> byDelegate = new LinkedHashMap<>();
        lines.forEach(line -> byDelegate.computeIfAbsent(line.delegateId(), id -> new ArrayList<>()).add(line));
        return byDelegate;
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(forumTime.zone()).toInstant();
    }

    private String body(String name, LocalDate day, List<Line> meetings, Locale locale) {
        StringBuilder text = new StringBuilder(i18n.getTranslation("mail.reminder.body", locale, name,
                DAY.format(day))).append('\n');
        appendMeetings(text, meetings, locale);
        return text.toString();
    }

    private void appendMeetings(StringBuilder text, List<Line> meetings, Locale locale) {
        for (Line meeting : meetings) {
            text.append("\n").append(time().format(meeting.startsAt())).append(" · ").append(meeting.counterpart())
                    .append(" · ").append(meeting.place().describe(locale,
                            (key, params) -> i18n.getTranslation(key, locale, params)));
        }
    }

    private DateTimeFormatter time() {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(forumTime.zone());
    }

    // ---- the morning digest

    /** What one delegate's morning digest holds besides the meetings. */
    private record Digest(String email, String name, List<Line> meetings, List<ProgramLine> program,
            List<String> announcements) {
    }

    private record ProgramLine(Instant startsAt, Instant endsAt, String kind, Bilingual title, Bilingual place) {
    }

    /**
     * On a forum day, e-mails each delegate of an approved company their day: confirmed meetings, the
     * program items (plenaries, round tables, presentations) they signed up for, and the organizers'
     * announcements their company got in the 24 hours before {@code now} (announcement's read model
     * {@link AnnouncementsReceived}); nothing to a delegate with none of them. Each delegate is claimed in
     * {@code morning_digest_sent} before the e-mail goes ({@link #sendOnce}). Reads the program's tables as a read
     * model of its own.
     *
     * @return how many digests were e-mailed
     */
    int sendDigests(LocalDate day, Instant now) {
        if (!mail.canSend() || jdbc.queryForObject("select count(*) from forum_day where day = ?", Integer.class,
                day) == 0) {
            return 0;
        }
        Map<Long, Digest> digests = new LinkedHashMap<>();
        meetingsByDelegate(day).forEach((delegateId, meetings) -> digests.put(delegateId,
                new Digest(meetings.getFirst().email(), meetings.getFirst().name(), meetings, new ArrayList<>(),
                        new ArrayList<>())));
        jdbc.query("""
                select d.id, d.email, d.full_name, p.starts_at, p.ends_at, p.kind, p.title, p.place, p.title_en,
                       p.place_en
                from program_item_attendee a join program_item p on p.id = a.program_item_id
                join delegate d on d.id = a.delegate_id join company c on c.id = d.company_id
                where c.status = 'APPROVED' and p.starts_at >= ? and p.starts_at < ?
                order by p.starts_at, p.title
                """, rs -> {
            digest(digests, rs.getLong(1), rs.getString(2), rs.getString(3)).program().add(new ProgramLine(
                    rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6),
                    Bilingual.of(rs, "title"), Bilingual.of(rs, "place")));
        }, Timestamp.from(start(day)), Timestamp.from(start(day.plusDays(1))));
        for (AnnouncementsReceived.Received received : announcements.byDelegate(now.minus(Duration.ofDays(1)), now)) {
            digest(digests, received.delegateId(), received.email(), received.fullName()).announcements()
                    .add(received.body());
        }
        int sent = 0;
        for (Map.Entry<Long, Digest> each : digests.entrySet()) {
            Digest digest = each.getValue();
            if (sendOnce("morning_digest_sent", each.getKey(), day, now, digest.email(), "mail.digest.subject",
                    locale -> digestBody(digest, day, locale), "the morning digest of delegate " + each.getKey())) {
                sent++;
            }
        }
        return sent;
    }

    private static Digest digest(Map<Long, Digest> digests, long delegateId, String email, String name) {
        return digests.computeIfAbsent(delegateId,
                id -> new Digest(email, name, List.of(), new ArrayList<>(), new ArrayList<>()));
    }

    private String digestBody(Digest digest, LocalDate day, Locale locale) {
        StringBuilder text = new StringBuilder(i18n.getTranslation("mail.digest.body", locale, digest.name(),
                DAY.format(day))).append('\n');
        if (!digest.meetings().isEmpty()) {
            text.append('\n').append(i18n.getTranslation("mail.digest.meetings", locale));
            appendMeetings(text, digest.meetings(), locale);
            text.append('\n');
        }
        if (!digest.program().isEmpty()) {
            text.append('\n').append(i18n.getTranslation("mail.digest.program", locale));
            DateTimeFormatter time = time();
            for (ProgramLine item : digest.program()) {
                text.append('\n').append(time.format(item.startsAt())).append('–').append(time.format(item.endsAt()))
                        .append(" · ").append(i18n.getTranslation("program.kind." + item.kind(), locale))
                        .append(' ').append(i18n.getTranslation("text.quoted", locale, item.title().in(locale)))
                        .append(" · ").append(item.place().in(locale));
            }
            text.append('\n');
        }
        if (!digest.announcements().isEmpty()) {
            text.append('\n').append(i18n.getTranslation("mail.digest.announcements", locale));
            digest.announcements().forEach(announcement -> text.append("\n— ").append(announcement));
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * Once a minute: the companies of meetings starting within 10 minutes see it on their open pages,
     * once per meeting whichever node sees it first (claimed in {@code meeting_starting_soon}). A
     * meeting confirmed later than 10 minutes before its start, or a check late by a few seconds,
     * still gets its note, as long as the meeting has not started.
     */
    @Scheduled(fixedDelayString = "${b2bforum.reminders.soon-check:60s}")
    @Transactional
    void startingSoon() {
        Instant now = clock.instant();
        List<long[]> due = jdbc.query("""
                select m.id, m.requester_company_id, m.partner_company_id from meeting m join slot s on s.id = m.slot_id
                where m.status = 'CONFIRMED' and s.starts_at > ? and s.starts_at <= ?
                  and not exists (select 1 from meeting_starting_soon n where n.meeting_id = m.id)
                """, (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, utc(now),
                utc(now.plus(Duration.ofMinutes(10))));
        Set<Long> companies = new LinkedHashSet<>();
        for (long[] meeting : due) {
            // on Galera a node that claims the same meeting at the same moment fails to commit: the other one announces it
            if (jdbc.update("insert ignore into meeting_starting_soon (meeting_id, noted_at) values (?, ?)", meeting[0],
                    utc(now)) == 1) {
                companies.add(meeting[1]);
                companies.add(meeting[2]);
            }
        }
        liveFeed.companiesChanged(companies, LiveChange.Kind.REMINDER);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
