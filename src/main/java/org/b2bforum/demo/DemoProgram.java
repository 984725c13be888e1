package org.b2bforum.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.b2bforum.base.clock.RehearsalClock;
import org.b2bforum.base.clock.WallClock;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.RecommendationService;
import org.b2bforum.company.Suggestion;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.DelegateChoice;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.SlotOption;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.program.ProgramItems;
import org.b2bforum.program.ProgramService;
import org.b2bforum.schedule.WishPriority;
import org.b2bforum.schedule.WishService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo forum's program (18–21 September of the coming forum year: plenary, round tables,
 * company presentations, two negotiation halls) and a realistic set of meetings: each company asks
 * its best suggested partners, most of whom accept. Each company has also listed the next ones
 * among its suggestions as meeting wishes (collected while the wishes phase was on, which the demo
 * then leaves off), so that organizers can build, review and publish a day's schedule.
 */
@Component
class DemoProgram {

    private static final Logger log = LoggerFactory.getLogger(DemoProgram.class);
    /** Suggested partners each demo company asks for a meeting, and those it then lists as wishes. */
    private static final int REQUESTED = 2;
    private static final int WISHED = 3;
    /** Between two companies' requests (and two answers, half of it). */
    private static final Duration ASKING_STEP = Duration.ofMinutes(83);

    private final ProgramService program;
    private final ProgramItems programItems;
    private final BookingWindow bookingWindow;
    private final MeetingQueries meetings;
    private final MeetingRequests requests;
    private final WishService wishes;
    private final RecommendationService recommendations;
    private final AccountService accounts;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** The forum's clock: a rehearsal's, when one is set. */
    private final Clock forumClock;

    DemoProgram(ProgramService program, ProgramItems programItems, BookingWindow bookingWindow, MeetingQueries meetings,
            MeetingRequests requests, WishService wishes, RecommendationService recommendations, AccountService accounts,
            JdbcTemplate jdbc, @WallClock Clock clock, Clock forumClock) {
        this.jdbc = jdbc;
        this.program = program;
        this.programItems = programItems;
        this.bookingWindow = bookingWindow;
        this.meetings = meetings;
        this.requests = requests;
        this.wishes = wishes;
        this.recommendations = recommendations;
        this.accounts = accounts;
        this.clock = clock;
        this.forumClock = forumClock;
    }

