package org.b2bforum.company.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;

/** A profile speaks of the company in the third person to others, in the first person to the company itself. */
@ForumSpringTest
class ProfileViewTest extends ForumBrowserlessTest {

    @Autowired
    AccountService accounts;

    @Autowired
    BookingFixture booking;
    TestCompany reader;
    TestCompany other;

    @BeforeEach
    void setUp() {
        reader = booking.approvedCompany();
        other = booking.approvedCompany();
    }

    @Test
    void another_company_reads_what_the_company_offers_and_seeks() {
        BookingFixture.logInAs(reader);

        assertThat(sectionsOf(other)).contains("Что предлагает компания", "Что ищет компания")
                .doesNotContain("Что мы предлагаем", "Что мы ищем");
    }

    @Test
    void organizers_read_the_profile_in_the_third_person_too() {
        TestData.logInAsOrganizer(accounts);

        assertThat(sectionsOf(other)).contains("Что предлагает компания", "Что ищет компания");
    }

    @Test
    void a_company_reads_its_own_profile_in_the_first_person() {
        BookingFixture.logInAs(reader);

        assertThat(sectionsOf(reader)).contains("Что мы предлагаем", "Что мы ищем")
                .doesNotContain("Что предлагает компания");
    }

    @Test
    void an_address_of_no_company_says_so_in_the_page_and_in_the_tabs_title() {
        BookingFixture.logInAs(reader);

        for (String id : List.of("abc", "999999999")) {
            UI.getCurrent().navigate("companies/" + id);
            assertThat(find(H1.class).single().getText()).isEqualTo("Компания не найдена");
            assertThat(((ProfileView) getCurrentView()).getPageTitle()).startsWith("Компания не найдена · ");
        }
    }

    private List<String> sectionsOf(TestCompany company) {
        UI.getCurrent().navigate("companies/" + company.id());
        return find(H2.class).all().stream().map(HasText::getText).toList();
    }
}
