package org.b2bforum.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;

/** mend53a: the office finds a company's new name above the queue, reads old → new and accepts or declines it. */
@ForumSpringTest
class IdentityChangeOfficeViewTest extends ForumBrowserlessTest {

    @Autowired
    BookingFixture booking;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    TestCompany company;
    String approvedName;

    @BeforeEach
    void aCompanyProposesANewName() {
        company = booking.approvedCompany();
        approvedName = shortName();
        booking.as(company, () -> {
            RegistrationForm form = registrations.myApplicationForm();
            form.setShortName(approvedName + " Плюс");
            registrations.updateProfile(form);
        });
        TestData.logInAsOrganizer(accounts);
    }

    private String shortName() {
        return jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
    }

    @Test
    void the_queue_lists_the_proposal_and_its_page_shows_old_to_new_and_accepts_it() {
        ApprovalQueueView queue = navigate(ApprovalQueueView.class);
        assertThat(queue.proposals.isVisible()).isTrue();
        assertThat(queue.proposals.getElement().getTextRecursively())
                .contains("«" + approvedName + "»: " + approvedName + " → " + approvedName + " Плюс");
        assertThat(find(RouterLink.class).all()).anySatisfy(link -> assertThat(link.getHref())
                .isEqualTo("registrations/" + company.id()));

        navigate("registrations/" + company.id(), RegistrationDetailView.class);
        assertThat(find(com.vaadin.flow.component.html.Div.class).id("identity-proposal").getElement()
                .getTextRecursively()).contains("Краткое наименование: " + approvedName + " → " + approvedName
                        + " Плюс");
        test(find(Button.class).id("accept-identity-change")).click();

        assertThat(shortName()).isEqualTo(approvedName + " Плюс");
        assertThat(find(Button.class).withId("accept-identity-change").exists()).isFalse();
        assertThat(find(UnorderedList.class).id("audit-trail").getElement().getTextRecursively())
                .contains("Новое наименование или реквизиты приняты");
    }

    @Test
    void declining_asks_for_a_reason_and_keeps_the_approved_name() {
        navigate("registrations/" + company.id(), RegistrationDetailView.class);

        test(find(Button.class).id("decline-identity-change")).click();
        test(find(Button.class).id("confirm-decision")).click();
        assertThat(find(TextArea.class).id("decision-comment").isInvalid()).as("a reason is required").isTrue();
        test(find(TextArea.class).id("decision-comment")).setValue("Название не совпадает с выпиской");
        test(find(Button.class).id("confirm-decision")).click();

        assertThat(shortName()).isEqualTo(approvedName);
        assertThat(find(Button.class).withId("decline-identity-change").exists()).isFalse();
        assertThat(find(UnorderedList.class).id("audit-trail").getElement().getTextRecursively())
                .contains("Новое наименование или реквизиты отклонены", "Название не совпадает с выпиской");
    }
}
