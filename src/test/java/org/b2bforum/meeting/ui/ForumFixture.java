package org.b2bforum.meeting.ui;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.b2bforum.RunningServerTest;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.InvalidProgramException;
import org.b2bforum.program.ProgramService;
import org.b2bforum.program.Slot;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;

/**
 * A forum day of its own for one test: a future day on a date (day and month) no other day has (days are
 * unique and every test of a run shares the database), a hall with a unique name and one negotiation
 * session 10:00–11:00 cut into three 20-minute slots; plus approved companies. Set up as the organizer.
 */
record ForumFixture(LocalDate day, long dayId, String hall, long hallId, long sessionId, List<Slot> slots) {

    record Company(long id, String name, String login, RegistrationForm form) {
    }

    /**
     * Creates the day, hall and session; booking open, requests answered by hand, a generous limit
     * ({@link RunningServerTest#BOOKING_OPEN_BY_HAND}, which the journeys that book share).
     */
    static ForumFixture create(ProgramService program, BookingWindow bookingWindow, AccountService accounts,
            int tables) {
        TestData.logInAsOrganizer(accounts);
        bookingWindow.update(RunningServerTest.BOOKING_OPEN_BY_HAND);
        for (int attempt = 0; ; attempt++) {
            LocalDate day = LocalDate.now().plusYears(1).plusDays(ThreadLocalRandom.current().nextInt(0, 20_000));
            // slots are named by day and month ("1 дек., 10:20–10:40"): another test's day on the same date of
            // another year would give two slot options of the same name
            if (attempt < 20 && program.days().stream()
                    .anyMatch(other -> MonthDay.from(other.day()).equals(MonthDay.from(day)))) {
                continue;
            }
            long dayId;
            try {
                dayId = program.addDay(day);
            } catch (InvalidProgramException e) {
                if (attempt < 20) {
                    continue; // another test (or an earlier run) has this day
                }
                throw e;
            }
            String hall = "Зал " + TestData.unique();
            long hallId = program.addHall(hall, null, tables);
            long sessionId = program.addSession(dayId, hallId, "Переговоры " + hall, null, LocalTime.of(10, 0),
                    LocalTime.of(11, 0), 20, 0);
            return new ForumFixture(day, dayId, hall, hallId, sessionId, program.slots(sessionId));
        }
    }

    /** Registers a company (two delegates: "Иван Петров", then "Anna Smirnova") and approves it. */
    static Company approvedCompany(RegistrationService registrations, AccountService accounts) {
        TestData.logInAsOrganizer(accounts);
        RegistrationForm form = TestData.registrationForm();
        long id = registrations.register(form);
        registrations.approve(id);
        return new Company(id, form.getShortName(), form.getLoginEmail(), form);
    }

    /** How the request page and the meeting list name a slot of this day: "18 сент., 10:20–10:40". */
    String when(String times) {
        return DateTimeFormatter.ofPattern("d MMM", Languages.RUSSIAN).format(day) + ", " + times;
    }

    long slotAt(String start) {
        return slots.stream().filter(s -> s.startsAt().atZone(java.time.ZoneId.of("Europe/Moscow")).toLocalTime()
                .equals(LocalTime.parse(start))).findFirst().orElseThrow().id();
    }
}
