package org.b2bforum.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.ProgramService;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.program.BookingWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

@ForumSpringTest
class DirectoryFreeSlotsTest {

    @Autowired
    AccountService accounts;
    @Autowired
    RegistrationService registrations;
    @Autowired
    ProgramService program;
    @Autowired
    BookingWindow bookingWindow;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    DirectoryService directory;

    private BookingSettings saved;

    @AfterEach
    void restoreSettings() {
        if (saved != null) {
            TestData.logInAsOrganizer(accounts);
            bookingWindow.update(saved);
        }
        TestData.logOut();
    }

    @Test
    void companies_whose_meetings_are_all_booked_drop_out_of_the_free_slots_filter() {
        String city = "Свободоград-" + TestData.unique();
        RegistrationForm viewer = approved(city);
        RegistrationForm busyA = approved(city);
        RegistrationForm busyB = approved(city);
        RegistrationForm free = approved(city);

        TestData.logInAsOrganizer(accounts);
        saved = bookingWindow.settings();
        long[] dayId = new long[1];
        TestData.addFreeDay(program, id -> dayId[0] = id);
        long day = dayId[0];
        long hall = program.addHall("Зал свободных слотов " + TestData.unique(), null, 2);
        long session = program.addSession(day, hall, "Сессия", null, LocalTime.of(10, 0), LocalTime.of(10, 40), 20, 0);
        bookingWindow.update(new BookingSettings(null, null, 1, false));
        organizerBookings.bookAsOrganizer(companyId(busyA), companyId(busyB), program.slots(session).getFirst().id());

        TestData.logInAs(accounts, viewer.getLoginEmail());
        DirectoryQuery inCity = new DirectoryQuery(null, city, null, null, DirectorySort.NAME, false);
        DirectoryQuery withFreeSlots = new DirectoryQuery(null, city, null, null, DirectorySort.NAME, false, true);

        assertThat(directory.search(inCity, PageRequest.of(0, 50))).extracting(DirectoryEntry::shortName)
                .containsExactlyInAnyOrder(busyA.getShortName(), busyB.getShortName(), free.getShortName());
        assertThat(directory.search(withFreeSlots, PageRequest.of(0, 50))).extracting(DirectoryEntry::shortName)
                .containsExactly(free.getShortName());
        assertThat(directory.count(withFreeSlots)).isEqualTo(1);
    }

    private RegistrationForm approved(String city) {
        RegistrationForm form = TestData.registrationForm();
        form.setCity(city);
        TestData.logOut();
        long id = registrations.register(form);
        TestData.logInAsOrganizer(accounts);
        registrations.approve(id);
        TestData.logOut();
        return form;
    }

    private long companyId(RegistrationForm form) {
        return accounts.loadUserByUsername(form.getLoginEmail()).companyId();
    }
}
