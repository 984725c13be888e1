package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.ForumDayRef;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.program.Slot;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many companies booking the same few slots at once, through the service, on the real MariaDB.
 * Afterwards the invariants are checked with SQL, and every attempt that lost must have been told
 * so with a {@link BookingRefusedException} that tells the truth.
 */
@ForumSpringTest
class MeetingConcurrencyTest {

    private static final int THREADS = 24;

    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BookingFixture fixture;
    @Autowired
    BookingInvariants invariants;

    /** What one attempt asked for and what it got. */
    record Attempt(TestCompany requester, long partnerId, long slotId) {

        @Override
        public String toString() {
            return "company " + requester.id() + " with " + partnerId + " in slot " + slotId;
        }
    }

    @Test
    void simultaneous_instant_bookings_of_a_popular_company_and_each_other_never_double_book_anyone()
            throws Exception {
        fixture.openBooking(true);
        TestSession session = fixture.session(3, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany popular = fixture.approvedCompany();
        List<TestCompany> companies = fixture.approvedCompanies(THREADS);

        // each thread, as its own company, asks for the popular company and for its neighbour in every slot
        List<Callable<List<Object>>> threads = new ArrayList<>();
        List<List<Attempt>> planned = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            TestCompany me = companies.get(i);
            TestCompany neighbour = companies.get((i + 1) % THREADS);
            List<Attempt> attempts = new ArrayList<>();
            for (Slot slot : session.slots()) {
                attempts.add(new Attempt(me, popular.id(), slot.id()));
                attempts.add(new Attempt(me, neighbour.id(), slot.id()));
            }
            Collections.shuffle(attempts);
            planned.add(attempts);
            threads.add(() -> attempts.stream().map(this::instantBooking).toList());
        }

        List<Object> outcomes = flatten(BookingFixture.simultaneously(threads));
        List<Attempt> attempts = planned.stream().flatMap(List::stream).toList();

        assertOnlyBookingsAndRefusals(outcomes);
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds())))
                .as("%s", invariants.violations(session.slotIds())).isZero();
        for (Slot slot : session.slots()) {
            assertThat(confirmedWith(popular.id(), slot.id())).as("the popular company in slot %d", slot.id())
                    .isLessThanOrEqualTo(1);
            assertThat(confirmedIn(slot.id())).as("a table is never left over while companies are still free")
                    .isEqualTo(3);
        }
        assertRefusalsTellTheTruth(attempts, outcomes, 3);
        assertThat(outcomes).filteredOn(Long.class::isInstance).hasSize(3 * session.slots().size());
    }

    @Test
    void simultaneous_acceptances_in_one_slot_confirm_one_meeting_per_company_and_no_more_than_the_tables()
            throws Exception {
        fixture.openBooking(false);
        TestSession session = fixture.session(2, LocalTime.of(14, 0), LocalTime.of(14, 40), 20);
        long slot = session.slot(0).id();
        TestCompany popular = fixture.approvedCompany();
        List<TestCompany> companies = fixture.approvedCompanies(16);

        // everyone asks the popular company, and eight pairs ask each other, for the same slot
        List<Long> toPopular = new ArrayList<>();
        Map<Long, TestCompany> partnerOf = new LinkedHashMap<>();
        for (TestCompany c : companies) {
            toPopular.add(fixture.as(c, () -> meetingRequests.request(popular.id(), slot, List.of(c.firstDelegate()), "Обсудим").meetingId()));
        }
        for (int i = 0; i < companies.size(); i += 2) {
            TestCompany a = companies.get(i);
            TestCompany b = companies.get(i + 1);
            partnerOf.put(fixture.as(a, () -> meetingRequests.request(b.id(), slot, List.of(a.firstDelegate()), null).meetingId()), b);
        }
        assertThat(requestedIn(slot)).isEqualTo(24);

        // the popular company accepts all its requests at once (twice each: a double click), the pairs too
        List<Callable<Object>> calls = new ArrayList<>();
        for (long meetingId : toPopular) {
            for (int click = 0; click < 2; click++) {
                calls.add(() -> {
                    BookingFixture.logInAs(popular);
                    meetingRequests.accept(meetingId, List.of(), "Да");
                    return meetingId;
                });
            }
        }
        partnerOf.forEach((meetingId, partner) -> calls.add(() -> {
            BookingFixture.logInAs(partner);
            meetingRequests.accept(meetingId, List.of(partner.delegateIds().get(1)), null);
            return meetingId;
        }));
        Collections.shuffle(calls);

        List<Object> outcomes = BookingFixture.simultaneously(calls);

        assertOnlyBookingsAndRefusals(outcomes);
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds())))
                .as("%s", invariants.violations(session.slotIds())).isZero();
        assertThat(confirmedIn(slot)).as("both tables are used").isEqualTo(2);
        assertThat(confirmedWith(popular.id(), slot)).isLessThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from meeting_event e join meeting m on m.id = e.meeting_id
                where m.slot_id = ? and e.status = 'CONFIRMED'""", Integer.class, slot))
                .as("a double click confirms once").isEqualTo(2);
        // the refused requests stay requested, occupying nothing
        assertThat(requestedIn(slot)).isEqualTo(22);
    }

    @Test
    void simultaneous_bookings_of_one_company_in_parallel_halls_confirm_one_meeting_at_a_time() throws Exception {
        fixture.openBooking(true);
        ForumDayRef day = fixture.newDay();
        List<TestSession> halls = List.of(
                fixture.session(day, fixture.newHall(5), LocalTime.of(10, 0), LocalTime.of(10, 20), 20),
                fixture.session(day, fixture.newHall(5), LocalTime.of(10, 0), LocalTime.of(10, 20), 20),
                fixture.session(day, fixture.newHall(5), LocalTime.of(10, 0), LocalTime.of(10, 20), 20));
        List<Long> slots = halls.stream().map(h -> h.slot(0).id()).toList();
        TestCompany popular = fixture.approvedCompany();
        List<TestCompany> companies = fixture.approvedCompanies(12);

        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < companies.size(); i++) {
            TestCompany me = companies.get(i);
            long slot = slots.get(i % slots.size());
            calls.add(() -> {
                BookingFixture.logInAs(me);
                return meetingRequests.request(popular.id(), slot, List.of(me.firstDelegate()), null).meetingId();
            });
        }

        List<Object> outcomes = BookingFixture.simultaneously(calls);

        assertOnlyBookingsAndRefusals(outcomes);
        assertThat(outcomes).filteredOn(Long.class::isInstance).hasSize(1);
        assertThat(invariants.companiesInOverlappingMeetings(slots)).isZero();
        assertThat(BookingInvariants.total(invariants.violations(slots))).isZero();
    }

    @Test
    void a_double_click_on_request_makes_one_meeting_whether_booking_is_instant_or_not() throws Exception {
        TestSession session = fixture.session(4, LocalTime.of(16, 0), LocalTime.of(16, 40), 20);
        TestCompany a = fixture.approvedCompany();
        TestCompany b = fixture.approvedCompany();

        for (boolean instant : new boolean[] {false, true}) {
            fixture.openBooking(instant);
            long slot = session.slot(instant ? 1 : 0).id();
            List<Callable<Object>> clicks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                clicks.add(() -> {
                    BookingFixture.logInAs(a);
                    return meetingRequests.request(b.id(), slot, a.delegateIds(), "Двойной клик").meetingId();
                });
            }

            List<Object> outcomes = BookingFixture.simultaneously(clicks);

            assertThat(outcomes).as("instant booking %s", instant).allSatisfy(o -> assertThat(o).isInstanceOf(Long.class));
            assertThat(outcomes.stream().distinct()).as("the same meeting every time").hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from meeting where slot_id = ?", Integer.class, slot))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select status from meeting where slot_id = ?", String.class, slot))
                    .isEqualTo(instant ? "CONFIRMED" : "REQUESTED");
        }
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds()))).isZero();
    }

    @Test
    void simultaneous_requests_of_one_company_never_pass_its_meeting_limit() throws Exception {
        fixture.bookingSettings(new org.b2bforum.program.BookingSettings(null, null, 3, false));
        TestSession session = fixture.session(10, LocalTime.of(10, 0), LocalTime.of(12, 40), 20);
        TestCompany greedy = fixture.approvedCompany();
        List<TestCompany> partners = fixture.approvedCompanies(8);
        try {
            List<Callable<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long partner = partners.get(i).id();
                long slot = session.slot(i).id();
                calls.add(() -> {
                    BookingFixture.logInAs(greedy);
                    return meetingRequests.request(partner, slot, List.of(greedy.firstDelegate()), null).meetingId();
                });
            }

            List<Object> outcomes = BookingFixture.simultaneously(calls);

            assertOnlyBookingsAndRefusals(outcomes);
            assertThat(outcomes).filteredOn(BookingRefusedException.class::isInstance)
                    .allSatisfy(o -> assertThat(((BookingRefusedException) o).key()).isEqualTo("meeting.error.limit"));
            assertThat(jdbc.queryForObject(
                    "select count(*) from meeting where requester_company_id = ? and status = 'REQUESTED'",
                    Integer.class, greedy.id())).isEqualTo(3);
        } finally {
            fixture.openBooking(false);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Object instantBooking(Attempt attempt) {
        BookingFixture.logInAs(attempt.requester());
        try {
            return meetingRequests.request(attempt.partnerId(), attempt.slotId(), List.of(attempt.requester().firstDelegate()),
                    "Срочно").meetingId();
        } catch (RuntimeException e) {
            return e;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> flatten(List<Object> perThread) {
        List<Object> all = new ArrayList<>();
        for (Object o : perThread) {
            if (o instanceof List<?> list) {
                all.addAll((List<Object>) list);
            } else {
                all.add(o); // the thread itself failed
            }
        }
        return all;
    }

    /** Every attempt either booked (an id) or was refused with a reason for the user; nothing else. */
    private static void assertOnlyBookingsAndRefusals(List<Object> outcomes) {
        Map<String, Long> summary = new TreeMap<>(outcomes.stream().collect(Collectors.groupingBy(
                o -> o instanceof BookingRefusedException r ? r.key() : o.getClass().getSimpleName(),
                Collectors.counting())));
        List<Object> unexpected = outcomes.stream()
                .filter(o -> !(o instanceof Long) && !(o instanceof BookingRefusedException))
                .toList();
        unexpected.stream().filter(Throwable.class::isInstance).findFirst()
                .ifPresent(e -> ((Throwable) e).printStackTrace());
        assertThat(unexpected).as("outcomes %s", summary).isEmpty();
        assertThat(outcomes).filteredOn(BookingRefusedException.class::isInstance)
                .extracting(o -> ((BookingRefusedException) o).key())
                .as("outcomes %s", summary)
                .allMatch(key -> key.equals("meeting.error.slot-taken") || key.equals("meeting.error.no-table")
                        || key.equals("meeting.error.limit") || key.equals("meeting.error.company-limit-reached"));
    }

    /**
     * "Slot taken" is true when one of the two companies ends up in a meeting in that slot; "no
     * table" when every table of the slot ends up used.
     */
    private void assertRefusalsTellTheTruth(List<Attempt> attempts, List<Object> outcomes, int tables) {
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            if (outcomes.get(i) instanceof BookingRefusedException refused) {
                switch (refused.key()) {
                    case "meeting.error.slot-taken" -> assertThat(
                            confirmedWith(a.requester().id(), a.slotId()) + confirmedWith(a.partnerId(), a.slotId()))
                            .as("slot taken for %s", a).isPositive();
                    case "meeting.error.no-table" -> assertThat(confirmedIn(a.slotId())).as("no table for %s", a)
                            .isEqualTo(tables);
                    default -> throw new AssertionError("Unexpected refusal " + refused.key());
                }
            }
        }
    }

    private int confirmedWith(long companyId, long slotId) {
        return jdbc.queryForObject("""
                select count(*) from meeting where slot_id = ? and status = 'CONFIRMED'
                  and (requester_company_id = ? or partner_company_id = ?)""", Integer.class, slotId, companyId,
                companyId);
    }

    private int confirmedIn(long slotId) {
        return jdbc.queryForObject("select count(*) from meeting where slot_id = ? and status = 'CONFIRMED'",
                Integer.class, slotId);
    }

    private int requestedIn(long slotId) {
        return jdbc.queryForObject("select count(*) from meeting where slot_id = ? and status = 'REQUESTED'",
                Integer.class, slotId);
    }
}
