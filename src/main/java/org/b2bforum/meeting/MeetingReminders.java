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
import java.util.List;
import java.util.Map;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.i18n.MeetingPlace;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveFeed;
import org.b2bforum.base.mail.BilingualMail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Reminders: the evening before, each delegate attending confirmed meetings gets them by e-mail
 * (when SMTP is configured); ten minutes before a meeting, the open pages of both companies say so.
 * Every node runs them; the e-mail is claimed per delegate and day in the database, so it goes once.
 */
@Component
class MeetingReminders {

    private record Line(long delegateId, String email, String name, Instant startsAt, MeetingPlace place,
            String counterpart) {
    }

    private final JdbcTemplate jdbc;
    private final BilingualMail mail;
    private final I18NProvider i18n;
    private final ForumTime forumTime;
    private final LiveFeed liveFeed;
    private final Clock clock;

    MeetingReminders(JdbcTemplate jdbc, BilingualMail mail, I18NProvider i18n, ForumTime forumTime, LiveFeed liveFeed,
            Clock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.i18n = i18n;
        this.forumTime = forumTime;
        this.liveFeed = liveFeed;
        this.clock = clock;
    }

    @Scheduled(cron = "${b2bforum.reminders.evening-cron:0 0 19 * * *}", zone = "${b2bforum.time-zone:Europe/Moscow}")
    void eveningReminders() {
        sendForDay(LocalDate.ofInstant(clock.instant(), forumTime.zone()).plusDays(1));
    }

    /** E-mails each delegate their confirmed meetings of {@code day}, once; returns how many were e-mailed. */
    @Transactional
    int sendForDay(LocalDate day) {
        if (!mail.canSend()) {
            return 0;
        }
        Instant from = day.atStartOfDay(forumTime.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(forumTime.zone()).toInstant();
        List<Line> lines = jdbc.query("""
                select d.id, d.email, d.full_name, s.starts_at,
                       case when m.requester_company_id = md.company_id then p.short_name else r.short_name end counterpart,
                """ + MeetingPlace.COLUMNS + """
                from meeting_delegate md join delegate d on d.id = md.delegate_id
                join meeting m on m.id = md.meeting_id join slot s on s.id = m.slot_id join hall h on h.id = s.hall_id
                left join meeting_table t on t.id = m.table_id
                """ + MeetingPlace.JOINS + """
                join company r on r.id = m.requester_company_id join company p on p.id = m.partner_company_id
                where m.status = 'CONFIRMED' and s.starts_at >= ? and s.starts_at < ?
                order by d.id, s.starts_at
                """, (rs, row) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                MeetingPlace.of(rs), rs.getString("counterpart")), utc(from), utc(to));
        Map<Long, List<Line>> byDelegate = new LinkedHashMap<>();
        lines.forEach(line -> byDelegate.computeIfAbsent(line.delegateId(), id -> new ArrayList<>()).add(line));
        int sent = 0;
        for (List<Line> meetings : byDelegate.values()) {
            Line first = meetings.getFirst();
            int claimed = jdbc.update("insert ignore into meeting_reminder_sent (delegate_id, forum_date, sent_at)"
                    + " values (?, ?, ?)", first.delegateId(), day, utc(clock.instant()));
            if (claimed == 1 && mail.send(first.email(), "mail.reminder.subject",
                    locale -> body(first.name(), day, meetings, locale), "the reminder of delegate " + first.delegateId())) {
                sent++;
            }
        }
        return sent;
    }

    private String body(String name, LocalDate day, List<Line> meetings, java.util.Locale locale) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm").withZone(forumTime.zone());
        StringBuilder text = new StringBuilder(i18n.getTranslation("mail.reminder.body", locale, name,
                DateTimeFormatter.ofPattern("dd.MM.yyyy").format(day))).append('\n');
        for (Line meeting : meetings) {
            text.append("\n").append(time.format(meeting.startsAt())).append(" · ").append(meeting.counterpart())
                    .append(" · ").append(meeting.place().describe(locale,
                            (key, params) -> i18n.getTranslation(key, locale, params)));
        }
        return text.toString();
    }

    /** Once a minute: the companies of meetings starting in 9 to 10 minutes see it on their open pages. */
    @Scheduled(fixedDelayString = "${b2bforum.reminders.soon-check:60s}")
    void startingSoon() {
        Instant now = clock.instant();
        List<Long> companies = jdbc.query("""
                select m.requester_company_id, m.partner_company_id from meeting m join slot s on s.id = m.slot_id
                where m.status = 'CONFIRMED' and s.starts_at > ? and s.starts_at <= ?
                """, (rs, row) -> List.of(rs.getLong(1), rs.getLong(2)), utc(now.plus(Duration.ofMinutes(9))),
                utc(now.plus(Duration.ofMinutes(10)))).stream().flatMap(List::stream).distinct().toList();
        liveFeed.companiesChanged(companies, LiveChange.Kind.REMINDER);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
