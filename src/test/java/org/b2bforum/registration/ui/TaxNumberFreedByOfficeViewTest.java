package org.b2bforum.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;

/** The forum office frees a rejected application's tax number on its page, a reason required (review74). */
@ForumSpringTest
class TaxNumberFreedByOfficeViewTest extends ForumBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    RegistrationService registrations;

    @Test
    void an_organizer_frees_a_rejected_application_s_tax_number_with_a_reason_kept_in_its_trail() {
        TestCompany company = new BookingFixture(context).pendingCompany();
        TestData.logInAsOrganizer(context.getBean(AccountService.class));
        navigate("registrations/" + company.id(), RegistrationDetailView.class);
        assertThat(find(Button.class).withId("free-tax-number").exists()).as("not while pending").isFalse();
        registrations.reject(company.id(), "Заявка подана не компанией-владельцем номера");
        navigate("registrations/" + company.id(), RegistrationDetailView.class);

        test(find(Button.class).id("free-tax-number")).click();
        test(find(Button.class).id("confirm-decision")).click();
        assertThat(find(TextArea.class).id("decision-comment").isInvalid()).as("a reason is required").isTrue();
        test(find(TextArea.class).id("decision-comment")).setValue("Директор позвонил: заявка подана не ими");
        test(find(Button.class).id("confirm-decision")).click();

        assertThat(find(Button.class).withId("free-tax-number").exists()).isFalse();
        assertThat(find(Paragraph.class).id("tax-number-freed").getText())
                .startsWith("Номер освобождён для другой заявки");
        assertThat(find(UnorderedList.class).id("audit-trail").getElement().getTextRecursively())
                .contains("Номер (УНП / ИНН) освобождён для другой заявки",
                        "Директор позвонил: заявка подана не ими", TestData.ORGANIZER_EMAIL);
    }
}
