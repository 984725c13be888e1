package org.b2bforum.meeting.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.b2bforum.program.ui.ProgramFixture.approvedCompany;
import static org.b2bforum.program.ui.ProgramFixture.choose;
import static org.b2bforum.program.ui.ProgramFixture.uniqueName;

import java.util.Arrays;
import java.util.List;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.meeting.MeetingStatus;
import org.b2bforum.meeting.MeetingDetails;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.ProgramService;
import org.b2bforum.program.ui.ProgramFixture;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.program.BookingWindow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;

/** Organizers see a session's meetings by slot and table, move and cancel them, and book meetings themselves. */
@ForumSpringTest
class MeetingGridViewTest extends ForumBrowserlessTest {

    @Autowired
    ProgramService program;
    @Autowired
    BookingWindow bookingWindow;
    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    RegistrationService registrations;
    @Autowired
    MeetingRequests meetingRequests;

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void the_grid_shows_each_confirmed_meeting_at_its_table_and_the_open_requests_of_each_slot() {
        ProgramFixture.Session session = ProgramFixture.session(program, 3, 2);
        String a = uniqueName("Гомсельмаш");
        String b = uniqueName("Мосгортранс");
        String c = uniqueName("Белшина");
        String d = uniqueName("Мосводоканал");
        long first = organizerBookings.bookAsOrganizer(approvedCompany(registrations, a), approvedCompany(registrations, b),
                session.slots().getFirst().id());
        long second = organizerBookings.bookAsOrganizer(approvedCompany(registrations, c), approvedCompany(registrations, d),
                session.slots().getFirst().id());
        MeetingGridView view = navigate(MeetingGridView.class);

        choose(this, view.session, s -> s.id() == session.id());
        assertThat(view.session.hasClassName("wrap-value")).as("date, hall, name and times wrap on a phone, see "
                + "forum.css").isTrue();

        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, 0)).isEqualTo("10:00–10:20");
        assertThat(grid.getHeaderCell(1)).isEqualTo("Стол 1");
        int firstTable = meetingQueries.meeting(first).tableNumber();
        int secondTable = meetingQueries.meeting(second).tableNumber();
        assertThat(firstTable).isNotEqualTo(secondTable);
        assertThat(cell(view, 0, firstTable)).isEqualTo(a + " — " + b);
        assertThat(cell(view, 0, secondTable)).isEqualTo(c + " — " + d);
        // who attends, each company's people under its name (ux59): one list of both read as one side's
        String tooltip = view.tooltip(test(view.grid).getRow(0).cell(firstTable));
        assertThat(tooltip)
                .matches(java.util.regex.Pattern.quote(a + " — " + b + " · Участники от «" + a + "»: ") + "[^·]+"
                        + java.util.regex.Pattern.quote(" · Участники от «" + b + "»: ") + ".+");
        // a screen reader reads no grid tooltip: the cell's button is named with its words (ux70)
        assertThat(new com.vaadin.flow.component.grid.GridTester<>(view.grid)
                .getLitRendererPropertyValue(0, firstTable, "said", String.class))
                .isEqualTo(tooltip);
        assertThat(MeetingGridView.MEETING_CELL).contains("aria-label=${item.said}");
        assertThat(cell(view, 1, 1) + cell(view, 1, 2) + cell(view, 1, 3)).as("second slot free").isEmpty();
        assertThat(grid.getCellText(0, 4)).as("no open requests").isEqualTo("0");
        assertThat(view.summary.getText()).startsWith("Подтверждённых встреч: 2 · запросов ждут ответа: 0");
        // at forum scale a hall has 105 tables and a day 24 slots: a component per cell held 2,520 buttons with their
        // tooltips on the server for each open tab (bench/README.md, run-report, ux65); the browser draws them instead
        assertThat(view.grid.getColumnByKey("table-1").getRenderer())
                .isInstanceOf(com.vaadin.flow.data.renderer.LitRenderer.class)
                .isNotInstanceOf(com.vaadin.flow.data.renderer.ComponentRenderer.class);
        assertThat(view.grid.getColumnRendering()).as("the columns in sight, not all 105")
                .isEqualTo(com.vaadin.flow.component.grid.ColumnRendering.LAZY);
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void an_organizer_moves_a_meeting_to_another_slot_and_then_cancels_it() {
        ProgramFixture.Session session = ProgramFixture.session(program, 1, 3);
        String a = uniqueName("Амкодор");
        String b = uniqueName("Мосинжпроект");
        long meeting = organizerBookings.bookAsOrganizer(approvedCompany(registrations, a), approvedCompany(registrations, b),
                session.slots().getFirst().id());
        UI.getCurrent().navigate(MeetingGridView.class, QueryParameters.of("session", String.valueOf(session.id())));
        MeetingGridView view = (MeetingGridView) getCurrentView();
        assertThat(view.session.getValue().id()).as("chosen by the link").isEqualTo(session.id());

        test(view.grid).invokeLitRendererFunction(0, 1, "open");
        MeetingDialog dialog = find(MeetingDialog.class).single();
        assertThat(dialog.moving.isWrap()).as("the button under the slot on a phone (cut off at 390 px)").isTrue();
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).from(dialog).all().stream()
                .map(p -> p.getText()).filter(t -> t.startsWith("Участники")).toList())
                .as("one line a company").hasSize(2).satisfiesExactly(
                        line -> assertThat(line).startsWith("Участники от «" + a + "»: "),
                        line -> assertThat(line).startsWith("Участники от «" + b + "»: "));
        test(dialog.moveTo).selectItem("10:40–11:00");
        test(dialog.move).click();

        assertThat(meetingQueries.meeting(meeting).slotId()).isEqualTo(session.slots().get(2).id());
        assertThat(cell(view, 0, 1)).isEmpty();
        assertThat(cell(view, 2, 1)).isEqualTo(a + " — " + b);
        assertThat(find(MeetingDialog.class).exists()).isFalse();

        test(view.grid).invokeLitRendererFunction(2, 1, "open");
        dialog = find(MeetingDialog.class).single();
        assertThat(dialog.reason.getLabel()).as("both companies read it on their meetings page (mend53b)")
                .isEqualTo("Причина (её увидят обе компании)");
        test(dialog.reason).setValue("Компания не приедет");
        test(dialog.cancelMeeting).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).id("confirm-cancel-meeting");
        assertThat(meetingQueries.meeting(meeting).status()).as("not before it is confirmed")
                .isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(confirm.getElement().getProperty("message")).startsWith(a + " — " + b + ", ")
                .contains("10:40–11:00", "Обе компании сразу получат уведомление");
        test(confirm).cancel();
        assertThat(meetingQueries.meeting(meeting).status()).as("kept").isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(dialog.reason.getValue()).as("the reason is still there").isEqualTo("Компания не приедет");

        test(dialog.cancelMeeting).click();
        test(find(ConfirmDialog.class).id("confirm-cancel-meeting")).confirm();

        MeetingDetails cancelled = meetingQueries.meeting(meeting);
        assertThat(cancelled.status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(cell(view, 2, 1)).isEmpty();
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void the_rows_carry_the_words_shown_and_the_dialog_reads_the_meeting_as_it_is_at_the_click() {
        ProgramFixture.Session session = ProgramFixture.session(program, 2, 3);
        String a = uniqueName("Белаз"), b = uniqueName("Мосметрострой");
        long moved = booked(a, b, session.slots().getFirst().id());
        long cancelled = booked(uniqueName("Могилёвлифтмаш"), uniqueName("Мосэнерго"), session.slots().get(1).id());
        String c = uniqueName("Минскводоканал");
        long again = organizerBookings.bookAsOrganizer(meetingQueries.meeting(moved).requesterId(),
                approvedCompany(registrations, c), session.slots().get(1).id());
        MeetingGridView view = gridOf(session);

        // a tab keeps its rows for days: 24 of them at forum scale held 2,520 whole meetings (messages, answers, every
        // delegate), 1-6 MB a tab (bench/README.md, run-report, ux65 and ux69); now an id and the words shown
        MeetingGridView.SlotRow first = test(view.grid).getRow(0);
        assertThat(java.util.Arrays.stream(MeetingGridView.SlotRow.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getType))
                .doesNotContain(java.util.Map.class, MeetingDetails.class);
        assertThat(first.cell(1).meetingId()).isEqualTo(moved);
        assertThat(first.cell(1).pair()).isEqualTo(a + " — " + b);
        // a session's 2,447 tooltips were 0.85 MB a tab (ux69): they are made as the row is sent, from the names and
        // people a cell keeps, each one String however many cells show it
        assertThat(java.util.Arrays.stream(MeetingGridView.Cell.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)).doesNotContain("tooltip");
        MeetingGridView.Cell later = test(view.grid).getRow(1).cell(2);
        assertThat(later.meetingId()).isEqualTo(again);
        assertThat(later.requester()).isEqualTo(a).isSameAs(first.cell(1).requester());
        assertThat(later.requesterPeople()).isSameAs(first.cell(1).requesterPeople()).isNotBlank();
        assertThat(new com.vaadin.flow.component.grid.GridTester<>(view.grid)
                .getLitRendererPropertyValue(1, 2, "said", String.class))
                .isEqualTo(a + " — " + c + " · Участники от «" + a + "»: " + later.requesterPeople()
                        + " · Участники от «" + c + "»: " + later.partnerPeople());

        // another organizer moves one meeting and cancels the other while this grid is open
        organizerBookings.move(moved, session.slots().get(2).id());
        meetingRequests.cancel(cancelled, "");

        test(view.grid).invokeLitRendererFunction(0, 1, "open");
        MeetingDialog dialog = find(MeetingDialog.class).single();
        assertThat(dialog.moveTo.getListDataView().getItems().map(s -> s.id()).toList())
                .as("it is in the third slot now: the first is one to move it to")
                .containsExactly(session.slots().getFirst().id(), session.slots().get(1).id());
        dialog.close();

        test(view.grid).invokeLitRendererFunction(1, 1, "open");
        assertThat(find(MeetingDialog.class).all().stream().filter(MeetingDialog::isOpened))
                .as("no dialog for a cancelled meeting").isEmpty();
        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("Эту встречу уже отменили; сетка обновлена.");
        assertThat(cell(view, 1, 1)).as("drawn again").isEmpty();
        assertThat(cell(view, 2, 1)).isEqualTo(a + " — " + b);
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void an_organizer_books_a_meeting_and_a_refusal_is_shown_translated() {
        ProgramFixture.Session session = ProgramFixture.session(program, 1, 2);
        List<String> names = approvedCompanies("Минскзеленстрой", "Мосгаз", "Белкоопсоюз");
        String a = names.get(0);
        String b = names.get(1);
        String c = names.get(2);
        MeetingGridView view = gridOf(session);

        book(view, a, b, "10:00–10:20");
        assertThat(cell(view, 0, 1)).isEqualTo(a + " — " + b);
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Встреча назначена: " + a + " — " + b);

        book(view, c, a, "10:00–10:20");
        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("Этот слот только что заняли. Выберите другое время.");
        assertThat(cell(view, 0, 1)).isEqualTo(a + " — " + b);
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void an_organizer_books_over_the_meeting_limit_only_with_the_box_ticked() {
        ProgramFixture.Session session = ProgramFixture.session(program, 2, 2);
        List<String> names = approvedCompanies("Минскзеленстрой", "Мосгаз", "Белкоопсоюз");
        String a = names.get(0);
        String b = names.get(1);
        String c = names.get(2);
        BookingSettings before = bookingWindow.settings();
        bookingWindow.update(new BookingSettings(null, null, 1, false));
        try {
            MeetingGridView view = gridOf(session);
            book(view, a, b, "10:00–10:20");

            book(view, c, a, "10:20–10:40");
            assertThat(test(find(Notification.class).last()).getText()).isEqualTo("У «" + a
                    + "» уже предельное число встреч: 1. Чтобы всё же назначить встречу, отметьте «Сверх предела встреч».");
            assertThat(cell(view, 1, 1)).isEmpty();

            test(view.booking.overLimit).click();
            test(view.booking.book).click();
            assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Встреча назначена: " + c + " — " + a);
            assertThat(cell(view, 1, 1)).isEqualTo(c + " — " + a);
            assertThat(view.booking.overLimit.getValue()).as("the override is not kept for the next one").isFalse();
        } finally {
            bookingWindow.update(before);
        }
    }

    /** The text of a table's cell (its meeting's two companies), empty at a free table. */
    private static String cell(MeetingGridView view, int row, int table) {
        String pair = new com.vaadin.flow.component.grid.GridTester<>(view.grid)
                .getLitRendererPropertyValue(row, table, "pair", String.class);
        return pair == null ? "" : pair;
    }

    /** Two approved companies of these names and the meeting an organizer booked between them. */
    private long booked(String requester, String partner, long slotId) {
        return organizerBookings.bookAsOrganizer(approvedCompany(registrations, requester),
                approvedCompany(registrations, partner), slotId);
    }

    /** Approved companies with these names made unique, as they are shown. */
    private List<String> approvedCompanies(String... names) {
        return Arrays.stream(names).map(name -> {
            String unique = uniqueName(name);
            approvedCompany(registrations, unique);
            return unique;
        }).toList();
    }

    private MeetingGridView gridOf(ProgramFixture.Session session) {
        MeetingGridView view = navigate(MeetingGridView.class);
        choose(this, view.session, s -> s.id() == session.id());
        return view;
    }

    private void book(MeetingGridView view, String requester, String partner, String slot) {
        test(view.booking.requester).setFilter(requester);
        test(view.booking.requester).selectItem(requester + ", Минск");
        test(view.booking.partner).setFilter(partner);
        test(view.booking.partner).selectItem(partner + ", Минск");
        test(view.booking.slot).selectItem(slot);
        test(view.booking.book).click();
    }
}
