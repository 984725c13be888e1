package org.b2bforum.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.meeting.SlotOption;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ForumSpringTest
class SessionTimesTest {

    @Autowired
    AccountService accounts;
    @Autowired
    RegistrationService registrations;
    @Autowired
    ProgramService program;
    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    OrganizerBookings organizerBookings;

    private long day;
    private long hallA;
    private long hallB;

    @BeforeEach
    void setUp() {
        TestData.logInAsOrganizer(accounts);
        TestData.addFreeDay(program, id -> day = id);
        hallA = program.addHall("Зал А " + TestData.unique(), null, 3);
        hallB = program.addHall("Зал Б " + TestData.unique(), null, 3);
    }

    @Test
    void two_sessions_cannot_share_a_hall_at_the_same_time() {
        program.addSession(day, hallA, "Утро", null, LocalTime.of(10, 0), LocalTime.of(11, 0), 20, 0);

        assertThatThrownBy(() -> program.addSession(day, hallA, "Наложение", null, LocalTime.of(10, 30),
                LocalTime.of(11, 30), 20, 0))
                .isInstanceOf(InvalidProgramException.class).hasMessage("program.error.hall-busy");
    }

    @Test
    void sessions_at_the_same_time_in_other_halls_must_share_their_slot_times() {
        program.addSession(day, hallA, "Утро", null, LocalTime.of(10, 0), LocalTime.of(11, 0), 20, 0);

        assertThatThrownBy(() -> program.addSession(day, hallB, "Сдвиг", null, LocalTime.of(10, 10),
                LocalTime.of(11, 10), 20, 0))
                .isInstanceOf(InvalidProgramException.class).hasMessage("program.error.slots-not-aligned");
        long aligned = program.addSession(day, hallB, "Утро, зал Б", null, LocalTime.of(10, 0), LocalTime.of(11, 0), 20, 0);
        assertThat(program.slots(aligned)).hasSize(3);
    }

    @Test
    void a_company_in_a_meeting_in_one_hall_cannot_meet_in_another_hall_at_the_same_time() {
        long sessionA = program.addSession(day, hallA, "Утро", null, LocalTime.of(10, 0), LocalTime.of(11, 0), 20, 0);
        long sessionB = program.addSession(day, hallB, "Утро, зал Б", null, LocalTime.of(10, 0), LocalTime.of(11, 0), 20, 0);
        long x = approvedCompany();
        long y = approvedCompany();
        long z = approvedCompany();
        Slot tenInA = program.slots(sessionA).getFirst();
        Slot tenInB = program.slots(sessionB).getFirst();

        TestData.logInAsOrganizer(accounts);
        organizerBookings.bookAsOrganizer(x, y, tenInA.id());

        assertThatThrownBy(() -> organizerBookings.bookAsOrganizer(x, z, tenInB.id()))
                .isInstanceOf(BookingRefusedException.class).hasMessage("meeting.error.slot-taken");
        TestData.logInAs(accounts, accounts.emailOfCompany(z).orElseThrow());
        List<SlotOption> free = meetingQueries.freeSlotsWith(x, List.of(meetingQueries.myDelegates().getFirst().id()));
        assertThat(free).extracting(SlotOption::slotId).doesNotContain(tenInA.id(), tenInB.id());
        // 10:20 is offered, once, in one of the two halls (each time once since ux54)
        assertThat(free).extracting(SlotOption::startsAt).containsOnlyOnce(program.slots(sessionB).get(1).startsAt());
    }

    private long approvedCompany() {
        RegistrationForm form = TestData.registrationForm();
        TestData.logOut();
        long id = registrations.register(form);
        TestData.logInAsOrganizer(accounts);
        registrations.approve(id);
        return id;
    }
}
