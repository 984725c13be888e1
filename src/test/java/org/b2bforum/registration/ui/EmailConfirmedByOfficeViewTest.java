package org.b2bforum.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * The forum office marks an address confirmed on the application's page, after a phone call (review72): a reason
 * required, and who, when and why in the trail, on the company's home page too.
 */
@ForumSpringTest
class EmailConfirmedByOfficeViewTest extends ForumBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_organizer_marks_the_e_mail_confirmed_with_a_reason_which_the_company_then_reads_on_its_home_page() {
        TestCompany company = new BookingFixture(context).pendingCompany();
        jdbc.update("update app_user set awaiting_email_confirmation = true where id = ?", company.user().id());
        TestData.logInAsOrganizer(context.getBean(AccountService.class));
        navigate("registrations/" + company.id(), RegistrationDetailView.class);
        assertThat(find(Button.class).id("approve").isEnabled()).isFalse();

        test(find(Button.class).id("confirm-email")).click();
        test(find(Button.class).id("confirm-decision")).click();
        assertThat(find(TextArea.class).id("decision-comment").isInvalid()).as("a reason is required").isTrue();
        test(find(TextArea.class).id("decision-comment")).setValue("Подтвердили по телефону с директором");
        test(find(Button.class).id("confirm-decision")).click();

        assertThat(find(Paragraph.class).withId("email-not-confirmed").exists()).isFalse();
        assertThat(find(Button.class).withId("confirm-email").exists()).isFalse();
        assertThat(find(Button.class).id("approve").isEnabled()).isTrue();
        assertThat(find(UnorderedList.class).id("audit-trail").getElement().getTextRecursively())
                .contains("Адрес подтверждён дирекцией форума", "Подтвердили по телефону с директором",
                        TestData.ORGANIZER_EMAIL);

        BookingFixture.logInAs(company);
        navigate(MyRegistrationView.class);
        assertThat(find(Paragraph.class).withId("email-not-confirmed").exists()).isFalse();
        assertThat(find(UnorderedList.class).id("audit-trail").getElement().getTextRecursively())
                .contains("Адрес подтверждён дирекцией форума", "Подтвердили по телефону с директором",
                        "Оргкомитет форума").doesNotContain(TestData.ORGANIZER_EMAIL);
    }
}
