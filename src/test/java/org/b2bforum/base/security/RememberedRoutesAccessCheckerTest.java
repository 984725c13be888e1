package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.auth.NavigationAccessControl;

/**
 * The views' access check at each navigation, with the routes listed once (issue 17): it is the check Vaadin's
 * navigation access control asks, and each view is still checked for the user.
 */
@ForumSpringTest
class RememberedRoutesAccessCheckerTest extends ForumBrowserlessTest {

    @Autowired
    RememberedRoutesAccessChecker checker;
    @Autowired
    NavigationAccessControl accessControl;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;

    @Test
    void the_navigation_access_control_is_on_with_this_checker() {
        assertThat(accessControl.isEnabled()).isTrue();
        assertThat(accessControl.hasAccessChecker(RememberedRoutesAccessChecker.class)).isTrue();
    }

    @Test
    void navigations_list_the_routes_once_and_each_page_is_still_checked_for_the_user() {
        RegistrationForm application = TestData.registrationForm();
        registrations.register(application);
        TestData.logInAs(accounts, application.getLoginEmail());

        UI.getCurrent().navigate("change-password");
        assertThat(viewName()).isEqualTo("ChangePasswordView");
        int listed = checker.listings();
        assertThat(listed).as("the navigation access control asks this checker").isPositive();

        // a company awaiting approval is shown its application at the start page
        UI.getCurrent().navigate("");
        assertThat(viewName()).isEqualTo("MyRegistrationView");
        // an organizer's pages are refused to a company as before: "page not found"
        UI.getCurrent().navigate("accounts");
        assertThat(viewName()).isEqualTo("PageNotFoundView");
        UI.getCurrent().navigate("logins");
        assertThat(viewName()).isEqualTo("PageNotFoundView");
        UI.getCurrent().navigate("change-password");
        assertThat(viewName()).isEqualTo("ChangePasswordView");

        assertThat(checker.listings()).as("no listing of the routes for the navigations after the first").isEqualTo(listed);
    }

    @Test
    void an_organizer_opens_the_organizers_pages() {
        TestData.logInAsOrganizer(accounts);

        UI.getCurrent().navigate("accounts");
        assertThat(viewName()).isEqualTo("AccountsView");
        UI.getCurrent().navigate("logins");
        assertThat(viewName()).isEqualTo("LoginRecordsView");
    }

    private String viewName() {
        return getCurrentView().getClass().getSimpleName();
    }
}