    /** The first day of the forum: 18 September of this year, or of next year once it has passed. */
    LocalDate firstDay() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow")));
        LocalDate day = LocalDate.of(today.getYear(), 9, 18);
        return day.isAfter(today) ? day : day.plusYears(1);
    }

    /** Sets up the program; call as the organizer. */
    void createProgram() {
        LocalDate first = firstDay();
        List<Long> days = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            days.add(program.addDay(first.plusDays(i)));
        }
        long hallA = program.addHall("Зал переговоров А", "Negotiation Hall A", 30);
        long hallB = program.addHall("Зал переговоров Б", "Negotiation Hall B", 20);
        program.addSession(days.get(0), hallA, "B2B-переговоры, день 1, после обеда", "B2B talks, day 1, afternoon",
                LocalTime.of(14, 0), LocalTime.of(18, 0), 20, 0);
        program.addSession(days.get(0), hallB, "B2B-переговоры: промышленность и ЖКХ",
                "B2B talks: industry and municipal services", LocalTime.of(14, 0), LocalTime.of(17, 0), 20, 0);
        program.addSession(days.get(1), hallA, "B2B-переговоры, день 2, утро", "B2B talks, day 2, morning",
                LocalTime.of(10, 0), LocalTime.of(13, 0), 20, 0);
        program.addSession(days.get(1), hallA, "B2B-переговоры, день 2, после обеда", "B2B talks, day 2, afternoon",
                LocalTime.of(14, 30), LocalTime.of(17, 30), 20, 0);
        program.addSession(days.get(2), hallB, "B2B-переговоры, день 3", "B2B talks, day 3", LocalTime.of(10, 0),
                LocalTime.of(13, 0), 20, 0);

        long plenary = programItems.add(days.get(0), ProgramItemKind.PLENARY,
                "Пленарное заседание «Минск и Москва: новый драйвер развития»",
                "Plenary session: Minsk and Moscow, a new driver of development", "Конгресс-холл", "Congress Hall",
                LocalTime.of(10, 0), LocalTime.of(12, 30));
        long tourism = programItems.add(days.get(1), ProgramItemKind.ROUND_TABLE,
                "Круглый стол «Туризм и гостеприимство»", "Round table: Tourism and hospitality", "Зал «Немига»",
                "Nemiga Hall", LocalTime.of(10, 0), LocalTime.of(11, 30));
        programItems.add(days.get(1), ProgramItemKind.ROUND_TABLE, "Круглый стол «Здравоохранение и социальная защита»",
                "Round table: Healthcare and social protection", "Зал «Свислочь»", "Svisloch Hall", LocalTime.of(11, 0),
                LocalTime.of(12, 30));
        programItems.add(days.get(1), ProgramItemKind.ROUND_TABLE, "Круглый стол «Образование и молодёжная политика»",
                "Round table: Education and youth policy", "Зал «Немига»", "Nemiga Hall", LocalTime.of(14, 30),
                LocalTime.of(16, 0));
        programItems.add(days.get(2), ProgramItemKind.PRESENTATION,
                "Презентации белорусских производителей дорожной и коммунальной техники",
                "Presentations of Belarusian makers of road and municipal machinery", "Выставочный павильон",
                "Exhibition pavilion", LocalTime.of(14, 0), LocalTime.of(16, 0));
        programItems.add(days.get(3), ProgramItemKind.PLENARY, "Подведение итогов форума", "Closing of the forum",
                "Конгресс-холл", "Congress Hall", LocalTime.of(11, 0), LocalTime.of(12, 30));

        programItems.signUp(plenary, jdbc.queryForList("""
                select min(d.id) from delegate d join company c on c.id = d.company_id
                where c.status = 'APPROVED' and mod(c.id, 2) = 0 group by c.id""", Long.class));
        programItems.signUp(tourism, jdbc.queryForList("""
                select min(d.id) from delegate d join company_sector s on s.company_id = d.company_id
                where s.sector = 'TOURISM' group by d.company_id""", Long.class));
        bookingWindow.update(new BookingSettings(null,
                first.minusDays(1).atTime(18, 0).atZone(ZoneId.of("Europe/Moscow")).toInstant(), 12, false));
    }

    /**
     * Each approved company asks its two best suggested partners for a meeting; two of three
     * requests are accepted.
     */
    int createMeetings(List<String> companyEmails) {
        int requested = 0;
        List<long[]> toAccept = new ArrayList<>();
        Map<String, List<Suggestion>> wished = new LinkedHashMap<>();
        // on the rehearsal's time, while the booking window is open: a rehearsal past it showed every meeting asked
        // for on the real day the demo was loaded, months before (or after) its forum (stop 52's walk)
        Instant closes = bookingWindow.settings().closesAt();
        Instant forumNow = RehearsalClock.forumInstant(forumClock);
        Instant asking = (closes != null && closes.isBefore(forumNow) ? closes : forumNow)
                .minus(ASKING_STEP.multipliedBy(2L * companyEmails.size() + 2));
        for (int c = 0; c < companyEmails.size(); c++) {
            String email = companyEmails.get(c);
            ForumUser company = logInAs(email);
            Instant askedAt = asking.plus(ASKING_STEP.multipliedBy(c));
            List<Suggestion> best;
            try {
                List<Suggestion> suggestions = recommendations.mySuggestions(REQUESTED + WISHED);
                best = suggestions.subList(0, Math.min(REQUESTED, suggestions.size()));
                wished.put(email, suggestions.subList(best.size(), suggestions.size()));
            } catch (RuntimeException notApproved) {
                continue;
            }
            List<DelegateChoice> delegates = meetings.myDelegates();
            for (Suggestion suggestion : best) {
                List<SlotOption> slots = meetings.freeSlotsWith(suggestion.companyId(), List.of(delegates.getFirst().id()));
                if (slots.isEmpty()) {
                    continue;
                }
                SlotOption slot = slots.get((int) ((company.companyId() * 7 + suggestion.companyId()) % slots.size()));
                try {
                    long[] asked = new long[1];
                    RehearsalClock.atTheForumMoment(askedAt, () -> asked[0] = requests.request(suggestion.companyId(),
                            slot.slotId(), List.of(delegates.getFirst().id()),
                            "Добрый день! Хотели бы обсудить возможное сотрудничество на форуме.").meetingId());
                    long id = asked[0];
                    requested++;
                    if (requested % 3 != 0) {
                        toAccept.add(new long[] {suggestion.companyId(), id});
                    }
                } catch (BookingRefusedException busy) {
                    // the pair already meets, or the limit is reached: fine for demo data
                }
            }
        }
        int confirmed = 0;
        Instant answering = asking.plus(ASKING_STEP.multipliedBy(companyEmails.size() + 1L));
        for (long[] acceptance : toAccept) {
            Instant answeredAt = answering;
            answering = answering.plus(ASKING_STEP.dividedBy(2));
            String email = accounts.emailOfCompany(acceptance[0]).orElse(null);
            if (email == null) {
                continue;
            }
            logInAs(email);
            try {
                RehearsalClock.atTheForumMoment(answeredAt,
                        () -> requests.accept(acceptance[1], List.of(), "Спасибо, будем рады встрече!"));
                confirmed++;
            } catch (BookingRefusedException busy) {
                // the slot filled up meanwhile
            }
        }
        log.info("Demo meetings: {} requested, {} confirmed", requested, confirmed);
        createWishes(wished);
        return confirmed;
    }

    /**
     * The wishes phase, briefly: each company wishes to meet the suggestions after those it asked,
     * its best one of them a must. The demo then returns to booking slots directly.
     */
    private void createWishes(Map<String, List<Suggestion>> wished) {
        logInAs(DemoDataLoader.ORGANIZER_EMAIL);
        BookingSettings booking = bookingWindow.settings();
        bookingWindow.update(new BookingSettings(booking.opensAt(), booking.closesAt(), booking.meetingLimit(),
                booking.instantBooking(), true));
        int count = 0;
        for (Map.Entry<String, List<Suggestion>> entry : wished.entrySet()) {
            logInAs(entry.getKey());
            List<Suggestion> next = entry.getValue();
            for (int i = 0; i < next.size(); i++) {
                wishes.wish(next.get(i).companyId(), i == 0 ? WishPriority.MUST : WishPriority.NICE);
                count++;
            }
        }
        logInAs(DemoDataLoader.ORGANIZER_EMAIL);
        bookingWindow.update(booking);
        log.info("Demo wishes: {}", count);
    }

    private ForumUser logInAs(String email) {
        ForumUser user = accounts.loadUserByUsername(email);
        DemoLogIn.as(user);
        return user;
    }
}
