package org.b2bforum.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.i18n.ScheduleNotice;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.notification.NotificationView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;

/** A company reads its notifications on /notifications. */
@ForumSpringTest
class NotificationsViewTest extends ForumBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    NotificationService notifications;

    @Test
    void a_meeting_is_described_as_it_is_and_an_organizers_comment_is_marked_as_one() {
        TestCompany company = loggedInCompany();
        notifications.notifyCompanies(List.of(company.id()), "notification.meeting.CONFIRMED",
                "18.09 10:00 · Дорстроймаш — Мосдорсервис · Зал A №3");
        notifications.notifyCompanies(List.of(company.id()), "notification.meeting.CONFIRMED",
                "18.09 10:20 · Дорстроймаш — Мосдорсервис · Стенд/Stand B-14, Павильон B/Pavilion B");
        notifications.notifyCompanies(List.of(company.id()), "notification.registration.APPROVED", "Добро пожаловать");
        notifications.notifyCompanies(List.of(company.id()), "notification.meeting.CONFIRMED",
                "18.09 10:40 · Дорстроймаш — Мосдорсервис · Зал переговоров А/Negotiation Hall A №26");
        notifications.notifyCompanies(List.of(company.id()), "notification.meeting.REQUESTED",
                "18.09 11:00 · Дорстроймаш — Мосдорсервис · Зал переговоров А/Negotiation Hall A");

        navigate(NotificationsView.class);
        assertThat(details()).as("the place in the reader's words: the hall's table, the stand in its zone")
                .containsExactlyInAnyOrder("18.09 10:00 · Дорстроймаш — Мосдорсервис · Зал A, стол № 3",
                        "18.09 10:20 · Дорстроймаш — Мосдорсервис · Стенд B-14, Павильон B",
                        "18.09 10:40 · Дорстроймаш — Мосдорсервис · Зал переговоров А, стол № 26",
                        "18.09 11:00 · Дорстроймаш — Мосдорсервис · Зал переговоров А",
                        "Комментарий: Добро пожаловать");
        // "Meeting confirmed" goes to both companies of every booking: it leads to no choice (ux59's hint was on each)
        assertThat($(Anchor.class).withClassName("notification-link").all()).isEmpty();

        UI.getCurrent().navigate("my-registration");
        UI.getCurrent().setLocale(Languages.ENGLISH);
        navigate(NotificationsView.class);
        assertThat(details()).as("'Зал A №3' read as the hall's number to an English reader")
                .containsExactlyInAnyOrder("18.09 10:00 · Дорстроймаш — Мосдорсервис · Зал A, table 3",
                        "18.09 10:20 · Дорстроймаш — Мосдорсервис · Stand B-14, Pavilion B",
                        "18.09 10:40 · Дорстроймаш — Мосдорсервис · Negotiation Hall A, table 26",
                        "18.09 11:00 · Дорстроймаш — Мосдорсервис · Negotiation Hall A",
                        "Comment: Добро пожаловать");
    }

    @Test
    void a_company_whose_people_none_of_its_own_chose_is_led_to_choose_who_attends() {
        TestCompany company = loggedInCompany();
        notifications.notifyCompanies(List.of(company.id()), NotificationView.CHOOSE_ATTENDEES,
                "18.09 10:00 · Дорстроймаш — Мосдорсервис · Зал A №3");
        notifications.notifyCompanies(List.of(company.id()), NotificationView.FIRST_DELEGATE_SENT,
                "18.09 10:20 · Дорстроймаш — Мосдорсервис · Зал A №4");

        navigate(NotificationsView.class);
        assertThat($(Paragraph.class).all().stream().map(Paragraph::getText).toList()).contains(
                "Другая компания подтвердила встречу: никто из ваших участников пока не идёт, выберите, кто придёт",
                "Организаторы назначили встречу и записали на неё первого участника из вашего списка: проверьте, кто придёт");
        assertThat($(Anchor.class).withClassName("notification-link").all()).extracting(Anchor::getHref)
                .containsExactly("meetings?to=attendees", "meetings?to=attendees");
    }

    @Test
    void a_published_schedule_is_one_line_with_the_count_in_words_and_a_way_to_the_agenda() {
        TestCompany company = loggedInCompany();
        notifications.notifyEach(java.util.Map.of(company.id(), ScheduleNotice.detail("18.09", 12)), java.util.Map.of(),
                ScheduleNotice.KEY);
        notifications.notifyEach(java.util.Map.of(company.id(), ScheduleNotice.detail("19.09", 1)), java.util.Map.of(),
                ScheduleNotice.KEY);
        notifications.notifyEach(java.util.Map.of(company.id(), ScheduleNotice.detail("20.09", 22)), java.util.Map.of(),
                ScheduleNotice.KEY);

        navigate(NotificationsView.class);
        assertThat(details()).containsExactly("20.09 — 22 новые встречи", "19.09 — 1 новая встреча",
                "18.09 — 12 новых встреч");
        assertThat($(Anchor.class).withClassName("notification-link").all()).extracting(Anchor::getHref)
                .containsOnly("agenda").hasSize(3);

        UI.getCurrent().navigate("my-registration");
        UI.getCurrent().setLocale(Languages.ENGLISH);
        navigate(NotificationsView.class);
        assertThat(details()).containsExactly("20.09 — 22 new meetings", "19.09 — 1 new meeting",
                "18.09 — 12 new meetings");
    }

    @Test
    void a_late_delegates_meetings_are_listed_one_under_the_other_with_a_way_to_their_schedule() {
        TestCompany company = loggedInCompany();
        notifications.notifyCompanies(List.of(company.id()), NotificationView.ATTENDING,
                "18.09 10:00 · Дорстроймаш — Мосдорсервис · Зал A №3; 18.09 11:00 · Белшина — Мосдорсервис · Зал A №4");

        navigate(NotificationsView.class);
        assertThat(details()).containsExactly("18.09 10:00 · Дорстроймаш — Мосдорсервис · Зал A, стол № 3\n"
                + "18.09 11:00 · Белшина — Мосдорсервис · Зал A, стол № 4");
        assertThat($(Paragraph.class).withClassName("notification-lines").exists()).isTrue();
    }

    @Test
    void the_addresses_in_an_announcement_and_in_an_organizers_comment_are_links() {
        TestCompany company = loggedInCompany();
        notifications.notifyCompanies(List.of(company.id()), NotificationView.ANNOUNCEMENT,
                "Программа: https://forum.example.ru/program");
        notifications.notifyCompanies(List.of(company.id()), "notification.registration.CHANGES_REQUESTED",
                "Образец описания: https://forum.example.ru/sample.");

        navigate(NotificationsView.class);

        assertThat(details()).contains("Программа: https://forum.example.ru/program",
                "Комментарий: Образец описания: https://forum.example.ru/sample.");
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref)
                .contains("https://forum.example.ru/program", "https://forum.example.ru/sample");
        assertThat($(Anchor.class).all()).filteredOn(a -> a.getHref().startsWith("https://forum.example.ru/"))
                .allMatch(a -> "noopener noreferrer nofollow".equals(a.getElement().getAttribute("rel")));
    }

    @Test
    void hundreds_of_notifications_open_a_page_at_a_time_and_the_older_ones_are_reachable() {
        TestCompany company = loggedInCompany();
        int total = 2 * NotificationsView.PAGE + 7;
        for (int i = 1; i <= total; i++) {
            notifications.notifyCompanies(List.of(company.id()), NotificationView.ANNOUNCEMENT, "Объявление " + i);
        }

        NotificationsView view = navigate(NotificationsView.class);
        assertThat(details()).as("the newest page first, newest on top").hasSize(NotificationsView.PAGE)
                .startsWith("Объявление " + total);
        assertThat(view.older.isVisible()).isTrue();
        assertThat(notifications.unreadCount()).as("opening the page marks them read, as before").isZero();

        test(view.older).click();
        test(view.older).click();
        List<String> all = details();
        assertThat(all).as("every notification, each once, in order, down to the first")
                .hasSize(total).doesNotHaveDuplicates().endsWith("Объявление 2", "Объявление 1");
        assertThat(view.older.isVisible()).as("nothing older left").isFalse();
        assertThat($(com.vaadin.flow.component.html.Div.class).all())
                .filteredOn(d -> d.hasClassName("notification-item"))
                .as("the older pages show what was unread when the page opened as new, though opening marked it read")
                .hasSizeGreaterThan(total).allMatch(d -> d.hasClassName("unread"));
    }

    @Test
    void a_short_list_offers_no_older_page() {
        TestCompany company = loggedInCompany();
        notifications.notifyCompanies(List.of(company.id()), NotificationView.ANNOUNCEMENT, "Одно объявление");

        NotificationsView view = navigate(NotificationsView.class);

        assertThat(details()).containsExactly("Одно объявление");
        assertThat(view.older.isVisible()).isFalse();
    }

    private List<String> details() {
        return $(Paragraph.class).all().stream().filter(p -> p.hasClassName("notification-detail"))
                .map(p -> p.getElement().getTextRecursively()).toList();
    }

    private TestCompany loggedInCompany() {
        TestCompany company = new BookingFixture(context).approvedCompany();
        BookingFixture.logInAs(company);
        return company;
    }
}
