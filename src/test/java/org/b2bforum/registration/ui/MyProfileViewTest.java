package org.b2bforum.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** An approved company edits its profile on /my-profile. */
@ForumSpringTest
class MyProfileViewTest extends ForumBrowserlessTest {

    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;

    @Test
    void putting_someone_else_in_the_place_of_a_delegate_with_confirmed_meetings_names_the_meetings_by_the_delegates() {
        TestSession session = venue.futureSession(2);
        TestCompany company = booking.approvedCompany();
        TestCompany partner = booking.approvedCompany();
        booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(company.id(), partner.id(), session.slot(0).id()));
        String partnerName = jdbc.queryForObject("select short_name from company where id = ?", String.class,
                partner.id());
        BookingFixture.logInAs(company);

        MyProfileView view = navigate(MyProfileView.class);
        test(find(TextField.class).id("delegates-0-fullName")).setValue("Пётр Иванов");
        test(find(TextField.class).id("delegates-0-email")).setValue(TestData.uniqueEmail("petr"));
        test(view.save).click();

        assertThat(view.form.delegatesError.isVisible()).isTrue();
        assertThat(view.form.delegatesError.getText()).contains("подтверждённые встречи", partnerName);
        // the way that keeps the partner's meeting: another delegate sent to it, not the meeting cancelled
        assertThat(view.form.delegatesError.getText()).contains("отправьте на них другого участника",
                "«Встречи», «Изменить участников»");
        assertThat(jdbc.queryForObject("select full_name from delegate where id = ?", String.class,
                company.firstDelegate())).isEqualTo("Иван Петров");
    }

    @Test
    void a_unp_saved_before_check_digits_were_checked_opens_marked_and_saving_waits_for_the_fix() {
        TestCompany company = booking.approvedCompany();
        jdbc.update("update company set country = 'BY', city = 'Минск', tax_number = '100325913' where id = ?",
                company.id());
        BookingFixture.logInAs(company);

        MyProfileView view = navigate(MyProfileView.class);
        assertThat(view.logoRow.isWrap()).as("the upload under the logo on a phone (AccessibilityIT: reflow)").isTrue();

        assertThat(view.form.taxNumber.isInvalid()).isTrue();
        assertThat(view.form.taxNumber.getErrorMessage())
                .isEqualTo("Контрольная цифра УНП не сходится — проверьте номер");
        test(view.form.contactPerson).setValue("Анна Сидорова");
        test(view.save).click();
        assertThat(jdbc.queryForObject("select contact_person from company where id = ?", String.class,
                company.id())).as("nothing saved while the UNP is wrong").isNotEqualTo("Анна Сидорова");

        String unp = TestData.uniqueUnp();
        test(view.form.taxNumber).setValue(unp);
        assertThat(view.form.taxNumber.isInvalid()).isFalse();
        test(view.save).click();
        assertThat(jdbc.queryForObject("select contact_person from company where id = ?", String.class,
                company.id())).isEqualTo("Анна Сидорова");
        // the new number goes to the office (mend53a); the page opens again with it, so a next save is not held back
        assertThat(jdbc.queryForObject("select tax_number from identity_change_proposal where company_id = ?",
                String.class, company.id())).isEqualTo(unp);
        MyProfileView again = navigate(MyProfileView.class);
        assertThat(again.form.taxNumber.getValue()).isEqualTo(unp);
        assertThat(again.form.taxNumber.isInvalid()).isFalse();
    }

    /**
     * mend53a: a corrected name is shown as awaiting the office, the company staying approved, and withdrawn here.
     * Before, the save sent the company back to review (the warning notice and the page of the application).
     */
    @Test
    void a_new_name_awaits_the_office_on_the_page_and_is_withdrawn_there() {
        TestCompany company = booking.approvedCompany();
        String approvedName = jdbc.queryForObject("select short_name from company where id = ?", String.class,
                company.id());
        BookingFixture.logInAs(company);
        MyProfileView view = navigate(MyProfileView.class);
        assertThat(view.proposal.isVisible()).isFalse();

        test(view.form.shortName).setValue(approvedName + " Плюс");
        test(view.save).click();

        assertThat(getCurrentView()).as("stays on the profile").isSameAs(view);
        assertThat(view.proposal.isVisible()).isTrue();
        assertThat(find(Paragraph.class).id("identity-proposal-text").getText())
                .startsWith("Новое название на проверке у дирекции: «" + approvedName + " Плюс»");
        assertThat(jdbc.queryForObject("select status from company where id = ?", String.class, company.id()))
                .isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id()))
                .isEqualTo(approvedName);
        // mend53d: saved again from the same page (the proposal it shows now), another edit goes through
        test(view.form.shortName).setValue(approvedName + " Плюс Групп");
        test(view.save).click();
        assertThat(find(Paragraph.class).id("identity-proposal-text").getText()).contains(approvedName + " Плюс Групп");

        test(find(Button.class).id("withdraw-identity-change")).click();

        assertThat(view.proposal.isVisible()).isFalse();
        assertThat(view.form.shortName.getValue()).isEqualTo(approvedName);
        assertThat(jdbc.queryForObject("select count(*) from identity_change_proposal where company_id = ?",
                Integer.class, company.id())).isZero();
    }
}
