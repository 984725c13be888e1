package org.b2bforum.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.html.UnorderedList;

/** A company's application history names the forum office for the organizers' decisions, never their log-ins. */
@ForumSpringTest
class ApplicationHistoryViewTest extends ForumBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Test
    void a_company_sees_the_forum_office_and_the_organizers_name_instead_of_the_organizers_log_in() {
        BookingFixture booking = new BookingFixture(context);
        TestCompany company = booking.approvedCompany();
        BookingFixture.logInAs(company);

        navigate(MyRegistrationView.class);
        String trail = find(UnorderedList.class).id("audit-trail").getElement().getTextRecursively();

        assertThat(trail).contains("Одобрена", "Оргкомитет форума (Дирекция форума)")
                .doesNotContain(TestData.ORGANIZER_EMAIL);
    }

    @Test
    void an_organizer_still_sees_which_organizer_decided() {
        BookingFixture booking = new BookingFixture(context);
        TestCompany company = booking.approvedCompany();
        TestData.logInAsOrganizer(context.getBean(org.b2bforum.base.security.AccountService.class));

        navigate("registrations/" + company.id(), RegistrationDetailView.class);
        String trail = find(UnorderedList.class).id("audit-trail").getElement().getTextRecursively();

        assertThat(trail).contains("Оргкомитет форума (" + TestData.ORGANIZER_EMAIL + ")");
    }
}
