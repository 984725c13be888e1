package org.b2bforum.program.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.b2bforum.program.ui.ProgramFixture.FORUM_ZONE;
import static org.b2bforum.program.ui.ProgramFixture.choose;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.IntStream;

import org.b2bforum.BookingFixture;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.ForumDay;
import org.b2bforum.program.Hall;
import org.b2bforum.program.NegotiationSession;
import org.b2bforum.program.ProgramItem;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.program.ProgramService;
import org.b2bforum.program.Slot;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.schedule.ScheduleFixture;
import org.b2bforum.schedule.WishPriority;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.ProgramItems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/** Organizers set up the program; a change that would break confirmed meetings is refused with those meetings. */
@ForumSpringTest
class ProgramViewTest extends ForumBrowserlessTest {

    @Autowired
    ProgramService program;
    @Autowired
    ProgramItems programItems;
    @Autowired
    BookingWindow bookingWindow;
    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    RegistrationService registrations;
    @Autowired
    BookingFixture booking;
    @Autowired
    ScheduleFixture scheduleFixture;

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void an_organizer_adds_a_day_a_hall_and_a_session_and_the_session_is_cut_into_slots() {
        ProgramView view = navigate(ProgramView.class);
        LocalDate day = ProgramFixture.freeDayWithinReach(program);
        test(view.days.day).setValue(day);
        test(view.days.add).click();
        assertThat(program.days()).extracting(ForumDay::day).contains(day);

        String hallName = "Зал " + TestData.unique();
        test(view.halls.name).setValue(hallName);
        test(view.halls.tables).setValue(4);
        test(view.halls.add).click();
        assertThat(program.halls()).filteredOn(h -> h.name().equals(hallName)).extracting(Hall::tableCount)
                .containsExactly(4);
        assertThat(test(find(Notification.class).last()).getText()).as("not «Зал «Зал «Москва»» добавлен»")
                .isEqualTo("Зал добавлен: " + hallName);
        assertThat(view.halls.name.isEmpty()).isTrue();
        assertThat(view.halls.name.isInvalid()).as("emptied after saving, not an error").isFalse();

        String name = "Переговоры " + TestData.unique();
        choose(this, view.sessions.day, d -> d.day().equals(day));
        choose(this, view.sessions.hall, h -> h.name().equals(hallName));
        test(view.sessions.name).setValue(name);
        test(view.sessions.start).setValue(LocalTime.of(10, 0));
        test(view.sessions.end).setValue(LocalTime.of(11, 30));
        assertThat(view.sessions.slotMinutes.getValue()).as("default slot length").isEqualTo(20);
        test(view.sessions.pauseMinutes).setValue(10);
        test(view.sessions.add).click();

        NegotiationSession session = program.sessions().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow();
        List<Slot> slots = program.slots(session.id());
        assertThat(slots).extracting(s -> s.startsAt().atZone(FORUM_ZONE).toLocalDateTime())
                .as("20-minute slots with 10-minute pauses, in forum time")
                .containsExactly(day.atTime(10, 0), day.atTime(10, 30), day.atTime(11, 0));
        assertThat(slots).allMatch(s -> s.hallName().equals(hallName));
        assertThat(view.sessions.name.isInvalid()).isFalse();
        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("Сессия «" + name + "» добавлена, слотов: 3");
        int row = rowOf(view.sessions.grid, session.id());
        var grid = test(view.sessions.grid);
        assertThat(grid.getCellText(row, 1)).isEqualTo(hallName);
        assertThat(grid.getCellText(row, 3)).isEqualTo("10:00–11:30");
        assertThat(grid.getCellText(row, 6)).isEqualTo("3");
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void an_organizer_gives_a_hall_and_a_program_item_english_names_which_the_english_page_shows() {
        ProgramFixture.Session existing = ProgramFixture.session(program, 2, 1);
        ProgramView view = navigate(ProgramView.class);
        String unique = TestData.unique();

        test(view.halls.name).setValue("Зал " + unique);
        test(view.halls.nameEn).setValue("x".repeat(101));
        test(view.halls.add).click();
        assertThat(view.halls.nameEn.isInvalid()).isTrue();
        assertThat(view.halls.nameEn.getErrorMessage()).isEqualTo("Не более 100 символов");
        assertThat(program.halls()).noneMatch(h -> h.name().equals("Зал " + unique));

        test(view.halls.nameEn).setValue("Hall " + unique);
        test(view.halls.add).click();
        assertThat(program.halls()).filteredOn(h -> h.name().equals("Зал " + unique)).extracting(Hall::nameEn)
                .containsExactly("Hall " + unique);
        assertThat(view.halls.nameEn.isEmpty()).isTrue();

        choose(this, view.items.day, d -> d.id() == existing.dayId());
        choose(this, view.items.kind, k -> k == org.b2bforum.program.ProgramItemKind.ROUND_TABLE);
        test(view.items.title).setValue("Круглый стол " + unique);
        test(view.items.titleEn).setValue("Round table " + unique);
        test(view.items.place).setValue("Зал «Немига»");
        test(view.items.placeEn).setValue("p".repeat(201));
        test(view.items.start).setValue(LocalTime.of(14, 0));
        test(view.items.end).setValue(LocalTime.of(15, 0));
        test(view.items.add).click();
        assertThat(view.items.placeEn.getErrorMessage()).isEqualTo("Не более 200 символов");
        assertThat(view.items.placeEn.isInvalid()).isTrue();
        assertThat(programItems.all()).noneMatch(p -> p.title().equals("Круглый стол " + unique));
        test(view.items.placeEn).setValue("Nemiga Hall");
        test(view.items.add).click();
        assertThat(programItems.all()).filteredOn(p -> p.title().equals("Круглый стол " + unique))
                .singleElement().satisfies(p -> {
                    assertThat(p.titleEn()).isEqualTo("Round table " + unique);
                    assertThat(p.placeEn()).isEqualTo("Nemiga Hall");
                });

        com.vaadin.flow.component.UI.getCurrent().navigate("registrations");
        com.vaadin.flow.component.UI.getCurrent().setLocale(org.b2bforum.base.i18n.Languages.ENGLISH);
        view = navigate(ProgramView.class);
        var halls = test(view.halls.grid);
        assertThat(IntStream.range(0, halls.size()).mapToObj(i -> halls.getCellText(i, 0)))
                .contains("Hall " + unique, existing.hallName());
        var items = test(view.items.grid);
        assertThat(IntStream.range(0, items.size()).filter(i -> items.getCellText(i, 2).equals("Round table " + unique))
                .mapToObj(i -> items.getCellText(i, 3))).containsExactly("Nemiga Hall");
        assertThat(view.halls.nameEn.getLabel()).isEqualTo("Hall name in English");
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void invalid_program_input_is_shown_next_to_its_field_and_nothing_is_added() {
        ProgramFixture.Session existing = ProgramFixture.session(program, 2, 2);
        ProgramView view = navigate(ProgramView.class);
        int sessionsBefore = program.sessions().size();

        choose(this, view.sessions.day, d -> d.id() == existing.dayId());
        choose(this, view.sessions.hall, h -> h.id() == existing.hallId());
        test(view.sessions.name).setValue("Переговоры " + TestData.unique());
        test(view.sessions.start).setValue(LocalTime.of(12, 0));
        test(view.sessions.end).setValue(LocalTime.of(11, 0));
        test(view.sessions.add).click();

        assertThat(view.sessions.end.isInvalid()).isTrue();
        assertThat(view.sessions.end.getErrorMessage()).isEqualTo("Окончание должно быть позже начала");
        assertThat(program.sessions()).hasSize(sessionsBefore);

        LocalDate taken = ProgramFixture.freeDayWithinReach(program);
        program.addDay(taken);
        test(view.days.day).setValue(taken);
        test(view.days.add).click();
        assertThat(view.days.day.getErrorMessage()).isEqualTo("Такой день уже есть");
        assertThat(view.days.day.isInvalid()).isTrue();
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void a_program_without_sessions_says_what_to_set_up_first_and_where_companies_register() {
        navigate(ProgramView.class);
        FirstStepsPanel panel = new FirstStepsPanel("https://forum.example.org/register");

        panel.show(List.of(), List.of(), List.of(), List.of());
        assertThat(panel.isVisible()).isTrue();
        assertThat(panel.getElement().getTextRecursively()).startsWith("С чего начать")
                .contains("Дни форума: даты", "Залы и столы", "Переговорные сессии", "Мероприятия программы",
                        "Запись на встречи", "«Выставка: стенды»", "https://forum.example.org/register");
        assertThat(panel.steps.getChildren().filter(step -> step.hasClassName("done"))).isEmpty();

        ForumDay day = new ForumDay(1, LocalDate.of(2027, 9, 18));
        panel.show(List.of(day), List.of(), List.of(), List.of());
        assertThat(panel.steps.getChildren().filter(step -> step.hasClassName("done")))
                .extracting(step -> step.getElement().getAttribute("data-step")).containsExactly("days");
        assertThat(panel.steps.getChildren().findFirst().orElseThrow().getElement().getText())
                .startsWith("Готово — Дни форума");

        Hall hall = new Hall(1, "Зал «Москва»", null, 12);
        panel.show(List.of(day), List.of(hall), List.of(), List.of());
        assertThat(panel.steps.getChildren().filter(step -> step.hasClassName("done")))
                .extracting(step -> step.getElement().getAttribute("data-step")).containsExactly("days", "halls");

        panel.show(List.of(day), List.of(hall), List.of(), List.of(programItem(day)));
        assertThat(panel.steps.getChildren().filter(step -> step.hasClassName("done")))
                .extracting(step -> step.getElement().getAttribute("data-step"))
                .as("a program item added marks its step done").containsExactly("days", "halls", "items");

        Instant ten = Instant.parse("2027-09-18T07:00:00Z");
        panel.show(List.of(day), List.of(hall), List.of(new NegotiationSession(1, 1, 1, hall.name(), null,
                "Переговоры", null, ten, ten.plusSeconds(3600), 20, 0, 3)), List.of());
        assertThat(panel.isVisible()).as("the rest is on the page once a session exists").isFalse();

        ProgramView view = navigate(ProgramView.class);
        assertThat(view.firstSteps.isVisible()).as("gone once a session exists")
                .isEqualTo(program.sessions().isEmpty());
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void a_session_overlapping_another_in_its_hall_or_shorter_than_its_slot_is_refused_saying_what_to_change() {
        ProgramFixture.Session existing = ProgramFixture.session(program, 2, 3); // 10:00–11:00
        int sessionsBefore = program.sessions().size();
        ProgramView view = navigate(ProgramView.class);

        choose(this, view.sessions.day, d -> d.id() == existing.dayId());
        choose(this, view.sessions.hall, h -> h.id() == existing.hallId());
        test(view.sessions.name).setValue("Переговоры " + TestData.unique());
        test(view.sessions.start).setValue(LocalTime.of(10, 30));
        test(view.sessions.end).setValue(LocalTime.of(12, 0));
        test(view.sessions.add).click();

        assertThat(view.sessions.hall.isInvalid()).isTrue();
        assertThat(view.sessions.hall.getErrorMessage()).as("a name with «» not quoted again")
                .isEqualTo("В этом зале в это время уже идёт сессия: " + existing.name()
                        + ", 10:00–11:00. Выберите другой зал или другое время.");
        assertThat(program.sessions()).hasSize(sessionsBefore);
        assertThat(view.sessions.name.getValue()).as("kept to correct").startsWith("Переговоры ");

        test(view.sessions.start).setValue(LocalTime.of(14, 0));
        test(view.sessions.end).setValue(LocalTime.of(14, 30));
        test(view.sessions.slotMinutes).setValue(60);
        test(view.sessions.add).click();
        assertThat(view.sessions.slotMinutes.isInvalid()).isTrue();
        assertThat(view.sessions.slotMinutes.getErrorMessage()).isEqualTo(
                "Слот длиннее сессии (слот, мин: 60; сессия, мин: 30): сократите слот или продлите сессию.");
        assertThat(program.sessions()).hasSize(sessionsBefore);
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void a_day_gone_by_or_with_a_mistyped_year_is_refused_next_to_the_date_and_not_added() {
        ProgramView view = navigate(ProgramView.class);
        int daysBefore = program.days().size();
        LocalDate today = LocalDate.now(FORUM_ZONE);

        test(view.days.day).setValue(today.minusYears(1));
        test(view.days.add).click();
        assertThat(view.days.day.isInvalid()).isTrue();
        assertThat(view.days.day.getErrorMessage()).startsWith("Этот день уже прошёл.")
                .contains(String.valueOf(today.getYear()));

        test(view.days.day).setValue(today.plusYears(180)); // 2207 typed for 2027
        test(view.days.add).click();
        assertThat(view.days.day.isInvalid()).isTrue();
        assertThat(view.days.day.getErrorMessage()).startsWith("Проверьте год")
                .contains(String.valueOf(today.getYear() + DaysPanel.YEARS_AHEAD));
        assertThat(view.days.day.getValue()).as("kept to correct").isEqualTo(today.plusYears(180));
        assertThat(program.days()).hasSize(daysBefore);

        LocalDate day = ProgramFixture.freeDayWithinReach(program);
        test(view.days.day).setValue(day);
        test(view.days.add).click();
        assertThat(view.days.day.isInvalid()).isFalse();
        assertThat(program.days()).extracting(ForumDay::day).contains(day);
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void removing_a_session_with_a_confirmed_meeting_is_refused_with_that_meeting_listed() {
        ProgramFixture.Session session = ProgramFixture.session(program, 2, 2);
        String requester = ProgramFixture.uniqueName("Дорстрой");
        String partner = ProgramFixture.uniqueName("Мосдор");
        organizerBookings.bookAsOrganizer(ProgramFixture.approvedCompany(registrations, requester),
                ProgramFixture.approvedCompany(registrations, partner), session.slots().getFirst().id());
        ProgramView view = navigate(ProgramView.class);

        Button remove = rowButton(view.sessions.grid, rowOf(view.sessions.grid, session.id()), 7, "remove-session");
        test(remove).click();
        test(find(ConfirmDialog.class).single()).confirm();

        ConflictDialog refusal = find(ConflictDialog.class).single();
        List<String> listed = refusal.meetings.getChildren().map(item -> item.getElement().getText()).toList();
        assertThat(listed).singleElement().asString().contains(requester + " — " + partner, session.hallName(),
                "10:00");
        assertThat(program.sessions()).extracting(NegotiationSession::id).contains(session.id());
        assertThat(program.slots(session.id())).hasSize(2);
        assertThat(rowOf(view.sessions.grid, session.id())).as("still listed").isNotNegative();
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void a_session_without_confirmed_meetings_is_removed_after_confirmation() {
        ProgramFixture.Session session = ProgramFixture.session(program, 1, 1);
        ProgramView view = navigate(ProgramView.class);

        Button remove = rowButton(view.sessions.grid, rowOf(view.sessions.grid, session.id()), 7, "remove-session");
        test(remove).click();
        test(find(ConfirmDialog.class).single()).confirm();

        assertThat(program.sessions()).extracting(NegotiationSession::id).doesNotContain(session.id());
        assertThat(ids(view.sessions.grid)).doesNotContain(session.id());
        assertThat(find(ConflictDialog.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void a_day_added_by_mistake_is_removed_after_confirmation_and_one_with_a_session_is_refused_in_words() {
        ProgramFixture.Session session = ProgramFixture.session(program, 1, 1);
        ProgramView view = navigate(ProgramView.class);
        String day = test(view.days.grid).getCellText(dayRow(view, session.dayId()), 0);

        test((Button) test(view.days.grid).getCellComponent(dayRow(view, session.dayId()), 1)).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Удалить день «" + day + "»?");
        test(confirm).confirm();
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("На день «" + day
                + "» ещё назначены переговорные сессии или мероприятия программы: сначала удалите их, затем день.");
        assertThat(program.days()).extracting(ForumDay::id).contains(session.dayId());
        assertThat(program.sessions()).extracting(NegotiationSession::id).contains(session.id());

        // the session goes first (with its own checks), then the day
        program.removeSession(session.id());
        test((Button) test(view.days.grid).getCellComponent(dayRow(view, session.dayId()), 1)).click();
        test(find(ConfirmDialog.class).last()).confirm();
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("День удалён: " + day);
        assertThat(program.days()).extracting(ForumDay::id).doesNotContain(session.dayId());
        assertThat(dayRow(view, session.dayId())).as("gone from the list").isNegative();
    }

    /** ux58: a day on which a schedule was built to try is removed with it, and the question says so first. */
    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void a_day_with_a_schedule_built_to_try_is_removed_with_it_after_a_question_that_says_so() {
        scheduleFixture.startWishesPhase();
        BookingFixture.TestSession session = booking.session(1, LocalTime.of(10, 0), LocalTime.of(10, 40), 20);
        List<BookingFixture.TestCompany> c = booking.approvedCompanies(2);
        scheduleFixture.wish(c.get(0), c.get(1), WishPriority.MUST);
        scheduleFixture.build(session.dayId());
        program.removeSession(session.sessionId());
        ProgramView view = navigate(ProgramView.class);
        String day = test(view.days.grid).getCellText(dayRow(view, session.dayId()), 0);

        test((Button) test(view.days.grid).getCellComponent(dayRow(view, session.dayId()), 1)).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(confirm.getElement().getProperty("message")).endsWith(
                "Построенное для него 1 расписание встреч (не опубликовано) будет удалено вместе с ним.");
        test(confirm).confirm();

        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("День удалён: " + day);
        assertThat(program.days()).extracting(ForumDay::id).doesNotContain(session.dayId());
        assertThat(dayRow(view, session.dayId())).as("gone from the list").isNegative();
    }

    private static ProgramItem programItem(ForumDay day) {
        Instant nine = day.day().atTime(9, 0).atZone(FORUM_ZONE).toInstant();
        return new ProgramItem(1, day.id(), ProgramItemKind.PLENARY, "Пленарное заседание", null, "Зал «Москва»", null,
                nine, nine.plusSeconds(3600), 0);
    }

    private int dayRow(ProgramView view, long dayId) {
        var rows = test(view.days.grid);
        return IntStream.range(0, rows.size()).filter(i -> rows.getRow(i).id() == dayId).findFirst().orElse(-1);
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void removing_a_table_that_hosts_a_confirmed_meeting_is_refused_with_that_meeting_listed() {
        ProgramFixture.Session session = ProgramFixture.session(program, 2, 1);
        long slot = session.slots().getFirst().id();
        String a = ProgramFixture.uniqueName("Белавиа");
        String b = ProgramFixture.uniqueName("Аэрофлот");
        String c = ProgramFixture.uniqueName("Атлант");
        String d = ProgramFixture.uniqueName("Мосэнерго");
        long atTableOne = organizerBookings.bookAsOrganizer(ProgramFixture.approvedCompany(registrations, a),
                ProgramFixture.approvedCompany(registrations, b), slot);
        long atTableTwo = organizerBookings.bookAsOrganizer(ProgramFixture.approvedCompany(registrations, c),
                ProgramFixture.approvedCompany(registrations, d), slot);
        assertThat(meetingQueries.meeting(atTableOne).tableNumber()).isEqualTo(1);
        assertThat(meetingQueries.meeting(atTableTwo).tableNumber()).isEqualTo(2);
        ProgramView view = navigate(ProgramView.class);

        var halls = test(view.halls.grid);
        int row = IntStream.range(0, halls.size()).filter(i -> halls.getRow(i).id() == session.hallId()).findFirst()
                .orElseThrow();
        test((Button) halls.getCellComponent(row, 2)).click();
        test(find(IntegerField.class).id("new-table-count")).setValue(1);
        test(find(Button.class).id("save-table-count")).click();

        List<String> listed = find(ConflictDialog.class).single().meetings.getChildren()
                .map(item -> item.getElement().getText()).toList();
        assertThat(listed).singleElement().asString().contains(c + " — " + d)
                .as("the place in words, as on the pages: '№2' after a hall's name read as the hall's number")
                .endsWith(" · " + session.hallName() + ", стол № 2");
        assertThat(program.halls()).filteredOn(h -> h.id() == session.hallId()).extracting(Hall::tableCount)
                .containsExactly(2);
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void booking_settings_are_entered_in_forum_time_and_stored_as_instants() {
        BookingSettings before = bookingWindow.settings();
        try {
            ProgramView view = navigate(ProgramView.class);
            test(view.booking.opensAt).setValue(LocalDateTime.of(2031, 8, 1, 9, 0));
            test(view.booking.closesAt).setValue(LocalDateTime.of(2031, 9, 15, 18, 0));
            test(view.booking.meetingLimit).setValue(8);
            test(view.booking.instantBooking).click();
            test(view.booking.save).click();

            BookingSettings saved = bookingWindow.settings();
            assertThat(saved.opensAt()).isEqualTo(Instant.parse("2031-08-01T06:00:00Z"));
            assertThat(saved.closesAt()).isEqualTo(Instant.parse("2031-09-15T15:00:00Z"));
            assertThat(saved.meetingLimit()).isEqualTo(8);
            assertThat(saved.instantBooking()).isEqualTo(!before.instantBooking());

            test(view.booking.closesAt).setValue(LocalDateTime.of(2031, 7, 1, 18, 0));
            test(view.booking.save).click();
            assertThat(view.booking.closesAt.isInvalid()).isTrue();
            assertThat(view.booking.closesAt.getErrorMessage()).isEqualTo("Окончание должно быть позже начала");
            assertThat(bookingWindow.settings()).isEqualTo(saved);
        } finally {
            bookingWindow.update(before);
        }
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void an_organizer_renames_a_session_in_russian_and_english_and_a_refused_value_keeps_the_dialog_open() {
        ProgramFixture.Session session = ProgramFixture.session(program, 2, 2);
        ProgramView view = navigate(ProgramView.class);

        test(rowButton(view.sessions.grid, rowOf(view.sessions.grid, session.id()), 7, "change-session")).click();
        ChangeDialog dialog = find(ChangeDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Сессия: " + session.name());
        TextField name = find(TextField.class).id("change-session-name");
        TextField nameEn = find(TextField.class).id("change-session-name-en");
        assertThat(name.getValue()).isEqualTo(session.name());
        assertThat(name.getLabel()).isEqualTo("Название сессии");
        assertThat(nameEn.getValue()).isEmpty();
        assertThat(nameEn.getLabel()).isEqualTo("Название сессии на английском");

        test(name).setValue(" ");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Заполните это поле");

        String unique = TestData.unique();
        test(name).setValue("Переговоры " + unique);
        test(nameEn).setValue("y".repeat(201));
        test(dialog.save).click();
        assertThat(dialog.isOpened()).as("refused: still open with the message at the field").isTrue();
        assertThat(name.isInvalid()).isFalse();
        assertThat(nameEn.isInvalid()).isTrue();
        assertThat(nameEn.getErrorMessage()).isEqualTo("Не более 200 символов");
        assertThat(program.sessions()).filteredOn(s -> s.id() == session.id()).extracting(NegotiationSession::name)
                .as("nothing half-saved").containsExactly(session.name());

        test(nameEn).setValue("Talks " + unique);
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(program.sessions()).filteredOn(s -> s.id() == session.id()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Переговоры " + unique);
            assertThat(s.nameEn()).isEqualTo("Talks " + unique);
        });
        assertThat(program.slots(session.id())).hasSize(2);
        assertThat(test(view.sessions.grid).getCellText(rowOf(view.sessions.grid, session.id()), 2))
                .isEqualTo("Переговоры " + unique);
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Сессия «Переговоры " + unique
                + "» сохранена");
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void on_the_english_page_an_organizer_changes_a_program_items_title_and_place_in_its_dialog() {
        ProgramFixture.Session session = ProgramFixture.session(program, 1, 1);
        String unique = TestData.unique();
        long item = programItems.add(session.dayId(), ProgramItemKind.ROUND_TABLE, "Круглый стол " + unique,
                null, "Малый зал", null, LocalTime.of(14, 0), LocalTime.of(15, 0));
        com.vaadin.flow.component.UI.getCurrent().setLocale(org.b2bforum.base.i18n.Languages.ENGLISH);
        ProgramView view = navigate(ProgramView.class);
        var items = test(view.items.grid);
        int row = IntStream.range(0, items.size()).filter(i -> items.getRow(i).id() == item).findFirst().orElseThrow();

        test(rowButton(view.items.grid, row, 6, "change-item")).click();
        ChangeDialog dialog = find(ChangeDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Program item: Круглый стол " + unique);
        TextField title = find(TextField.class).id("change-item-title");
        TextField titleEn = find(TextField.class).id("change-item-title-en");
        TextField place = find(TextField.class).id("change-item-place");
        TextField placeEn = find(TextField.class).id("change-item-place-en");
        assertThat(List.of(title, titleEn, place, placeEn)).extracting(TextField::getLabel)
                .containsExactly("Title", "Title in English", "Place", "Place in English");
        assertThat(place.getValue()).isEqualTo("Малый зал");

        test(titleEn).setValue("Round table " + unique);
        test(place).setValue("p".repeat(201));
        test(dialog.save).click();
        assertThat(dialog.isOpened()).as("refused: still open with the message at the field").isTrue();
        assertThat(place.isInvalid()).isTrue();
        assertThat(place.getErrorMessage()).isEqualTo("At most 200 characters");
        assertThat(title.isInvalid()).as("the place's message, not the title's").isFalse();
        assertThat(programItems.all()).filteredOn(p -> p.id() == item).extracting(ProgramItem::titleEn)
                .as("nothing half-saved").containsOnlyNulls();

        test(place).setValue("Зал «Немига»");
        test(placeEn).setValue("Nemiga Hall");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(programItems.all()).filteredOn(p -> p.id() == item).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Круглый стол " + unique);
            assertThat(p.titleEn()).isEqualTo("Round table " + unique);
            assertThat(p.place()).isEqualTo("Зал «Немига»");
            assertThat(p.placeEn()).isEqualTo("Nemiga Hall");
        });
        var changed = test(view.items.grid);
        int after = IntStream.range(0, changed.size()).filter(i -> changed.getRow(i).id() == item).findFirst()
                .orElseThrow();
        assertThat(changed.getCellText(after, 2)).isEqualTo("Round table " + unique);
        assertThat(changed.getCellText(after, 3)).isEqualTo("Nemiga Hall");
        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("Program item “Round table " + unique + "” saved");
    }

    /** ux58: a program item is removed after a question that names its sign-ups (before, it could not be at all). */
    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void a_program_item_is_removed_after_a_question_that_says_how_many_signed_up() {
        BookingFixture.ForumDayRef day = booking.newDay();
        String title = "Круглый стол " + TestData.unique();
        long item = programItems.add(day.id(), ProgramItemKind.ROUND_TABLE, title, null, "Малый зал", null,
                LocalTime.of(15, 0), LocalTime.of(16, 0));
        BookingFixture.TestCompany company = booking.approvedCompany();
        programItems.signUp(item, company.delegateIds());
        ProgramView view = navigate(ProgramView.class);
        var rows = test(view.items.grid);
        int row = IntStream.range(0, rows.size()).filter(i -> rows.getRow(i).id() == item).findFirst().orElseThrow();

        test(rowButton(view.items.grid, row, 6, "remove-item")).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Удалить «" + title + "»?");
        assertThat(confirm.getElement().getProperty("message")).startsWith("Круглый стол, ")
                .contains("15:00–16:00. Записалось участников: " + company.delegateIds().size() + ";");
        test(confirm).confirm();

        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Мероприятие «" + title + "» удалено");
        assertThat(programItems.all()).extracting(ProgramItem::id).doesNotContain(item);
        var after = test(view.items.grid);
        assertThat(IntStream.range(0, after.size()).filter(i -> after.getRow(i).id() == item)).as("gone from the list")
                .isEmpty();
    }

    /** The button with this class name among a row's buttons (the last column). */
    private <T> Button rowButton(Grid<T> grid, int row, int column, String className) {
        return test(grid).getCellComponent(row, column).getChildren()
                .filter(c -> c.getElement().getClassList().contains(className)).map(Button.class::cast).findFirst()
                .orElseThrow();
    }

    private List<Long> ids(Grid<NegotiationSession> grid) {
        var rows = test(grid);
        return IntStream.range(0, rows.size()).mapToObj(rows::getRow).map(NegotiationSession::id).toList();
    }

    private int rowOf(Grid<NegotiationSession> grid, long sessionId) {
        var rows = test(grid);
        return IntStream.range(0, rows.size()).filter(i -> rows.getRow(i).id() == sessionId).findFirst().orElse(-1);
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void the_calendars_of_the_program_speak_russian_with_monday_first() {
        ProgramView view = navigate(ProgramView.class);

        for (var i18n : List.of(view.days.day.getI18n(), view.booking.opensAt.getDatePickerI18n(),
                view.booking.closesAt.getDatePickerI18n())) {
            assertThat(i18n.getMonthNames()).startsWith("январь", "февраль");
            assertThat(i18n.getWeekdaysShort()).startsWith("вс", "пн");
            assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
            assertThat(i18n.getToday()).isEqualTo("Сегодня");
        }
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void long_program_titles_and_hall_names_wrap_in_their_grids_instead_of_being_cut_off() {
        ProgramView view = navigate(ProgramView.class);

        String wrap = GridVariant.WRAP_CELL_CONTENT.getVariantName();
        assertThat(view.items.grid.getThemeNames()).contains(wrap);
        assertThat(view.halls.grid.getThemeNames()).contains(wrap);
    }
}
