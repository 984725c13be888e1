package org.b2bforum.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import org.b2bforum.base.clock.RehearsalClock;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.Tokens;
import org.b2bforum.base.web.PublicUrl;
import org.b2bforum.company.Delegates;
import org.b2bforum.venue.Attendance;
import org.b2bforum.venue.AttendanceService;
import org.b2bforum.venue.CheckInService;
import org.b2bforum.venue.Outcome;
import org.b2bforum.venue.OutcomeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The venue side of the demo forum: a staff log-in, and a few delegates checked in early (at the
 * accreditation desk). Two check-in links (one used, one not) are written to the log to try the
 * check-in page. While the demo forum lies ahead no meeting has begun: none is marked held and no
 * outcome is recorded. A rehearsal after its last day shows it finished ({@link #finish}).
 */
@Component
class DemoVenue {

    static final String STAFF_EMAIL = "staff@forum.demo";
    static final String STAFF_PASSWORD = "demo-venue-2026";
    private static final int CHECKED_IN = 8;

    private static final Logger log = LoggerFactory.getLogger(DemoVenue.class);

    private final AccountService accounts;
    private final CheckInService checkIns;
    private final Delegates delegates;
    private final JdbcTemplate jdbc;
    private final PublicUrl publicUrl;
    private final AttendanceService attendance;
    private final OutcomeService outcomes;
    /** The forum's clock: a rehearsal's, when one is set. */
    private final Clock clock;

    DemoVenue(AccountService accounts, CheckInService checkIns, Delegates delegates, JdbcTemplate jdbc,
            PublicUrl publicUrl, AttendanceService attendance, OutcomeService outcomes, Clock clock) {
        this.attendance = attendance;
        this.outcomes = outcomes;
        this.clock = clock;
        this.accounts = accounts;
        this.checkIns = checkIns;
        this.delegates = delegates;
        this.jdbc = jdbc;
        this.publicUrl = publicUrl;
    }

    void create() {
        accounts.createStaffAccount(STAFF_EMAIL, STAFF_PASSWORD, "Ольга Воронцова (регистрация)");
        accounts.markDemo(STAFF_EMAIL);
        ForumUser staff = accounts.loadUserByUsername(STAFF_EMAIL);
        DemoLogIn.as(staff);
        finish(staff);
        // the first delegate of the first approved companies
        List<Long> early = jdbc.queryForList("""
                select min(d.id) from delegate d join company c on c.id = d.company_id
                where c.status = 'APPROVED' group by c.id order by c.id limit ?""", Long.class, CHECKED_IN);
        for (int i = 0; i < early.size(); i++) {
            String token = delegates.ensureBadgeKeys(List.of(early.get(i))).get(early.get(i)).checkInToken();
            // at the time a rehearsal says it is (the demo forum is loaded on the real time)
            RehearsalClock.onTheForumTime(() -> checkIns.checkIn(token));
            if (i == 0) {
                log.info(Tokens.PUBLISHED_DEMO_LINK, "Demo check-in link of a delegate already checked in: {}",
                        publicUrl.of("check-in/" + token));
            }
        }
        // and one who has not come yet: finish() checked in the delegates of the held meetings, maybe the next one's
        List<Long> notYet = jdbc.queryForList("""
                select d.id from delegate d join company c on c.id = d.company_id where c.status = 'APPROVED'
                and not exists (select 1 from delegate_check_in k where k.delegate_id = d.id)
                order by c.id, d.id limit 1""", Long.class);
        for (long delegate : notYet) {
            String token = delegates.ensureBadgeKeys(List.of(delegate)).get(delegate).checkInToken();
            log.info(Tokens.PUBLISHED_DEMO_LINK, "Demo check-in link of a delegate not yet checked in: {}",
                    publicUrl.of("check-in/" + token));
        }
    }

    /**
     * On a rehearsal clock past the forum's last slot, the forum is over: most confirmed meetings held (their delegates
     * checked in at the desk before), a few no-shows, and outcomes recorded by the companies, each when its meeting
     * ended (the staff's mark) or that evening (the company's outcome). Before, the results report of such a rehearsal
     * read "held: 0" with empty charts, and the demo's meetings, on a rehearsal after the forum, were requested on the
     * real day the demo was loaded and marked held at the moment it was loaded; now ({@link
     * RehearsalClock#atTheForumMoment}) they are requested while the booking window is open and marked when they end.
     * A rehearsal during the forum (before its last slot ends) finishes nothing: its
     * results show none yet.
     */
    private void finish(ForumUser staff) {
        Instant forumNow = RehearsalClock.forumInstant(clock);
        Timestamp lastEnd = jdbc.queryForObject("select max(ends_at) from slot", Timestamp.class);
        if (lastEnd == null || lastEnd.toInstant().isAfter(forumNow)) {
            return;
        }
        List<Object[]> confirmed = jdbc.query("""
                select m.id, m.requester_company_id, m.partner_company_id, s.ends_at
                from meeting m join slot s on s.id = m.slot_id where m.status = 'CONFIRMED' order by s.ends_at, m.id""",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant()});
        int held = 0;
        int reported = 0;
        Set<Long> checkedIn = new HashSet<>();
        for (int i = 0; i < confirmed.size(); i++) {
            long meeting = (long) confirmed.get(i)[0];
            Instant ended = (Instant) confirmed.get(i)[3];
            Attendance mark = attendanceOf(i);
            DemoLogIn.as(staff);
            if (mark == Attendance.HELD) { // its delegates came: checked in at the desk an hour before it ended
                for (long delegate : jdbc.queryForList("select delegate_id from meeting_delegate where meeting_id = ?",
                        Long.class, meeting)) {
                    if (checkedIn.add(delegate)) {
                        RehearsalClock.atTheForumMoment(ended.minus(Duration.ofHours(1)),
                                () -> checkIns.checkIn(delegate));
                    }
                }
            }
            RehearsalClock.atTheForumMoment(ended, () -> attendance.mark(meeting, mark));
            if (mark == Attendance.NO_SHOW) {
                continue;
            }
            held++;
            for (int side = 1; side <= 2; side++) {
                Optional<Outcome> outcome = outcomeOf(i, side == 1);
                Optional<String> email = accounts.emailOfCompany((long) confirmed.get(i)[side]);
                if (outcome.isPresent() && email.isPresent()) {
                    DemoLogIn.as(accounts.loadUserByUsername(email.get()));
                    RehearsalClock.atTheForumMoment(ended.plus(Duration.ofHours(3 + side)),
                            () -> outcomes.record(meeting, outcome.get(), null));
                    reported++;
                }
            }
        }
        DemoLogIn.as(staff);
        log.info("Demo forum finished: {} of {} confirmed meetings held, {} outcomes", held, confirmed.size(),
                reported);
    }

    /** One confirmed meeting in nine a no-show, the others held. */
    static Attendance attendanceOf(int index) {
        return index % 9 == 4 ? Attendance.NO_SHOW : Attendance.HELD;
    }

    /**
     * What a side of a held meeting recorded: the requester of three meetings in four, the partner of one in two; most
     * follow up, some prepare or sign an agreement, a few see no interest.
     */
    static Optional<Outcome> outcomeOf(int index, boolean requester) {
        if (requester ? index % 4 == 3 : index % 2 == 1) {
            return Optional.empty();
        }
        return Optional.of(OUTCOMES.get((index + (requester ? 0 : 3)) % OUTCOMES.size()));
    }

    private static final List<Outcome> OUTCOMES = List.of(Outcome.FOLLOW_UP, Outcome.AGREEMENT_IN_PREPARATION,
            Outcome.FOLLOW_UP, Outcome.NO_INTEREST, Outcome.AGREEMENT_SIGNED, Outcome.FOLLOW_UP,
            Outcome.AGREEMENT_IN_PREPARATION);

}
