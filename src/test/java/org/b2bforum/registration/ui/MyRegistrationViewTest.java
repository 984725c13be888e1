package org.b2bforum.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;

/** A company's home while its log-in e-mail awaits confirmation (review70). */
@ForumSpringTest
class MyRegistrationViewTest extends ForumBrowserlessTest {

    @Autowired
    BookingFixture booking;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_company_whose_link_went_to_spam_is_told_on_its_home_page_and_has_the_link_sent_again_there() {
        TestCompany company = booking.approvedCompany();
        long links = jdbc.queryForObject("select count(*) from email_confirmation where user_id = ?", Long.class,
                company.user().id());
        jdbc.update("update app_user set awaiting_email_confirmation = true where id = ?", company.user().id());
        try {
            BookingFixture.logInAs(company);
            navigate(MyRegistrationView.class);

            assertThat(find(Paragraph.class).id("email-not-confirmed").getText()).contains(company.loginEmail(),
                    "не подтверждён", "48");
            test(find(Button.class).id("resend-confirmation")).click();

            assertThat(find(Paragraph.class).id("confirmation-resent").getText()).contains(company.loginEmail());
            assertThat(jdbc.queryForObject("select count(*) from email_confirmation where user_id = ?", Long.class,
                    company.user().id())).as("a new link issued").isEqualTo(links + 1);
        } finally {
            jdbc.update("update app_user set awaiting_email_confirmation = false where id = ?", company.user().id());
        }
    }
}
