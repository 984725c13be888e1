package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;

/** An address that is no page, and a page the account may not open, both show one plain message and a way home. */
@ForumSpringTest
class PageNotFoundViewTest extends ForumBrowserlessTest {

    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;

    private void logInAsCompany() {
        RegistrationForm application = TestData.registrationForm();
        registrations.register(application);
        TestData.logInAs(accounts, application.getLoginEmail());
    }

    @Test
    void a_company_opening_an_organizers_page_reads_that_it_is_not_there_in_russian() {
        logInAsCompany();

        assertThatThrownBy(() -> navigate(AccountsView.class))
                .hasMessageContaining(PageNotFoundView.class.getName());

        PageNotFoundView page = (PageNotFoundView) getCurrentView();
        assertThat(page.title.getText()).isEqualTo("Страница не найдена");
        assertThat(page.text.getText()).contains("Проверьте адрес");
        assertThat(page.home.getText()).isEqualTo("На главную");
        assertThat(page.home.getHref()).isEqualTo(RouteConfiguration.forSessionScope().getUrl(HomeView.class));
        assertThat(find(com.vaadin.flow.component.grid.Grid.class).exists()).as("nothing of the refused page").isFalse();
    }

    @Test
    void an_address_that_is_no_page_answers_the_same_and_in_english_after_the_switch() {
        logInAsCompany();
        UI.getCurrent().setLocale(Locale.ENGLISH);

        PageNotFoundView page = navigate("no-such-page", PageNotFoundView.class);

        assertThat(page.title.getText()).isEqualTo("Page not found");
        assertThat(page.home.getText()).isEqualTo("To the start page");
    }
}
