package org.b2bforum.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.html.Paragraph;

/** The company edits its application with the organizers' request for changes in sight. */
@ForumSpringTest
class EditRegistrationViewTest extends ForumBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RegistrationService registrations;

    @Test
    void the_edit_page_shows_what_the_organizers_asked_to_change() {
        BookingFixture booking = new BookingFixture(context);
        TestCompany company = booking.pendingCompany();
        booking.asOrganizer(() -> registrations.requestChanges(company.id(), "Уточните раздел «Что мы ищем»."));
        BookingFixture.logInAs(company);

        navigate(EditRegistrationView.class);

        assertThat(find(Paragraph.class).id("status-comment").getText())
                .isEqualTo("Комментарий организаторов: Уточните раздел «Что мы ищем».");
    }

    @Test
    void a_pending_application_is_edited_without_a_comment() {
        BookingFixture booking = new BookingFixture(context);
        TestCompany company = booking.pendingCompany();
        BookingFixture.logInAs(company);

        navigate(EditRegistrationView.class);

        assertThat(find(Paragraph.class).withId("status-comment").exists()).isFalse();
    }

    /**
     * A rejected application cannot be changed: the edit page (a bookmark, the browser's history) showed the whole
     * form, and only on saving said so, with the typing lost. It opens the application's page, which says what to do.
     */
    @Test
    void a_rejected_company_that_opens_the_edit_page_gets_its_application_page_saying_what_to_do() {
        BookingFixture booking = new BookingFixture(context);
        TestCompany company = booking.pendingCompany();
        booking.asOrganizer(() -> registrations.reject(company.id(), "Компания не относится к тематике форума."));
        BookingFixture.logInAs(company);

        navigate("my-registration/edit", MyRegistrationView.class);

        assertThat(find(RegistrationFormLayout.class).exists()).isFalse();
        assertThat(find(Paragraph.class).id("status-explanation").getText())
                .isEqualTo("Заявка отклонена организаторами. Если вы не согласны с решением или что-то изменилось, "
                        + "обратитесь в оргкомитет форума.");
    }
}
