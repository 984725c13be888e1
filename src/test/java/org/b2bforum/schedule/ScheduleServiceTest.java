package org.b2bforum.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.ForumDayRef;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestClock;
import org.b2bforum.TestData;
import org.b2bforum.meeting.BookingInvariants;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.MeetingRecords;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.meeting.MeetingStatus;
import org.b2bforum.meeting.MeetingDetails;
import org.b2bforum.meeting.ScheduledMeeting;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.program.Slot;
import org.b2bforum.schedule.DayProblem.DayMeeting;
import org.b2bforum.schedule.DayProblem.Kind;
import org.b2bforum.schedule.ScheduleReview.PlacedMeeting;
import org.b2bforum.optimizer.SchedulingProblem;
import org.b2bforum.optimizer.Unplaced;
import org.b2bforum.program.ProgramItems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schedule is built from the program and the wishes, solved in the background, published as
 * confirmed meetings and rebuilt around them. Whatever optimiser is behind it, the checks here hold:
 * every meeting that fits is placed, nothing is double-booked, confirmed meetings stay put.
 */
@ForumSpringTest
class ScheduleServiceTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    ScheduleService schedule;
    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    ProgramItems programItems;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScheduleFixture fixture;
    @Autowired
    BookingFixture booking;

    @BeforeEach
    void setUp() {
        fixture.startWishesPhase();
    }

    @Test
    void the_problem_has_a_slot_per_slot_time_with_the_tables_of_all_halls_the_days_meetings_fixed_and_the_wishes_to_place() {
        ForumDayRef day = booking.newDay();
        long hallA = booking.newHall(3);
        long hallB = booking.newHall(2);
        TestSession morningA = booking.session(day, hallA, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestSession morningB = booking.session(day, hallB, LocalTime.of(10, 20), LocalTime.of(11, 0), 20);
        booking.session(day, hallA, LocalTime.of(14, 0), LocalTime.of(14, 40), 20);
        List<TestCompany> c = booking.approvedCompanies(5);
        fixture.wish(c.get(0), c.get(1), WishPriority.NICE);
        fixture.wish(c.get(1), c.get(0), WishPriority.MUST);
        fixture.wish(c.get(0), c.get(2), WishPriority.NICE);
        fixture.wish(c.get(3), c.get(0), WishPriority.NICE);
        long alreadyMet = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(c.get(3).id(), c.get(0).id(),
                morningB.slot(0).id()));
        long direct = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(c.get(2).id(), c.get(3).id(),
                morningA.slot(2).id()));
        booking.asOrganizer(() -> {
            long roundTable = programItems.add(day.id(), ProgramItemKind.ROUND_TABLE, "Круглый стол " + TestData.unique(), null,
                    "Малый зал", null, LocalTime.of(10, 0), LocalTime.of(10, 20));
            programItems.signUp(roundTable, c.get(1).delegateIds());
            long presentation = programItems.add(day.id(), ProgramItemKind.PRESENTATION,
                    "Презентация " + TestData.unique(), null, "Павильон", null, LocalTime.of(10, 20), LocalTime.of(10, 40));
            programItems.signUp(presentation, List.of(c.get(2).firstDelegate()));
        });

        DayProblem input = booking.asOrganizer(() -> schedule.problem(day.id()));
        SchedulingProblem problem = input.problem();

        assertThat(input.slots()).extracting(s -> s.startsAt().atZone(MOSCOW).toLocalTime().toString())
                .containsExactly("10:00", "10:20", "10:40", "14:00", "14:20");
        assertThat(problem.tablesPerSlot()).as("parallel halls add up").containsExactly(3, 5, 5, 3, 3);
        assertThat(problem.morningSlots()).as("slots before 13:00").isEqualTo(3);
        assertThat(input.slots().get(1).tables()).extracting(DayProblem.TablePlace::slotId)
                .containsOnly(morningA.slot(1).id(), morningB.slot(0).id());
        assertThat(input.companyIds()).containsExactlyInAnyOrder(c.get(0).id(), c.get(1).id(), c.get(2).id(),
                c.get(3).id());
        assertThat(input.meetings()).extracting(DayMeeting::kind, DayMeeting::companyA, DayMeeting::companyB,
                DayMeeting::fixedMeetingId).containsExactly(
                tuple(Kind.FIXED, c.get(3).id(), c.get(0).id(), alreadyMet),
                tuple(Kind.FIXED, c.get(2).id(), c.get(3).id(), direct),
                tuple(Kind.MUST, c.get(0).id(), c.get(1).id(), null),
                tuple(Kind.NICE, c.get(0).id(), c.get(2).id(), null));
        assertThat(problem.meetings()).extracting(m -> m.fixedSlot()).containsExactly(1, 2, -1, -1);
        assertThat(problem.meetings().get(2).first()).isEqualTo(input.participantOf(c.get(0).id()));
        assertThat(problem.meetings().get(2).second()).isEqualTo(input.participantOf(c.get(1).id()));
        assertThat(problem.forbidden().get(input.participantOf(c.get(1).id())))
                .as("both delegates at the round table").containsExactly(0);
        assertThat(problem.forbidden().get(input.participantOf(c.get(2).id())))
                .as("one delegate at the presentation, the other free").isEmpty();
        assertThat(input.fixedMeetings()).isEqualTo(2);
        assertThat(input.wishedMeetings()).isEqualTo(2);
        assertThat(input.mustMeetings()).isEqualTo(1);
    }

    @Test
    void a_build_runs_in_the_background_and_stores_every_meeting_at_a_table_without_double_booking() {
        TestSession session = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 20), 20);
        List<TestCompany> c = booking.approvedCompanies(4);
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                fixture.wish(c.get(i), c.get(j), j % 2 == 0 ? WishPriority.MUST : WishPriority.NICE);
            }
        }

        ScheduleRun run = fixture.build(session.dayId());

        assertThat(run.status()).isEqualTo(ScheduleRunStatus.DONE);
        assertThat(run.toPlace()).isEqualTo(6);
        assertThat(run.placedWishes()).as("six meetings, eight table places, every company free").isEqualTo(6);
        assertThat(run.finishedAt()).isNotNull();
        ScheduleReview review = fixture.review(run.id());
        assertThat(review.stale()).isFalse();
        assertThat(review.unplaced()).isEmpty();
        assertThat(review.placed()).hasSize(6).allMatch(m -> m.kind() != Kind.FIXED)
                .allMatch(m -> m.tableNumber() >= 1 && m.tableNumber() <= 2);
        assertThat(ScheduleFixture.doubleBookings(review)).isEmpty();
        assertThat(review.slots()).extracting(ScheduleReview.SlotUse::tables).containsOnly(2);
        assertThat(review.slots().stream().mapToInt(ScheduleReview.SlotUse::used).sum()).isEqualTo(6);
        for (TestCompany company : c) {
            ScheduleReview.CompanyDay day = review.companies().stream().filter(d -> d.companyId() == company.id())
                    .findFirst().orElseThrow();
            assertThat(day.meetings()).isEqualTo(3);
            assertThat(day.breaks()).isEqualTo(ScheduleFixture.breaksOf(review, company.id()));
        }
        int breaks = c.stream().mapToInt(company -> ScheduleFixture.breaksOf(review, company.id())).sum();
        assertThat(run.totalBreaks()).as("the stored figures are the placed meetings' own").isEqualTo(breaks);
        int[] each = c.stream().mapToInt(company -> ScheduleFixture.breaksOf(review, company.id())).toArray();
        assertThat(run.maxBreaks()).isEqualTo(Arrays.stream(each).max().orElseThrow());
        assertThat(run.fairnessGap()).isEqualTo(Arrays.stream(each).max().orElseThrow() - Arrays.stream(each).min().orElseThrow());
    }

    @Test
    void only_one_run_at_a_time_and_a_day_without_wishes_is_not_built() {
        TestSession session = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        assertThatThrownBy(() -> booking.asOrganizer(() -> schedule.build(session.dayId(), java.time.Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(ScheduleRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("schedule.error.no-wishes"));
        List<TestCompany> c = booking.approvedCompanies(2);
        fixture.wish(c.get(0), c.get(1), WishPriority.NICE);
        long organizer = jdbc.queryForObject("select id from app_user where email = ?", Long.class,
                TestData.ORGANIZER_EMAIL);
        jdbc.update("""
                insert into schedule_run (day_id, status, scheduler, time_limit_seconds, fingerprint, companies, slots,
                    meetings, fixed_meetings, started_by, started_at)
                values (?, 'RUNNING', 'test', 5, repeat('0', 64), 0, 0, 0, 0, ?, now())""", session.dayId(), organizer);
        try {
            assertThatThrownBy(() -> booking.asOrganizer(() -> schedule.build(session.dayId(), java.time.Duration.ofSeconds(5))))
                    .isInstanceOfSatisfying(ScheduleRefusedException.class,
                            e -> assertThat(e.key()).isEqualTo("schedule.error.running"));
        } finally {
            jdbc.update("delete from schedule_run where scheduler = 'test'");
        }
        assertThat(fixture.build(session.dayId()).status()).isEqualTo(ScheduleRunStatus.DONE);
    }

    @Test
    void publishing_confirms_the_meetings_at_their_tables_notifies_both_companies_and_a_rerun_keeps_them_in_place() {
        TestSession session = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        List<TestCompany> c = booking.approvedCompanies(4);
        long direct = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(c.get(1).id(), c.get(3).id(),
                session.slot(1).id()));
        MeetingDetails directBefore = booking.asOrganizer(() -> meetingQueries.meeting(direct));
        fixture.wish(c.get(0), c.get(1), WishPriority.MUST);
        fixture.wish(c.get(2), c.get(3), WishPriority.NICE);
        fixture.wish(c.get(0), c.get(2), WishPriority.NICE);

        ScheduleRun run = fixture.build(session.dayId());
        ScheduleReview review = fixture.review(run.id());
        assertThat(review.unplaced()).isEmpty();
        assertThat(review.placed()).filteredOn(m -> m.kind() == Kind.FIXED).singleElement()
                .satisfies(m -> assertThat(m.startsAt()).isEqualTo(session.slot(1).startsAt()))
                .satisfies(m -> assertThat(m.tableNumber()).isEqualTo(directBefore.tableNumber()));

        int confirmed = booking.asOrganizer(() -> schedule.publish(run.id()));

        assertThat(confirmed).isEqualTo(3);
        assertThat(booking.asOrganizer(() -> schedule.run(run.id())).orElseThrow().status())
                .isEqualTo(ScheduleRunStatus.PUBLISHED);
        List<MeetingDetails> day = booking.asOrganizer(() -> meetingQueries.meetingsInSession(session.sessionId()));
        assertThat(day).filteredOn(m -> m.status() == MeetingStatus.CONFIRMED).hasSize(4);
        for (PlacedMeeting placed : review.placed()) {
            assertThat(day).as("confirmed where the review showed it: %s", placed).anyMatch(m ->
                    m.status() == MeetingStatus.CONFIRMED && m.startsAt().equals(placed.startsAt())
                            && m.tableNumber() == placed.tableNumber()
                            && Set.of(m.requesterId(), m.partnerId()).equals(Set.of(placed.companyAId(), placed.companyBId())));
        }
        MeetingDetails directAfter = booking.asOrganizer(() -> meetingQueries.meeting(direct));
        assertThat(directAfter.slotId()).isEqualTo(directBefore.slotId());
        assertThat(directAfter.tableNumber()).isEqualTo(directBefore.tableNumber());
        assertThat(new BookingInvariants(jdbc).violations(session.slotIds())).allSatisfy((k, v) -> assertThat(v).as(k).isZero());
        assertThat(day).filteredOn(m -> m.id() != direct).allMatch(m -> m.delegates().size() == 2);
        // one summary per company and publishing, however many of its meetings it publishes (ux54: one each before)
        String date = java.time.format.DateTimeFormatter.ofPattern("dd.MM").withZone(MOSCOW)
                .format(session.slot(0).startsAt());
        assertThat(summariesOf(c.get(2))).as("two meetings of c2").containsExactly(date + " 2");
        assertThat(summariesOf(c.get(1))).containsExactly(date + " 1");
        assertThat(summariesOf(c.get(3))).as("its direct meeting was there before").containsExactly(date + " 1");
        assertThat(notificationsOf(c.get(2), "notification.meeting.SCHEDULED")).isZero();

        assertThatThrownBy(() -> booking.asOrganizer(() -> schedule.publish(run.id())))
                .isInstanceOfSatisfying(ScheduleRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("schedule.error.published"));

        // a late wish: the rebuilt schedule keeps every published meeting where it is
        TestCompany late = booking.approvedCompany();
        fixture.wish(late, c.get(3), WishPriority.MUST);
        ScheduleRun rerun = fixture.build(session.dayId());
        ScheduleReview second = fixture.review(rerun.id());
        assertThat(rerun.fixedMeetings()).isEqualTo(4);
        assertThat(second.placed()).filteredOn(m -> m.kind() == Kind.FIXED).hasSize(4).allSatisfy(m ->
                assertThat(day).anyMatch(d -> d.status() == MeetingStatus.CONFIRMED && d.startsAt().equals(m.startsAt())
                        && d.tableNumber() == m.tableNumber()
                        && Set.of(d.requesterId(), d.partnerId()).equals(Set.of(m.companyAId(), m.companyBId()))));
        assertThat(second.placed()).filteredOn(m -> m.kind() != Kind.FIXED)
                .extracting(PlacedMeeting::companyAId, PlacedMeeting::companyBId).containsExactly(tuple(late.id(), c.get(3).id()));
        assertThat(ScheduleFixture.doubleBookings(second)).isEmpty();
        assertThat(booking.asOrganizer(() -> schedule.publish(rerun.id()))).isEqualTo(1);
        assertThat(new BookingInvariants(jdbc).violations(session.slotIds())).allSatisfy((k, v) -> assertThat(v).as(k).isZero());
    }

    @Test
    void a_run_is_not_published_once_wishes_or_meetings_changed_since_it_was_built() {
        TestSession session = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        List<TestCompany> c = booking.approvedCompanies(4);
        fixture.wish(c.get(0), c.get(1), WishPriority.MUST);
        ScheduleRun run = fixture.build(session.dayId());

        fixture.wish(c.get(2), c.get(3), WishPriority.NICE);
        assertThat(fixture.review(run.id()).stale()).isTrue();
        assertThatThrownBy(() -> booking.asOrganizer(() -> schedule.publish(run.id())))
                .isInstanceOfSatisfying(ScheduleRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("schedule.error.stale"));

        ScheduleRun fresh = fixture.build(session.dayId());
        Slot slot = session.slot(0);
        booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(c.get(1).id(), c.get(2).id(), slot.id()));
        assertThatThrownBy(() -> booking.asOrganizer(() -> schedule.publish(fresh.id())))
                .isInstanceOfSatisfying(ScheduleRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("schedule.error.stale"));
        assertThat(booking.asOrganizer(() -> meetingQueries.meetingsInSession(session.sessionId())))
                .as("nothing published").hasSize(1);
        assertThat(booking.asOrganizer(() -> schedule.run(fresh.id())).orElseThrow().status())
                .isEqualTo(ScheduleRunStatus.DONE);
    }

    @Test
    void when_not_all_fit_the_must_meet_wishes_are_placed_and_the_rest_are_listed_with_a_reason() {
        TestSession session = booking.session(1, LocalTime.of(10, 0), LocalTime.of(10, 40), 20);
        List<TestCompany> c = booking.approvedCompanies(6);
        fixture.wish(c.get(0), c.get(1), WishPriority.NICE);
        fixture.wish(c.get(2), c.get(3), WishPriority.NICE);
        fixture.wish(c.get(4), c.get(5), WishPriority.MUST);

        ScheduleRun run = fixture.build(session.dayId());
        ScheduleReview review = fixture.review(run.id());

        assertThat(review.placed()).hasSize(2).anyMatch(m -> m.kind() == Kind.MUST);
        assertThat(review.unplaced()).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(Kind.NICE);
            assertThat(u.reason()).isNotNull();
        });
        assertThat(ScheduleFixture.doubleBookings(review)).isEmpty();
    }

    @Test
    void a_day_is_built_within_each_companys_meeting_limit_must_meet_wishes_first_and_published_without_going_over_it() {
        TestSession session = booking.session(4, LocalTime.of(10, 0), LocalTime.of(11, 20), 20);
        TestSession otherDay = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        List<TestCompany> c = booking.approvedCompanies(5);
        booking.bookingSettings(new BookingSettings(null, null, 3, false, true));
        // c0 has two of its three meetings: one on this day, one on another
        booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(c.get(0).id(), c.get(4).id(), session.slot(0).id()));
        booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(c.get(4).id(), c.get(0).id(), otherDay.slot(0).id()));
        fixture.wish(c.get(0), c.get(1), WishPriority.NICE);
        fixture.wish(c.get(0), c.get(2), WishPriority.NICE);
        fixture.wish(c.get(3), c.get(0), WishPriority.MUST);
        fixture.wish(c.get(1), c.get(2), WishPriority.NICE);

        ScheduleRun run = fixture.build(session.dayId());
        ScheduleReview review = fixture.review(run.id());

        assertThat(review.placed()).filteredOn(m -> m.kind() != Kind.FIXED)
                .extracting(PlacedMeeting::companyAId, PlacedMeeting::companyBId)
                .containsExactlyInAnyOrder(tuple(c.get(3).id(), c.get(0).id()), tuple(c.get(1).id(), c.get(2).id()));
        assertThat(review.unplaced()).hasSize(2).allSatisfy(u -> {
            assertThat(u.reason()).isEqualTo(Unplaced.Reason.LIMIT_REACHED);
            assertThat(u.reasonCompany()).isEqualTo(MeetingRecords.nameOf(jdbc, c.get(0)));
            assertThat(u.wanted()).as("the limit").isEqualTo(3);
            assertThat(u.available()).as("meetings it had left").isEqualTo(1);
        });

        assertThat(booking.asOrganizer(() -> schedule.publish(run.id()))).isEqualTo(2);
        assertThat(MeetingRecords.activeOf(jdbc, c.get(0))).isEqualTo(3);
    }

    @Test
    void publishing_checks_the_limit_again_under_the_company_locks_and_publishes_nothing_that_would_exceed_it() {
        TestSession session = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        List<TestCompany> c = booking.approvedCompanies(5);
        booking.bookingSettings(new BookingSettings(null, null, 1, false, true));
        booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(c.get(0).id(), c.get(3).id(), session.slot(0).id()));
        List<Long> tables = jdbc.queryForList("select id from meeting_table where hall_id = ? order by number",
                Long.class, session.hallId());

        assertThatThrownBy(() -> booking.asOrganizer(() -> organizerBookings.publishScheduled(List.of(
                new ScheduledMeeting(c.get(1).id(), c.get(2).id(), session.slot(1).id(), tables.get(0)),
                new ScheduledMeeting(c.get(4).id(), c.get(0).id(), session.slot(2).id(), tables.get(0))), () -> { })))
                .isInstanceOfSatisfying(BookingRefusedException.class, e -> {
                    assertThat(e.key()).isEqualTo("meeting.error.scheduled-limit");
                    assertThat(e.args()).containsExactly(MeetingRecords.nameOf(jdbc, c.get(0)), 1, 2);
                });

        assertThat(booking.asOrganizer(() -> meetingQueries.meetingsInSession(session.sessionId())))
                .as("nothing published").hasSize(1);
    }

    @Test
    void a_published_meeting_settles_the_pairs_open_requests_to_each_other_and_tells_the_requester() {
        TestSession session = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestSession otherDay = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        List<TestCompany> c = booking.approvedCompanies(3);
        booking.bookingSettings(new BookingSettings(null, null, 200, false));
        long asked = booking.as(c.get(0), () -> meetingRequests.request(c.get(1).id(), otherDay.slot(0).id(),
                List.of(c.get(0).firstDelegate()), null).meetingId());
        long askedBack = booking.as(c.get(1), () -> meetingRequests.request(c.get(0).id(), otherDay.slot(1).id(),
                List.of(c.get(1).firstDelegate()), null).meetingId());
        long unrelated = booking.as(c.get(0), () -> meetingRequests.request(c.get(2).id(), otherDay.slot(2).id(),
                List.of(c.get(0).firstDelegate()), null).meetingId());
        fixture.startWishesPhase();
        fixture.wish(c.get(0), c.get(1), WishPriority.MUST);

        ScheduleRun run = fixture.build(session.dayId());
        assertThat(booking.asOrganizer(() -> schedule.publish(run.id()))).isEqualTo(1);

        assertThat(statusOf(asked)).isEqualTo("CANCELLED");
        assertThat(statusOf(askedBack)).isEqualTo("CANCELLED");
        assertThat(statusOf(unrelated)).isEqualTo("REQUESTED");
        assertThat(jdbc.queryForObject("select comment from meeting_event where meeting_id = ? and status = 'CANCELLED'",
                String.class, asked))
                .contains(MeetingRecords.nameOf(jdbc, c.get(0)), MeetingRecords.nameOf(jdbc, c.get(1)));
        assertThat(notificationsOf(c.get(0), "notification.meeting.SETTLED")).isEqualTo(1);
        assertThat(notificationsOf(c.get(1), "notification.meeting.SETTLED")).isEqualTo(1);
        assertThat(MeetingRecords.activeOf(jdbc, c.get(0))).as("the scheduled meeting and the unrelated request").isEqualTo(2);
    }

    @Test
    void a_published_meeting_leaves_the_pairs_request_whose_time_came_unanswered_as_it_is_and_tells_nobody_of_it() {
        TestSession session = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        List<TestCompany> c = booking.approvedCompanies(2);
        booking.bookingSettings(new BookingSettings(null, null, 200, false));
        long unanswered = booking.as(c.get(0), () -> meetingRequests.request(c.get(1).id(), session.slot(0).id(),
                List.of(c.get(0).firstDelegate()), null).meetingId());
        // the same day's 10:20 (another test day's order against this one's is not known)
        long waiting = booking.as(c.get(1), () -> meetingRequests.request(c.get(0).id(), session.slot(1).id(),
                List.of(c.get(1).firstDelegate()), null).meetingId());
        long table = jdbc.queryForObject("select id from meeting_table where hall_id = ? order by number limit 1",
                Long.class, session.hallId());

        // published a minute after the first slot began, for the pair's 10:40 that day
        TestClock.aheadOnThisThread(Duration.between(Instant.now(), session.slot(0).startsAt().plusSeconds(60)),
                () -> booking.asOrganizer(() -> organizerBookings.publishScheduled(List.of(
                        new ScheduledMeeting(c.get(0).id(), c.get(1).id(), session.slot(2).id(), table)), () -> { })));

        assertThat(statusOf(unanswered)).as("still unanswered, as the report counts it").isEqualTo("REQUESTED");
        assertThat(jdbc.queryForObject("select count(*) from meeting_event where meeting_id = ? and status = 'CANCELLED'",
                Integer.class, unanswered)).isZero();
        assertThat(notificationsOf(c.get(0), "notification.meeting.SETTLED")).as("nobody could accept it any more")
                .isZero();
        assertThat(statusOf(waiting)).as("a request still waiting is settled as before").isEqualTo("CANCELLED");
        assertThat(notificationsOf(c.get(1), "notification.meeting.SETTLED")).isEqualTo(1);
    }

    private String statusOf(long meetingId) {
        return jdbc.queryForObject("select status from meeting where id = ?", String.class, meetingId);
    }

    private List<String> summariesOf(TestCompany company) {
        return jdbc.queryForList("""
                select n.detail from notification n join app_user u on u.id = n.user_id
                where u.company_id = ? and n.message_key = 'notification.meeting.PUBLISHED'""", String.class, company.id());
    }

    private int notificationsOf(TestCompany company, String key) {
        Map<String, Object> row = jdbc.queryForMap("""
                select count(*) n from notification n join app_user u on u.id = n.user_id
                where u.company_id = ? and n.message_key = ?""", company.id(), key);
        return ((Number) row.get("n")).intValue();
    }
}
