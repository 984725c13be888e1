package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.NavigationContext;
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
    void vaadins_check_reads_the_remembered_routes_while_a_session_is_current() {
        TestData.logInAsOrganizer(accounts);
        UI.getCurrent().navigate("accounts");
        Class<?> target = getCurrentView().getClass();
        assertThat(VaadinSession.getCurrent()).as("as in every request").isNotNull();
        NavigationContext navigation = new NavigationContext(UI.getCurrent().getInternals().getRouter(), target,
                new Location("accounts"), RouteParameters.empty(), SecurityContextHolder.getContext().getAuthentication(),
                role -> true, false, true);

        // what Vaadin's check reads: Router.getRegistry(), which for a plain router is the session's registry, listing
        // its routes anew at each call, whenever a session is current
        List<RouteData> first = checker.withRememberedRoutes(navigation).getRouter().getRegistry().getRegisteredRoutes();
        List<RouteData> again = checker.withRememberedRoutes(navigation).getRouter().getRegistry().getRegisteredRoutes();

        assertThat(again).as("the remembered list, not listed again").isSameAs(first);
        assertThat(first).extracting(route -> route.getNavigationTarget().getName()).contains(target.getName());
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
