package org.b2bforum.program.ui;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.b2bforum.TestData;
import org.b2bforum.company.Country;
import org.b2bforum.program.ForumDay;
import org.b2bforum.program.ProgramService;
import org.b2bforum.program.Slot;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;

import com.vaadin.browserless.TesterWrappers;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectTester;

/**
 * Program data for the view tests (public: the organizers' meeting grid, in meeting.ui, uses it too). All tests share one database and days are unique, so each
 * test takes a future day nobody has taken yet, and hall names are unique too.
 */
public final class ProgramFixture {

    public static final ZoneId FORUM_ZONE = ZoneId.of("Europe/Moscow");

    /** A session in a new hall on a new day, as organizers would set it up. */
    public record Session(long dayId, LocalDate day, long hallId, String hallName, long id, String name, List<Slot> slots) {
    }

    private ProgramFixture() {
    }

    /** A day two to ten years ahead that is not a forum day yet. */
    public static LocalDate freeDay(ProgramService program) {
        return freeDay(program, LocalDate.now().plusYears(2), 3000);
    }

    /**
     * A day one month to two years ahead that is not a forum day yet: within the reach of the program page's date
     * field ({@link DaysPanel#YEARS_AHEAD}), for a view test that adds it there or meets it as a day that exists.
     */
    public static LocalDate freeDayWithinReach(ProgramService program) {
        return freeDay(program, LocalDate.now().plusDays(30), 660);
    }

    private static LocalDate freeDay(ProgramService program, LocalDate from, int span) {
        Set<LocalDate> taken = program.days().stream().map(ForumDay::day).collect(Collectors.toSet());
        while (true) {
            LocalDate day = from.plusDays(ThreadLocalRandom.current().nextInt(0, span));
            if (!taken.contains(day)) {
                return day;
            }
        }
    }

    /** A new day and a new hall with {@code tables} tables; a session there from 10:00 with {@code slots} 20-minute slots. */
    public static Session session(ProgramService program, int tables, int slots) {
        LocalDate day = freeDay(program);
        long dayId = program.addDay(day);
        String hallName = "Зал " + TestData.unique();
        long hallId = program.addHall(hallName, null, tables);
        String name = "Переговоры " + TestData.unique();
        LocalTime start = LocalTime.of(10, 0);
        long id = program.addSession(dayId, hallId, name, null, start, start.plusMinutes(20L * slots), 20, 0);
        return new Session(dayId, day, hallId, hallName, id, name, program.slots(id));
    }

    /** An approved company whose short name is {@code shortName} (unique words make it easy to search). */
    public static long approvedCompany(RegistrationService registrations, String shortName) {
        RegistrationForm form = TestData.registrationForm(Country.BY);
        form.setShortName(shortName);
        long id = registrations.register(form);
        registrations.approve(id);
        return id;
    }

    /** A name of letters and digits only, one search token: "Zqk3xq712". */
    public static String uniqueName(String prefix) {
        return prefix + TestData.unique().replaceAll("[^A-Za-z0-9]", "");
    }

    /** Picks the option of a Select the way a user does, by its label. */
    public static <T> void choose(TesterWrappers testers, Select<T> select, Predicate<T> which) {
        SelectTester<Select<T>, T> tester = testers.test(select);
        List<T> items = tester.getSuggestionItems();
        int index = -1;
        for (int i = 0; i < items.size(); i++) {
            if (which.test(items.get(i))) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            throw new AssertionError("No such option in " + select.getId().orElse("select") + ": " + items);
        }
        tester.selectItem(tester.getSuggestions().get(index));
    }
}
