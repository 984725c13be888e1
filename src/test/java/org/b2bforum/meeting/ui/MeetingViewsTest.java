package org.b2bforum.meeting.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.RunningServerTest;
import org.b2bforum.TestClock;
import org.b2bforum.TestData;
import org.b2bforum.TransactionsBegun;
import org.b2bforum.base.live.LiveUpdates;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.ui.MessageLink;
import org.b2bforum.meeting.Cancellation;
import org.b2bforum.meeting.DelegateChoice;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.meeting.MeetingStatus;
import org.b2bforum.meeting.MeetingDetails;
import org.b2bforum.meeting.MeetingLimit;
import org.b2bforum.meeting.SlotOption;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.program.ProgramService;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.ProgramItems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.function.SerializablePredicate;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;

/** A company requests meetings, answers requests and reads its agenda, through the views. */
@ForumSpringTest
class MeetingViewsTest extends ForumBrowserlessTest {

    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;
    @Autowired
    ProgramService program;
    @Autowired
    ProgramItems programItems;
    @Autowired
    BookingWindow bookingWindow;
    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    LiveUpdates live;
    @Autowired
    ApplicationContext context;
    @Autowired
    I18NProvider i18n;

    @Test
    void a_new_company_with_no_requests_is_led_to_the_suggested_partners_and_the_directory() {
        TestData.logInAs(accounts, ForumFixture.approvedCompany(registrations, accounts).login());

        MeetingsView view = navigate(MeetingsView.class);

        Paragraph empty = (Paragraph) view.outgoing.getChildren().filter(Paragraph.class::isInstance).findFirst()
                .orElseThrow();
        assertThat(empty.getElement().getTextRecursively()).startsWith("Ваших запросов, ожидающих ответа, нет.")
                .endsWith("Рекомендуемые партнёры · Каталог компаний");
        assertThat(empty.getChildren().filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()))
                .containsExactly("partners", "directory");
    }

    @Test
    void the_request_page_offers_only_free_slots_and_a_slot_taken_meanwhile_is_refused_in_words() throws Exception {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 3);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company c = ForumFixture.approvedCompany(registrations, accounts);
        organizerBookings.bookAsOrganizer(c.id(), b.id(), forum.slotAt("10:00"));

        TestData.logInAs(accounts, a.login());
        RequestMeetingView view = navigate("meetings/new", "with", String.valueOf(b.id()), RequestMeetingView.class);

        assertThat(find(Component.class).withId("request-partner").single().getElement().getText())
                .isEqualTo(b.name());
        assertThat(view.delegates.getValue()).extracting(DelegateChoice::fullName).containsExactly("Иван Петров");
        String second = forum.when("10:20–10:40") + " · " + forum.hall();
        String third = forum.when("10:40–11:00") + " · " + forum.hall();
        assertThat(slotsOfTheDay(view, forum)).as("b is busy at 10:00").containsExactly(second, third);

        test(view.slot).selectItem(second);
        test(view.message).setValue("Обсудим поставки оборудования");
        List<Element> itemsBefore = renderedItems(view);
        SerializablePredicate<SlotOption> enabled = view.slot.getItemEnabledProvider();
        List<Long> toldEnabled = new ArrayList<>();
        view.slot.setItemEnabledProvider(option -> {
            toldEnabled.add(option.slotId());
            return enabled.test(option);
        });
        toldEnabled.clear();
        // Meanwhile the organizers give b's 10:20 slot to c.
        TestData.logInAsOrganizer(accounts);
        organizerBookings.bookAsOrganizer(c.id(), b.id(), forum.slotAt("10:20"));
        TestData.logInAs(accounts, a.login());
        List<String> begun = TransactionsBegun.during(context, () -> test(view.request).click());

        assertThat(begun).as("the refused Send reads the free times again without a transaction of its own (the"
                + " booking's are plain JDBC ones)").isEmpty();
        assertThat(getCurrentView()).as("no error page, still asking").isSameAs(view);
        assertThat(view.outcome.isVisible()).isTrue();
        assertThat(view.outcome.getElement().getAttribute("data-outcome")).isEqualTo("refused");
        assertThat(view.outcome.getElement().getTextRecursively())
                .isEqualTo("Этот слот только что заняли. Выберите другое время.");
        assertThat(slotsOfTheDay(view, forum)).as("of the day's times only 10:40 is listed unmarked").containsExactly(third);
        assertThat(test(view.slot).getSuggestions().stream().filter(label -> label.contains(forum.hall())))
                .as("the time just taken still listed, marked").containsExactly(second + " · уже занято", third);
        assertThat(toldEnabled).as("only the item taken is told of its enabled state again, not the whole list")
                .isNotEmpty().containsOnly(forum.slotAt("10:20"));
        assertThat(renderedItems(view))
                .as("the items sent to the browser are the same elements: the one taken was rendered again, not re-created")
                .containsExactlyElementsOf(itemsBefore);
        Element takenItem = renderedItem(view, second);
        assertThat(takenItem.getText()).as("the item the browser shows").isEqualTo(second + " · уже занято");
        assertThat(takenItem.hasAttribute("disabled")).as("and cannot choose").isTrue();
        assertThat(renderedItem(view, third).hasAttribute("disabled")).isFalse();
        assertThat(view.slot.getValue()).isNull();
        assertThat(meetingQueries.myMeetings()).noneMatch(m -> m.counterpartId(a.id()) == b.id());

        test(view.slot).selectItem(third);
        test(view.request).click();

        MeetingDetails requested = meetingQueries.myMeetings().stream().filter(m -> m.counterpartId(a.id()) == b.id())
                .findFirst().orElseThrow();
        assertThat(requested.status()).isEqualTo(MeetingStatus.REQUESTED);
        assertThat(requested.slotId()).isEqualTo(forum.slotAt("10:40"));
        assertThat(requested.message()).isEqualTo("Обсудим поставки оборудования");
        assertThat(getCurrentView()).as("the company stays on the form").isSameAs(view);
        assertThat(view.outcome.getElement().getAttribute("data-outcome")).isEqualTo("sent");
        assertThat(view.outcome.getElement().getTextRecursively()).isEqualTo("Запрос отправлен компании «" + b.name()
                + "». Встреча состоится, когда компания её подтвердит. Перейти к встречам");
        RouterLink toMeetings = find(RouterLink.class).id("request-to-meetings");
        assertThat(toMeetings.getHref()).isEqualTo("meetings");

        test(toMeetings).click();
        assertThat(text(row(((MeetingsView) getCurrentView()).outgoing, requested.id())))
                .contains(b.name(), forum.when("10:40–11:00"), forum.hall());
    }

    @Test
    void after_send_the_outcome_links_back_to_the_directory_results_the_company_came_from() {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 3);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company c = ForumFixture.approvedCompany(registrations, accounts);
        TestData.logInAs(accounts, a.login());
        QueryParameters search = QueryParameters.of("q", "дорожная техника");
        UI.getCurrent().navigate("directory", search);
        Object directory = getCurrentView();
        RequestMeetingView view = navigate("meetings/new", "with", String.valueOf(b.id()), RequestMeetingView.class);
        String first = forum.when("10:00–10:20") + " · " + forum.hall();
        assertThat(find(Anchor.class).withId("request-back-to-directory").exists()).as("before Send").isFalse();

        test(view.slot).selectItem(first);
        TestData.logInAsOrganizer(accounts);
        organizerBookings.bookAsOrganizer(c.id(), b.id(), forum.slotAt("10:00"));
        TestData.logInAs(accounts, a.login());
        test(view.request).click();
        assertThat(view.outcome.getElement().getAttribute("data-outcome")).isEqualTo("refused");
        assertThat(view.outcome.getElement().getTextRecursively()).as("another company instead, if the company wishes")
                .isEqualTo("Этот слот только что заняли. Выберите другое время. ← К каталогу компаний");

        test(view.slot).selectItem(forum.when("10:20–10:40") + " · " + forum.hall());
        test(view.request).click();

        assertThat(view.outcome.getElement().getAttribute("data-outcome")).isEqualTo("sent");
        assertThat(view.outcome.getElement().getTextRecursively()).isEqualTo("Запрос отправлен компании «" + b.name()
                + "». Встреча состоится, когда компания её подтвердит. Перейти к встречам · ← К каталогу компаний");
        Anchor back = find(Anchor.class).withId("request-back-to-directory").single();
        assertThat(back.getHref()).as("the directory as the company left it").isEqualTo("directory?" + search.getQueryString());
        assertThat(back.getElement().hasAttribute("router-link")).as("followed without reloading the page").isTrue();

        Location link = new Location(back.getHref());
        UI.getCurrent().navigate(link.getPath(), link.getQueryParameters());
        assertThat(getCurrentView()).as("the tab's directory again, with the search").isSameAs(directory);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters()).isEqualTo(search);
    }

    @Test
    void a_time_taken_and_freed_again_is_listed_again_after_the_next_refusal() {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 3);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company c = ForumFixture.approvedCompany(registrations, accounts);
        TestData.logInAs(accounts, a.login());
        RequestMeetingView view = navigate("meetings/new", "with", String.valueOf(b.id()), RequestMeetingView.class);
        String first = forum.when("10:00–10:20") + " · " + forum.hall();
        String second = forum.when("10:20–10:40") + " · " + forum.hall();
        String third = forum.when("10:40–11:00") + " · " + forum.hall();

        test(view.slot).selectItem(first);
        TestData.logInAsOrganizer(accounts);
        long holding = organizerBookings.bookAsOrganizer(c.id(), b.id(), forum.slotAt("10:00"));
        TestData.logInAs(accounts, a.login());
        test(view.request).click();
        assertThat(test(view.slot).getSuggestions().stream().filter(label -> label.contains(forum.hall())))
                .as("10:00 taken: listed, marked").containsExactly(first + " · уже занято", second, third);

        // the meeting holding 10:00 is cancelled, and 10:20 is taken before a's next "Send"
        TestData.logInAsOrganizer(accounts);
        meetingRequests.cancel(holding, "Перенесено");
        organizerBookings.bookAsOrganizer(c.id(), b.id(), forum.slotAt("10:20"));
        TestData.logInAs(accounts, a.login());
        test(view.slot).selectItem(second);
        test(view.request).click();

        assertThat(view.outcome.getElement().getAttribute("data-outcome")).isEqualTo("refused");
        assertThat(test(view.slot).getSuggestions().stream().filter(label -> label.contains(forum.hall())))
                .as("the list read anew: 10:00 free again, without the mark; 10:20 no longer listed")
                .containsExactly(first, third);
        Element freed = renderedItem(view, first);
        assertThat(freed.getText()).isEqualTo(first);
        assertThat(freed.hasAttribute("disabled")).as("10:00 can be chosen again").isFalse();
        assertThat(view.slot.getValue()).isNull();

        test(view.slot).selectItem(first);
        test(view.request).click();
        assertThat(view.outcome.getElement().getAttribute("data-outcome")).isEqualTo("sent");
        assertThat(meetingQueries.myMeetings().stream().filter(m -> m.counterpartId(a.id()) == b.id())
                .map(MeetingDetails::slotId)).containsExactly(forum.slotAt("10:00"));
    }

    @Test
    void after_send_the_form_stays_with_the_time_just_asked_for_marked_and_disabled() {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 3);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        TestData.logInAs(accounts, a.login());
        RequestMeetingView view = navigate("meetings/new", "with", String.valueOf(b.id()), RequestMeetingView.class);
        String first = forum.when("10:00–10:20") + " · " + forum.hall();
        String second = forum.when("10:20–10:40") + " · " + forum.hall();

        test(view.slot).selectItem(first);
        List<Element> itemsBefore = renderedItems(view);
        test(view.request).click();

        assertThat(getCurrentView()).isSameAs(view);
        assertThat(view.outcome.getElement().getAttribute("data-outcome")).isEqualTo("sent");
        assertThat(renderedItems(view))
                .as("the items sent to the browser are the same elements: the one asked for was rendered again, not re-created")
                .containsExactlyElementsOf(itemsBefore);
        Element askedItem = renderedItem(view, first);
        assertThat(askedItem.getText()).as("the item the browser shows").isEqualTo(first + " · запрос отправлен");
        assertThat(askedItem.hasAttribute("disabled")).as("and cannot choose").isTrue();
        assertThat(view.slot.getValue()).isNull();
        assertThat(test(view.slot).getSuggestions().stream().filter(label -> label.contains(forum.hall())))
                .as("still listed, marked")
                .containsExactly(first + " · запрос отправлен", second, forum.when("10:40–11:00") + " · " + forum.hall());
        assertThat(view.request.isEnabled()).as("until another time is chosen").isFalse();

        test(view.slot).selectItem(second);
        assertThat(view.request.isEnabled()).isTrue();
    }

    /**
     * The form lists each time once, in the hall with most tables left when it was read: when that hall's tables are
     * gone meanwhile, the company still gets the time it chose, in another hall, without a refusal to click through.
     * At the booking window's opening every form listed the same hall, and most refusals were "no table left" while
     * the other halls stood empty (bench/README.md, issue 17, i17-rush17).
     */
    @Test
    void with_instant_booking_a_time_whose_listed_hall_filled_up_meanwhile_is_booked_in_another_hall() {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 2);
        List<ForumFixture.Company> six = new ArrayList<>();
        while (six.size() < 6) {
            six.add(ForumFixture.approvedCompany(registrations, accounts));
        }
        ForumFixture.Company a = six.get(0);
        ForumFixture.Company b = six.get(1);
        TestData.logInAsOrganizer(accounts);
        long smallHall = program.addHall("Зал " + TestData.unique(), null, 1);
        long smallSession = program.addSession(forum.dayId(), smallHall, "Переговоры малого зала", null,
                LocalTime.of(10, 0), LocalTime.of(11, 0), 20, 0);
        Instant ten = forum.slots().stream().filter(s -> s.id() == forum.slotAt("10:00")).findFirst()
                .orElseThrow().startsAt();
        long smallHallAtTen = program.slots(smallSession).stream().filter(s -> s.startsAt().equals(ten)).findFirst()
                .orElseThrow().id();
        bookingWindow.update(new BookingSettings(null, null, 50, true));
        try {
            TestData.logInAs(accounts, a.login());
            RequestMeetingView view = navigate("meetings/new", "with", String.valueOf(b.id()), RequestMeetingView.class);
            test(view.slot).selectItem(forum.when("10:00–10:20") + " · " + forum.hall());
            // meanwhile the organizers give both tables of the listed hall at 10:00 to other companies
            TestData.logInAsOrganizer(accounts);
            organizerBookings.bookAsOrganizer(six.get(2).id(), six.get(3).id(), forum.slotAt("10:00"));
            organizerBookings.bookAsOrganizer(six.get(4).id(), six.get(5).id(), forum.slotAt("10:00"));
            TestData.logInAs(accounts, a.login());

            test(view.request).click();

            assertThat(view.outcome.getElement().getAttribute("data-outcome")).isEqualTo("confirmed");
            assertThat(meetingQueries.myMeetings().stream().filter(m -> m.counterpartId(a.id()) == b.id())
                    .map(MeetingDetails::slotId)).as("the time chosen, in the hall with a table left")
                    .containsExactly(smallHallAtTen);
            assertThat(test(view.slot).getSuggestions()).as("10:00 is the company's now, in no hall")
                    .noneMatch(label -> label.startsWith(forum.when("10:00–10:20")));
        } finally {
            TestData.logInAsOrganizer(accounts);
            bookingWindow.update(new BookingSettings(null, null, 50, false));
        }
    }

    @Test
    void with_instant_booking_the_bell_counts_the_confirmed_meeting_in_the_answer_to_send_without_a_note_about_it() {
        // the answer adds the booking's own notification to the bell the page keeps, and counts nothing again (issue 17:
        // the count was one statement in each rush user's "Send"); a notification the page was not told of yet comes
        // with its own live update
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 3);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        bookingWindow.update(new BookingSettings(null, null, 50, true));
        // no poll of the feed meanwhile: what the page shows comes with the answer to "Send"
        live.stop();
        try {
            TestData.logInAs(accounts, a.login());
            RequestMeetingView view = navigate("meetings/new", "with", String.valueOf(b.id()), RequestMeetingView.class);
            long unread = bell();
            // a notification this page has not been told of (its change in the feed not read: no poll meanwhile)
            context.getBean(JdbcTemplate.class).update("insert into notification (user_id, message_key, created_at)"
                    + " select id, 'notification.meeting.REQUESTED', now(6) from app_user where email = ?", a.login());

            test(view.slot).selectItem(forum.when("10:20–10:40") + " · " + forum.hall());
            test(view.request).click();

            assertThat(view.outcome.getElement().getAttribute("data-outcome")).isEqualTo("confirmed");
            assertThat(bell()).as("the meeting's notification to the requester added to the bell kept, nothing counted")
                    .isEqualTo(unread + 1);
            assertThat(find(Notification.class).all()).as("no note about what the user just did").isEmpty();
        } finally {
            live.start();
            TestData.logInAsOrganizer(accounts);
            bookingWindow.update(new BookingSettings(null, null, 50, false));
        }
    }

    @Test
    void a_double_click_on_send_sends_one_request() {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 3);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        TestData.logInAs(accounts, a.login());
        RequestMeetingView view = navigate("meetings/new", "with", String.valueOf(b.id()), RequestMeetingView.class);
        test(view.slot).selectItem(forum.when("10:20–10:40") + " · " + forum.hall());

        assertThat(view.request.isDisableOnClick()).as("the browser disables it at the first click").isTrue();
        test(view.request).click();
        // the second click of the pair reaches a disabled button, whose events the server ignores
        assertThat(view.request.isEnabled()).isFalse();
        assertThatThrownBy(() -> test(view.request).click()).isInstanceOf(IllegalStateException.class);

        assertThat(meetingQueries.myMeetings().stream().filter(m -> m.counterpartId(a.id()) == b.id())).hasSize(1);
        assertThat(view.outcome.getElement().getAttribute("data-outcome")).isEqualTo("sent");
    }

    @Test
    void a_meeting_booked_instantly_with_the_company_asks_it_who_attends_until_it_chooses() {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 2);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        TestData.logInAsOrganizer(accounts);
        bookingWindow.update(new BookingSettings(null, null, 50, true));
        long id;
        try {
            TestData.logInAs(accounts, a.login());
            long first = meetingQueries.myDelegates().getFirst().id();
            id = meetingRequests.request(b.id(), forum.slotAt("10:20"), List.of(first), null).meetingId();
        } finally {
            TestData.logInAsOrganizer(accounts);
            bookingWindow.update(new BookingSettings(null, null, 50, false));
        }

        TestData.logInAs(accounts, b.login());
        MeetingsView view = navigate(MeetingsView.class);
        assertThat(text(find(Paragraph.class).id("no-attendees-" + id)))
                .isEqualTo("Никто из ваших участников пока не идёт на эту встречу: выберите, кто придёт");
        // the notification's "Choose who attends" opens the page at that meeting, below the requests to answer
        scriptsSinceLastLook();
        UI.getCurrent().navigate("meetings", QueryParameters.of("to", "attendees"));
        Component meetingRow = row(((MeetingsView) getCurrentView()).confirmed, id);
        assertThat(scriptsSinceLastLook()).anySatisfy(call -> {
            assertThat(call.getExpression()).contains("scrollIntoView");
            assertThat(call.getParameters()).contains(meetingRow.getElement());
        });
        view = (MeetingsView) getCurrentView();
        Button choose = find(Button.class).id("attendees-" + id);
        assertThat(choose.getText()).isEqualTo("Выбрать участников");
        test(choose).click();
        @SuppressWarnings("unchecked")
        CheckboxGroup<DelegateChoice> who = find(CheckboxGroup.class).id("attendees-delegates");
        assertThat(who.getValue()).as("the first delegate offered").extracting(DelegateChoice::fullName)
                .containsExactly("Иван Петров");
        test(who).deselectItem("Иван Петров — Директор");
        test(who).selectItem("Anna Smirnova — Sales manager");
        test(find(Button.class).id("confirm-attendees")).click();

        assertThat(notifications()).contains("Участники встречи сохранены, им пришло уведомление");
        assertThat(find(Paragraph.class).withId("no-attendees-" + id).exists()).isFalse();
        assertThat(find(Button.class).id("attendees-" + id).getText()).isEqualTo("Изменить участников");
        assertThat(text(row(view.confirmed, id))).as("each company's people apart")
                .contains("Ваши участники: Anna Smirnova", "Участники партнёра: Иван Петров");
        test(find(Button.class).id("attendees-" + id)).click();
        @SuppressWarnings("unchecked")
        CheckboxGroup<DelegateChoice> again = find(CheckboxGroup.class).id("attendees-delegates");
        assertThat(again.getValue()).as("those attending ticked").extracting(DelegateChoice::fullName)
                .containsExactly("Anna Smirnova");
    }

    @Test
    void accepting_a_request_in_the_meetings_view_confirms_it_with_a_table() {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 2);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        TestData.logInAs(accounts, a.login());
        long first = meetingQueries.myDelegates().getFirst().id();
        long id = meetingRequests.request(b.id(), forum.slotAt("10:20"), List.of(first), "Предлагаем обсудить логистику").meetingId();

        TestData.logInAs(accounts, b.login());
        MeetingsView view = navigate(MeetingsView.class);
        assertThat(text(row(view.incoming, id))).contains(a.name(), forum.when("10:20–10:40"), forum.hall(),
                "Предлагаем обсудить логистику", "Запрошена");
        assertThat(List.of(view.incomingHeading.getText(), view.outgoingHeading.getText(),
                view.confirmedHeading.getText())).as("each heading counts its list; an empty one has no count")
                .containsExactly("Запросы к вам (1)", "Ваши запросы", "Подтверждённые встречи");

        test(find(Button.class).id("accept-" + id)).click();
        @SuppressWarnings("unchecked")
        CheckboxGroup<DelegateChoice> who = find(CheckboxGroup.class).id("accept-delegates");
        assertThat(who.getValue()).extracting(DelegateChoice::fullName).containsExactly("Иван Петров");
        test(who).selectItem("Anna Smirnova — Sales manager");
        test(find(TextArea.class).id("accept-reply")).setValue("До встречи на форуме!");
        test(find(Button.class).id("confirm-accept")).click();

        MeetingDetails meeting = meetingQueries.meeting(id);
        assertThat(meeting.status()).isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(meeting.tableNumber()).isEqualTo(1);
        assertThat(meeting.response()).isEqualTo("До встречи на форуме!");
        assertThat(meeting.delegates()).hasSize(3);
        assertThat(notifications()).contains("Встреча подтверждена, стол назначен");
        assertThat(find(Button.class).withId("accept-" + id).exists()).isFalse();
        assertThat(row(view.incoming, id)).isNull();
        assertThat(text(row(view.confirmed, id))).contains(a.name(), forum.hall() + ", стол № 1", "Подтверждена",
                "Anna Smirnova");
        assertThat(find(Button.class).withId("cancel-" + id).exists()).isTrue();
        assertThat(List.of(view.incomingHeading.getText(), view.confirmedHeading.getText()))
                .as("the counts follow the answer").containsExactly("Запросы к вам", "Подтверждённые встречи (1)");
    }

    @Test
    void declining_withdrawing_and_cancelling_name_the_meeting_in_their_dialog() {
        Asked asked = askedAt("10:20");
        long id = asked.id();
        String meeting = asked.forum().when("10:20–10:40") + " · " + asked.forum().hall();
        navigate(MeetingsView.class);
        test(find(Button.class).id("withdraw-" + id)).click();
        assertThat(find(Paragraph.class).withText(asked.b().name() + " · " + meeting).exists()).as("withdraw").isTrue();
        test(find(Button.class).id("close-dialog")).click();

        TestData.logInAs(accounts, asked.b().login());
        UI.getCurrent().navigate("agenda"); // away: the same address again is no navigation
        navigate(MeetingsView.class);
        test(find(Button.class).id("decline-" + id)).click();
        assertThat(find(Paragraph.class).withText(asked.a().name() + " · " + meeting).exists()).as("decline").isTrue();
        test(find(Button.class).id("close-dialog")).click();
        meetingRequests.accept(id, List.of(meetingQueries.myDelegates().getFirst().id()), null);
        UI.getCurrent().navigate("agenda");
        navigate(MeetingsView.class);
        test(find(Button.class).id("cancel-" + id)).click();
        assertThat(find(Paragraph.class).withText(asked.a().name() + " · " + meeting
                + ", стол № 1").exists()).as("cancel").isTrue();
    }

    @Test
    void a_cancelled_meeting_tells_both_companies_who_cancelled_it_and_why() {
        Asked asked = askedAt("10:20");
        long id = asked.id();
        TestData.logInAs(accounts, asked.b().login());
        meetingRequests.accept(id, List.of(meetingQueries.myDelegates().getFirst().id()), null);
        TestData.logInAs(accounts, asked.a().login());
        navigate(MeetingsView.class);
        test(find(Button.class).id("cancel-" + id)).click();
        assertThat(find(TextArea.class).id("cancel-text").getLabel()).isEqualTo("Причина (её увидит другая компания)");
        test(find(TextArea.class).id("cancel-text")).setValue("Директор заболел, предложим другое время");
        test(find(Button.class).id("confirm-cancel")).click();
        assertThat(notifications()).as("what happened to the other side").contains("Встреча с компанией «"
                + asked.b().name() + "» отменена: компании «" + asked.b().name()
                + "» и делегатам, которые должны были на неё прийти,"
                + " отправлено уведомление; время освободилось");
        assertThat(text("cancelled-by-" + id)).isEqualTo("Отменила ваша компания: Директор заболел, предложим другое время");

        TestData.logInAs(accounts, asked.b().login());
        UI.getCurrent().navigate("agenda");
        navigate(MeetingsView.class);
        assertThat(text("cancelled-by-" + id)).as("the reason, written for them, is theirs to read")
                .isEqualTo("Отменила компания «" + asked.a().name() + "»: Директор заболел, предложим другое время");

        TestData.logInAs(accounts, asked.a().login());
        long another = meetingRequests.request(asked.b().id(), asked.forum().slotAt("10:40"),
                List.of(meetingQueries.myDelegates().getFirst().id()), null).meetingId();
        TestData.logInAsOrganizer(accounts);
        meetingRequests.cancel(another, null);
        TestData.logInAs(accounts, asked.b().login());
        UI.getCurrent().navigate("agenda");
        navigate(MeetingsView.class);
        assertThat(text("cancelled-by-" + another)).isEqualTo("Отменили организаторы: причина не указана");

        // a rejected company's meetings: the reason kept in both languages, read in the page's and "organizers" once
        TestData.logInAs(accounts, asked.a().login());
        long third = meetingRequests.request(asked.b().id(), asked.forum().slotAt("10:00"),
                List.of(meetingQueries.myDelegates().getFirst().id()), null).meetingId();
        TestData.logInAsOrganizer(accounts);
        meetingRequests.cancel(third, Cancellation.withdrawalReason(i18n::getTranslation));
        TestData.logInAs(accounts, asked.b().login());
        UI.getCurrent().navigate("agenda");
        navigate(MeetingsView.class);
        assertThat(text("cancelled-by-" + third)).isEqualTo("Отменили организаторы: регистрация отозвана");
    }

    @Test
    void accepting_and_cancelling_count_the_own_companys_notification_in_the_answer_without_a_note_about_it() {
        Asked asked = askedAt("10:20");
        long id = asked.id();
        // no poll of the feed meanwhile: what the page shows comes with the answers
        live.stop();
        try {
            TestData.logInAs(accounts, asked.b().login());
            navigate(MeetingsView.class);
            long unread = bell();

            test(find(Button.class).id("accept-" + id)).click();
            test(find(Button.class).id("confirm-accept")).click();
            assertThat(meetingQueries.meeting(id).status()).isEqualTo(MeetingStatus.CONFIRMED);
            assertThat(bell()).as("'meeting confirmed', written to both companies, counted").isEqualTo(unread + 1);

            test(find(Button.class).id("cancel-" + id)).click();
            test(find(Button.class).id("confirm-cancel")).click();
            assertThat(meetingQueries.meeting(id).status()).isEqualTo(MeetingStatus.CANCELLED);
            assertThat(bell()).as("'meeting cancelled', written to both companies, counted").isEqualTo(unread + 2);
        } finally {
            live.start();
        }
    }

    @Test
    void a_request_nobody_answered_before_its_time_says_so_instead_of_requested() {
        Asked asked = askedAt("10:20");
        Instant startsAt = meetingQueries.myMeetings().stream().filter(m -> m.id() == asked.id()).findFirst()
                .orElseThrow().startsAt();
        navigate(MeetingsView.class);
        assertThat(find(Component.class).withId("expired-" + asked.id()).exists()).as("before its time").isFalse();
        assertThat(text("meeting-" + asked.id())).contains("Запрошена");

        // the day after: "Запрошена" read as if it could still be accepted, and the service refuses it then
        TestClock.aheadOnThisThread(Duration.between(Instant.now(), startsAt.plusSeconds(60)), () -> {
            navigate(MeetingsView.class);
            assertThat(text("expired-" + asked.id())).isEqualTo("Без ответа: время прошло");
            TestData.logInAs(accounts, asked.b().login());
            navigate(MeetingsView.class);
            assertThat(text("expired-" + asked.id())).isEqualTo("Без ответа: время прошло");
            assertThat(text("meeting-" + asked.id())).doesNotContain("Запрошена");
            assertThat(find(Button.class).withId("accept-" + asked.id()).exists()).isFalse();
        });
    }

    @Test
    void a_request_whose_time_came_unanswered_waits_no_more_on_either_side_and_the_agenda_says_so() {
        Asked asked = askedAt("10:20");
        navigate("agenda", "day", asked.forum().day().toString(), AgendaView.class);
        assertThat(text("agenda-meeting-" + asked.id())).contains("Запрошена");

        TestClock.aheadOnThisThread(pastTheStartOf(asked), () -> {
            // "Ваши запросы (1)" counted it among the requests waiting for an answer, and so did "Запросы к вам (1)"
            MeetingsView mine = navigate(MeetingsView.class);
            assertThat(mine.outgoingHeading.getText()).isEqualTo("Ваши запросы");
            assertThat(rowIn(mine.closed, asked.id())).as("among the ended ones").isTrue();
            assertThat(mine.closedDetails.getSummaryText()).isEqualTo("Отклонённые, отменённые и без ответа (1)");
            // the agenda (no clock of its own) said "Запрошена" as if it could still be accepted
            navigate("agenda", "day", asked.forum().day().toString(), AgendaView.class);
            assertThat(text("agenda-expired-" + asked.id())).isEqualTo("Без ответа: время прошло");
            assertThat(text("agenda-meeting-" + asked.id())).doesNotContain("Запрошена");

            TestData.logInAs(accounts, asked.b().login());
            MeetingsView theirs = navigate(MeetingsView.class);
            assertThat(theirs.incomingHeading.getText()).isEqualTo("Запросы к вам");
            assertThat(rowIn(theirs.incoming, asked.id())).isFalse();
            assertThat(rowIn(theirs.closed, asked.id())).isTrue();
        });
    }

    @Test
    void a_request_whose_time_came_can_no_longer_be_accepted_declined_or_answered_with_another_time() {
        Asked asked = askedAt("10:00");
        TestData.logInAs(accounts, asked.b().login());
        long theirs = meetingQueries.myDelegates().getFirst().id();

        TestClock.aheadOnThisThread(pastTheStartOf(asked), () -> {
            assertThatThrownBy(() -> meetingRequests.accept(asked.id(), List.of(theirs), null))
                    .hasMessage("meeting.error.unanswered");
            // a decline after the time rewrote an unanswered request as declined, in the report too
            assertThatThrownBy(() -> meetingRequests.decline(asked.id(), "Поздно"))
                    .hasMessage("meeting.error.unanswered");
            assertThatThrownBy(() -> meetingRequests.proposeOtherTime(asked.id(), asked.forum().slotAt("10:40"),
                    List.of(theirs), null)).hasMessage("meeting.error.unanswered");
            MeetingDetails after = meetingQueries.meeting(asked.id());
            assertThat(after.status()).isEqualTo(MeetingStatus.REQUESTED);
            assertThat(after.unanswered()).isTrue();
            assertThat(after.awaitsAnswerFrom(asked.b().id())).isFalse();
        });
        assertThat(meetingQueries.meeting(asked.id()).awaitsAnswerFrom(asked.b().id())).as("before its time").isTrue();
    }

    @Test
    void a_second_click_on_accept_after_the_slot_began_hears_accepted_and_a_declined_request_already_answered() {
        Asked asked = askedAt("10:00");
        long declined = meetingRequests.request(asked.b().id(), asked.forum().slotAt("10:20"),
                List.of(meetingQueries.myDelegates().getFirst().id()), null).meetingId();
        TestData.logInAs(accounts, asked.b().login());
        List<Long> theirs = List.of(meetingQueries.myDelegates().getFirst().id());
        meetingRequests.accept(asked.id(), theirs, null);
        meetingRequests.decline(declined, null);

        TestClock.aheadOnThisThread(pastTheStartOf(declined), () -> {
            // the first click went through: the second hears so, not that the request's time has come
            assertThat(meetingRequests.accept(asked.id(), theirs, null).status()).isEqualTo(MeetingStatus.CONFIRMED);
            assertThatThrownBy(() -> meetingRequests.accept(declined, theirs, null))
                    .hasMessage("meeting.error.not-requested");
        });
        assertThat(meetingQueries.meeting(asked.id()).status()).isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(meetingQueries.meeting(declined).status()).isEqualTo(MeetingStatus.DECLINED);
    }

    @Test
    void a_request_whose_time_came_unanswered_no_longer_counts_against_the_meeting_limit() {
        atLimitOne((forum, a, b, c) -> {
            TestData.logInAs(accounts, a.login());
            List<Long> first = List.of(meetingQueries.myDelegates().getFirst().id());
            long asked = meetingRequests.request(b.id(), forum.slotAt("10:00"), first, null).meetingId();
            assertThat(meetingQueries.myMeetingLimit()).isEqualTo(new MeetingLimit(1, 1));
            assertThatThrownBy(() -> meetingRequests.request(c.id(), forum.slotAt("10:40"), first, null))
                    .hasMessage("meeting.error.limit");

            TestClock.aheadOnThisThread(pastTheStartOf(asked), () -> {
                // nobody can accept it any more, and it refused the company every new request
                assertThat(meetingQueries.myMeetingLimit()).isEqualTo(new MeetingLimit(1, 0));
                RequestMeetingView view = navigate("meetings/new", "with", String.valueOf(c.id()),
                        RequestMeetingView.class);
                assertThat(view.error.isVisible()).isFalse();
                long next = meetingRequests.request(c.id(), forum.slotAt("10:40"), first, null).meetingId();
                assertThat(meetingQueries.meeting(next).status()).isEqualTo(MeetingStatus.REQUESTED);
                // a request still waiting for its answer counts as before
                assertThat(meetingQueries.myMeetingLimit()).isEqualTo(new MeetingLimit(1, 1));
                assertThatThrownBy(() -> meetingRequests.request(b.id(), forum.slotAt("10:20"), first, null))
                        .hasMessage("meeting.error.limit");
            });
        });
    }

    /** Runs {@code test} on a forum of three slots at two tables and three approved companies, the meeting limit 1. */
    private void atLimitOne(LimitTest test) {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 2);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company c = ForumFixture.approvedCompany(registrations, accounts);
        bookingWindow.update(new BookingSettings(null, null, 1, false));
        try {
            test.run(forum, a, b, c);
        } finally {
            TestData.logInAsOrganizer(accounts);
            bookingWindow.update(new BookingSettings(null, null, 50, false));
        }
    }

    private interface LimitTest {
        void run(ForumFixture forum, ForumFixture.Company a, ForumFixture.Company b, ForumFixture.Company c);
    }

    /** From now to a minute after the meeting's slot began. */
    private Duration pastTheStartOf(Asked asked) {
        return pastTheStartOf(asked.id());
    }

    private Duration pastTheStartOf(long meetingId) {
        return Duration.between(Instant.now(), meetingQueries.meeting(meetingId).startsAt().plusSeconds(60));
    }

    private static boolean rowIn(Div list, long meetingId) {
        return list.getChildren().anyMatch(row -> row.getId().equals(java.util.Optional.of("meeting-" + meetingId)));
    }

    private String text(String id) {
        return find(Component.class).withId(id).single().getElement().getTextRecursively();
    }

    /** A forum of two tables, two companies, and a's request to b at the time (its first delegate, no message). */
    private Asked askedAt(String time) {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 2);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        TestData.logInAs(accounts, a.login());
        long first = meetingQueries.myDelegates().getFirst().id();
        return new Asked(forum, a, b, meetingRequests.request(b.id(), forum.slotAt(time), List.of(first), null)
                .meetingId());
    }

    private record Asked(ForumFixture forum, ForumFixture.Company a, ForumFixture.Company b, long id) {
    }

    private long bell() {
        String bell = find(Button.class).id("notifications-button").getText();
        return bell == null || bell.isEmpty() ? 0 : Long.parseLong(bell);
    }

    @Test
    void the_request_page_says_the_limit_is_reached_as_soon_as_it_opens() {
        atLimitOne((forum, a, b, c) -> {
            organizerBookings.bookAsOrganizer(a.id(), c.id(), forum.slotAt("10:00"));

            TestData.logInAs(accounts, a.login());
            RequestMeetingView view = navigate("meetings/new", "with", String.valueOf(b.id()), RequestMeetingView.class);

            assertThat(view.error.isVisible()).as("said before anything is filled in").isTrue();
            assertThat(view.error.getText()).isEqualTo("Вы достигли предела встреч (1): действующих встреч и запросов"
                    + " у вашей компании — 1. Чтобы запросить новую встречу, сначала отмените запрос или встречу.");
            assertThat(view.request.isEnabled()).isFalse();
            assertThat(find(Anchor.class).id("request-to-meetings").getHref()).as("where to cancel one")
                    .isEqualTo("meetings");
            // in place of the form, which could not be sent (stop 52): no fields to fill in first
            assertThat(view.slot.isAttached()).isFalse();
            assertThat(view.request.isAttached()).isFalse();
        });
    }

    /**
     * A company on the request form while booking was still to open was told to reload the page at the opening, and
     * the form stayed so when the organizers opened booking (ux89): now it becomes the form at once, and says that
     * booking is closed when they close it, what was typed kept.
     */
    @Test
    void the_request_page_becomes_the_form_when_the_organizers_open_booking_and_says_so_when_they_close_it()
            throws InterruptedException {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 2);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        String first = forum.when("10:00–10:20") + " · " + forum.hall();
        setBookingWindow(new BookingSettings(Instant.now().plus(Duration.ofDays(3)), null, 50, false), a);
        try {
            RequestMeetingView view = navigate("meetings/new", "with", String.valueOf(b.id()), RequestMeetingView.class);
            assertThat(text(find(Paragraph.class).id("request-opens"))).startsWith("Запись на встречи откроется");
            assertThat(view.request.isAttached()).isFalse();

            setBookingWindow(RunningServerTest.BOOKING_OPEN_BY_HAND, a);
            awaitPushed(view.request::isAttached);
            assertThat(find(Paragraph.class).withId("request-opens").exists()).isFalse();
            assertThat(slotsOfTheDay(view, forum)).contains(first);
            test(view.message).setValue("Обсудим поставки оборудования");

            setBookingWindow(new BookingSettings(null, Instant.now().minusSeconds(60), 50, false), a);
            awaitPushed(() -> !view.request.isAttached());
            assertThat(view.error.isVisible()).isTrue();
            assertThat(view.error.getText()).isEqualTo("Запись на встречи сейчас закрыта");

            setBookingWindow(RunningServerTest.BOOKING_OPEN_BY_HAND, a);
            awaitPushed(view.request::isAttached);
            assertThat(view.error.isVisible()).isFalse();
            assertThat(view.message.getValue()).as("what was typed kept").isEqualTo("Обсудим поставки оборудования");
            test(view.slot).selectItem(first);
            test(view.request).click();
            assertThat(view.outcome.getElement().getAttribute("data-outcome")).isEqualTo("sent");
        } finally {
            setBookingWindow(RunningServerTest.BOOKING_OPEN_BY_HAND, a);
        }
    }

    /**
     * Booking set to open at a time: the page waiting for it asks the browser to call it back then (a timer; its call
     * here by hand), and at the opening it becomes the form; a call before it changes nothing (ux89: "reload the page
     * then").
     */
    @Test
    void the_request_page_waiting_for_booking_to_open_at_a_time_becomes_the_form_then_by_the_browsers_timer() {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 1);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        setBookingWindow(new BookingSettings(Instant.now().plus(Duration.ofHours(2)), null, 50, false), a);
        // no live update meanwhile: one read on the poller's thread with the application's clock (this thread's is moved
        // ahead below) would show the page still waiting (seen in the whole class's run)
        live.stop();
        try {
            RequestMeetingView view = navigate("meetings/new", "with", String.valueOf(b.id()), RequestMeetingView.class);
            assertThat(text(find(Paragraph.class).id("request-opens"))).endsWith("тогда здесь появится форма запроса.");

            view.timeUp();
            assertThat(view.request.isAttached()).as("still to open").isFalse();
            // mend53d: a call before the armed instant reads nothing, even with the window changed meanwhile (the
            // live update tells of that): a page calling back in a loop costs nothing
            setBookingWindow(RunningServerTest.BOOKING_OPEN_BY_HAND, a);
            view.timeUp();
            assertThat(view.request.isAttached()).as("the early call ignored").isFalse();
            setBookingWindow(new BookingSettings(Instant.now().plus(Duration.ofHours(2)), null, 50, false), a);

            // the browser's timer: a little after the opening, with up to 1 s of jitter
            int reads = view.slotReads;
            TestClock.aheadOnThisThread(Duration.ofHours(2).plusSeconds(5), view::timeUp);
            assertThat(view.request.isAttached()).isTrue();
            assertThat(view.slotReads - reads).as("the free times read once for the form built").isEqualTo(1);
            assertThat(find(Paragraph.class).withId("request-opens").exists()).isFalse();
            assertThat(slotsOfTheDay(view, forum)).isNotEmpty();
        } finally {
            live.start();
            setBookingWindow(RunningServerTest.BOOKING_OPEN_BY_HAND, a);
        }
    }

    /** The organizers set the booking window (elsewhere); then back to {@code company}'s log-in. */
    private void setBookingWindow(BookingSettings settings, ForumFixture.Company company) {
        TestData.logInAsOrganizer(accounts);
        bookingWindow.update(settings);
        TestData.logInAs(accounts, company.login());
    }

    /** Runs what the live updates' poller (as from another node) queued on the page until {@code shown}, at most 20 s. */
    private static void awaitPushed(java.util.function.BooleanSupplier shown) throws InterruptedException {
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!shown.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            session.getService().runPendingAccessTasks(session);
        }
    }

    @Test
    void the_request_page_lists_all_days_times_or_one_days_when_it_is_chosen() {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 1);
        ForumFixture otherDay = ForumFixture.create(program, bookingWindow, accounts, 1);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        TestData.logInAs(accounts, a.login());
        RequestMeetingView view = navigate("meetings/new", "with", String.valueOf(b.id()), RequestMeetingView.class);
        String first = forum.when("10:00–10:20") + " · " + forum.hall();
        String otherDays = otherDay.when("10:20–10:40") + " · " + otherDay.hall();

        assertThat(view.day.isVisible()).isTrue();
        assertThat(view.day.getValue()).as("all days, as before, until one is chosen").isNull();
        assertThat(test(view.slot).getSuggestions()).contains(first, otherDays);

        test(view.slot).selectItem(first);
        test(view.day).selectItem(dayLabel(otherDay.day()));
        // ux52: 141 times of 3 days in one list on a phone
        assertThat(test(view.slot).getSuggestions()).contains(otherDays).doesNotContain(first)
                .allMatch(time -> time.startsWith(otherDay.when("")));
        assertThat(view.slot.getValue()).as("the time of another day let go").isNull();

        test(view.slot).selectItem(otherDays);
        test(view.request).click();
        assertThat(meetingQueries.myMeetings()).filteredOn(m -> m.counterpartId(a.id()) == b.id())
                .singleElement().satisfies(m -> assertThat(m.slotId()).isEqualTo(otherDay.slotAt("10:20")));
    }

    @Test
    void a_request_whose_time_is_taken_between_loading_the_list_and_accepting_offers_another_time_or_declining() {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 3);
        ForumFixture otherDay = ForumFixture.create(program, bookingWindow, accounts, 1);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company c = ForumFixture.approvedCompany(registrations, accounts);
        TestData.logInAs(accounts, a.login());
        long fromA = meetingRequests.request(b.id(), forum.slotAt("10:20"), List.of(meetingQueries.myDelegates().getFirst().id()),
                "Обсудим логистику").meetingId();
        TestData.logInAs(accounts, c.login());
        long fromC = meetingRequests.request(b.id(), forum.slotAt("10:20"), List.of(meetingQueries.myDelegates().getFirst().id()),
                null).meetingId();

        TestData.logInAs(accounts, b.login());
        // in another tab, b accepts c's request for the same time; the live update that would show it here has
        // not arrived yet. Live updates are paused before this page opens, so that nothing a poll dispatched
        // earlier (on its own thread, at any moment on a loaded machine) can refresh the list before the click
        live.stop();
        MeetingsView view;
        try {
            view = navigate(MeetingsView.class);
            meetingRequests.accept(fromC, List.of(), null);
            test(find(Button.class).id("accept-" + fromA)).click();
            @SuppressWarnings("unchecked")
            CheckboxGroup<DelegateChoice> attending = find(CheckboxGroup.class).id("accept-delegates");
            attending.setValue(Set.copyOf(meetingQueries.myDelegates())); // both of b's delegates
            test(find(TextArea.class).id("accept-reply")).setValue("Рады встрече, привезём образцы");
            test(find(Button.class).id("confirm-accept")).click();
        } finally {
            live.start();
        }

        assertThat(meetingQueries.meeting(fromA).status()).isEqualTo(MeetingStatus.REQUESTED);
        assertThat(find(Dialog.class).withId("accept-dialog").exists()).isFalse();
        assertThat(text(find(Paragraph.class).id("other-time-reason")))
                .isEqualTo("Этот слот только что заняли. Выберите другое время.");
        @SuppressWarnings("unchecked")
        Select<SlotOption> slot = find(Select.class).id("other-time-slot");
        String free = forum.when("10:40–11:00") + " · " + forum.hall();
        assertThat(test(slot).getSuggestions()).contains(forum.when("10:00–10:20") + " · " + forum.hall(), free)
                .doesNotContain(forum.when("10:20–10:40") + " · " + forum.hall());
        // the times a day at a time, the request's day first (ux52: 141 times of 3 days in one list on a phone)
        @SuppressWarnings("unchecked")
        Select<java.time.LocalDate> day = find(Select.class).id("other-time-day");
        String otherDaysTime = otherDay.when("10:00–10:20") + " · " + otherDay.hall();
        assertThat(day.isVisible()).isTrue();
        assertThat(day.getValue()).isEqualTo(forum.day());
        assertThat(test(slot).getSuggestions()).doesNotContain(otherDaysTime)
                .allMatch(time -> time.startsWith(forum.when("")));
        test(day).selectItem(dayLabel(otherDay.day()));
        assertThat(test(slot).getSuggestions()).contains(otherDaysTime).allMatch(time -> time.startsWith(otherDay.when("")));
        test(day).selectItem(dayLabel(forum.day()));
        // the list behind is fresh: the request is marked and offers no "Accept"
        assertThat(text(row(view.incoming, fromA))).contains("Это время уже занято");
        assertThat(find(Button.class).withId("accept-" + fromA).exists()).isFalse();
        assertThat(find(Button.class).withId("other-time-" + fromA).exists()).isTrue();
        assertThat(find(Button.class).withId("other-time-decline").exists()).isTrue();
        assertThat(find(TextArea.class).id("other-time-message").getValue())
                .as("the answer written in the refused acceptance is not lost (ux52)")
                .isEqualTo("Рады встрече, привезём образцы");
        @SuppressWarnings("unchecked")
        CheckboxGroup<DelegateChoice> who = find(CheckboxGroup.class).id("other-time-delegates");
        assertThat(who.getValue()).as("both delegates, as chosen in the refused acceptance")
                .containsExactlyInAnyOrderElementsOf(meetingQueries.myDelegates()).hasSize(2);

        test(slot).selectItem(free);
        test(find(TextArea.class).id("other-time-message")).setValue("В 10:20 мы заняты, давайте в 10:40");
        test(find(Button.class).id("confirm-other-time")).click();

        assertThat(notifications()).contains("Компании «" + a.name() + "» предложено другое время."
                + " Встреча состоится, когда она его примет.");
        assertThat(meetingQueries.meeting(fromA).status()).isEqualTo(MeetingStatus.DECLINED);
        assertThat(row(view.incoming, fromA)).isNull();
        MeetingDetails proposal = meetingQueries.myMeetings().stream()
                .filter(m -> m.requesterId() == b.id() && m.partnerId() == a.id()).findFirst().orElseThrow();
        assertThat(proposal.status()).isEqualTo(MeetingStatus.REQUESTED);
        assertThat(proposal.slotId()).isEqualTo(forum.slotAt("10:40"));
        assertThat(proposal.message()).isEqualTo("В 10:20 мы заняты, давайте в 10:40");
        assertThat(text(row(view.outgoing, proposal.id()))).contains(a.name(), forum.when("10:40–11:00"));

        // the requester can accept the proposed time
        TestData.logInAs(accounts, a.login());
        meetingRequests.accept(proposal.id(), List.of(), null);
        assertThat(meetingQueries.meeting(proposal.id()).status()).isEqualTo(MeetingStatus.CONFIRMED);
    }

    @Test
    void the_agenda_shows_the_day_in_time_order_and_a_program_sign_up_that_clashes_with_a_meeting_is_refused() {
        ForumFixture forum = ForumFixture.create(program, bookingWindow, accounts, 2);
        ForumFixture.Company a = ForumFixture.approvedCompany(registrations, accounts);
        ForumFixture.Company b = ForumFixture.approvedCompany(registrations, accounts);
        long roundTable = programItems.add(forum.dayId(), ProgramItemKind.ROUND_TABLE,
                "Круглый стол «Туризм» " + forum.hall(), null, "Малый зал", null, LocalTime.of(10, 0), LocalTime.of(10, 40));
        long late = organizerBookings.bookAsOrganizer(a.id(), b.id(), forum.slotAt("10:40"));
        long early = organizerBookings.bookAsOrganizer(b.id(), a.id(), forum.slotAt("10:00"));

        TestData.logInAs(accounts, a.login());
        AgendaView view = navigate("agenda", "day", forum.day().toString(), AgendaView.class);

        assertThat(view.day.getValue().day()).isEqualTo(forum.day());
        List<String> entries = view.entries.getChildren().map(MeetingViewsTest::text).toList();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).contains("10:00–10:20", b.name(), forum.hall() + ", стол № 1", "Подтверждена",
                b.form().getEmail());
        assertThat(entries.get(1)).contains("10:40–11:00", b.name(), forum.hall() + ", стол № 1");
        assertThat(find(Div.class).withId("agenda-meeting-" + early).exists()).isTrue();
        assertThat(find(Div.class).withId("agenda-meeting-" + late).exists()).isTrue();
        // the time, and the details with the link to write to b under them: the link is not a cell of its own
        Div earlyRow = find(Div.class).id("agenda-meeting-" + early);
        assertThat(earlyRow.getChildren().count()).isEqualTo(2);
        assertThat(earlyRow.getChildren().skip(1).findFirst().orElseThrow().getChildren())
                .anyMatch(child -> child instanceof MessageLink);
        assertThat(text(find(Div.class).id("program-item-" + roundTable)))
                .contains("10:00–10:40", "Круглый стол", "Малый зал", "Никто из ваших участников не записан");

        // Иван Петров meets b at 10:00, so he cannot sit at the round table.
        test(find(Button.class).id("sign-up-" + roundTable)).click();
        @SuppressWarnings("unchecked")
        CheckboxGroup<DelegateChoice> who = find(CheckboxGroup.class).id("sign-up-delegates");
        test(who).selectItem("Иван Петров");
        test(find(Button.class).id("confirm-sign-up")).click();
        Div error = find(Div.class).id("sign-up-error");
        assertThat(error.isVisible()).isTrue();
        assertThat(text(error)).contains("Записать не получилось", "10:00", b.name(), forum.hall());
        assertThat(notifications()).anyMatch(n -> n.startsWith("Записать не получилось"));

        test(who).deselectItem("Иван Петров");
        test(who).selectItem("Anna Smirnova");
        test(find(Button.class).id("confirm-sign-up")).click();

        assertThat(notifications()).contains("Запись на мероприятие сохранена");
        // the item is listed once: in the day's list, with who attends and the sign-up; not again in the program below
        assertThat(view.entries.getChildren().map(MeetingViewsTest::text).toList())
                .hasSize(3).element(1).asString().contains("10:00–10:40", "Круглый стол", "Малый зал",
                        "Записаны: Anna Smirnova", "Изменить запись");
        assertThat(find(Div.class).withId("program-item-" + roundTable).exists()).isFalse();
        assertThat(view.programHeading.getText()).isEqualTo("Ещё в программе дня");
        assertThat(text(view.program)).contains("Ваши участники записаны на все пункты программы дня")
                .doesNotContain("Круглый стол");
        assertThat($(Button.class).withId("sign-up-" + roundTable).all()).hasSize(1);

        test(view.delegate).selectItem("Anna Smirnova");
        assertThat(view.entries.getChildren().map(MeetingViewsTest::text).toList())
                .singleElement().asString().contains("Круглый стол");

        // for a delegate who does not attend it, the item is back in the program, where he may be signed up
        test(view.delegate).selectItem("Иван Петров");
        assertThat(view.entries.getChildren().map(MeetingViewsTest::text).toList()).noneMatch(e -> e.contains("Круглый стол"));
        assertThat(text(find(Div.class).id("program-item-" + roundTable))).contains("Записаны: Anna Smirnova");
        assertThat(view.programHeading.getText()).isEqualTo("Программа дня");
    }

    /** Navigates as a link with a query parameter would, e.g. "meetings/new?with=12". */
    private <T extends Component> T navigate(String route, String parameter, String value, Class<T> view) {
        UI.getCurrent().navigate(route, QueryParameters.of(parameter, value));
        return view.cast(getCurrentView());
    }

    /** The items of the time select as the browser gets them: the elements in its list box (the select's only child). */
    private static List<Element> renderedItems(RequestMeetingView view) {
        return view.slot.getElement().getChild(0).getChildren().toList();
    }

    /** The item sent to the browser for the time labelled {@code label} (with or without a mark after it). */
    private static Element renderedItem(RequestMeetingView view, String label) {
        return renderedItems(view).stream().filter(item -> item.getText().startsWith(label)).findFirst().orElseThrow();
    }

    private List<String> slotsOfTheDay(RequestMeetingView view, ForumFixture forum) {
        return test(view.slot).getSuggestions().stream().filter(label -> label.endsWith(" · " + forum.hall())).toList();
    }

    private List<String> notifications() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }

    private static Component row(Div section, long meetingId) {
        return section.getChildren().filter(c -> c.getId().orElse("").equals("meeting-" + meetingId)).findFirst()
                .orElse(null);
    }

    private static String text(Component component) {
        assertThat(component).isNotNull();
        return component.getElement().getTextRecursively();
    }

    /** How the day's list names a day: "Четверг, 18 сентября". */
    private static String dayLabel(java.time.LocalDate day) {
        String text = java.time.format.DateTimeFormatter.ofPattern("EEEE, d MMMM", org.b2bforum.base.i18n.Languages.RUSSIAN)
                .format(day);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
