package org.b2bforum.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.notification.NotificationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

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
        BookingFixture booking = new BookingFixture(context);
        TestCompany company = booking.approvedCompany();
        BookingFixture.logInAs(company);
        notifications.notifyCompanies(List.of(company.id()), "notification.meeting.CONFIRMED",
                "18.09 10:00 · Дорстроймаш — Мосдорсервис · Зал A №3");
        notifications.notifyCompanies(List.of(company.id()), "notification.registration.APPROVED", "Добро пожаловать");

        navigate(NotificationsView.class);

        List<String> details = $(Paragraph.class).all().stream()
                .filter(p -> p.hasClassName("notification-detail")).map(Paragraph::getText).toList();
        assertThat(details).containsExactlyInAnyOrder("18.09 10:00 · Дорстроймаш — Мосдорсервис · Зал A №3",
                "Комментарий: Добро пожаловать");
    }
}
