package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.CurrentUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.component.html.Paragraph;

/** The limits that protect the node from open tabs: per session, per node, and the "server busy" page. */
@ForumSpringTest
@WithAnonymousUser
class UiLimitsTest extends ForumBrowserlessTest {

    @Autowired
    UiLimits configured;
    @Autowired
    AccountService accounts;
    @Value("${b2bforum.ui.max-anonymous-tabs}")
    int maxAnonymousTabs;
    @Value("${b2bforum.ui.max-anonymous-tabs-per-address}")
    int maxAnonymousTabsPerAddress;

    /** At most 3 anonymous tabs per address and 5 on the node, among 2,000. */
    final UiLimits limits = new UiLimits(10, 2000, 5, 3, new CurrentUser());

    @AfterEach
    void noRequestNorUser() {
        RequestContextHolder.resetRequestAttributes();
        TestData.logOut();
    }

    /** The request of a tab opening from this address (as the servlet container reports it). */
    static void from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    /** A new tab of the current session, opened from this address. */
    UI tabFrom(String address) {
        return tabFrom(address, limits);
    }

    static UI tabFrom(String address, UiLimits limits) {
        from(address);
        VaadinSession session = VaadinSession.getCurrent();
        UI tab = new UI();
        tab.getInternals().setSession(session);
        tab.doInit(VaadinRequest.getCurrent(), session.getNextUIid(), "ROOT");
        session.addUI(tab);
        limits.opened(tab);
        return tab;
    }

    /** Closes a tab as Vaadin does when its heartbeats stop: the session removes it (with it current). */
    static void close(UI tab) {
        UI current = UI.getCurrent();
        UI.setCurrent(tab);
        try {
            VaadinSession.getCurrent().removeUI(tab);
        } finally {
            UI.setCurrent(current);
        }
    }

    @Test
    void the_configured_anonymous_limits_are_half_the_node_and_a_hundred_per_address() {
        assertThat(maxAnonymousTabs).isEqualTo(1000);
        assertThat(maxAnonymousTabsPerAddress).isEqualTo(100);
    }

    @Test
    void with_the_configured_limits_the_hundred_and_first_anonymous_tab_of_an_address_gets_the_busy_page() {
        String address = "10.37." + TestData.unique();
        List<UI> tabs = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                tabs.add(tabFrom(address, configured));
            }
            from(address);
            configured.opened(UI.getCurrent());
            UI.getCurrent().navigate("login");

            assertThat(getCurrentView()).isInstanceOf(BusyView.class);
            assertThat(configured.anonymousTabs(address)).isEqualTo(100);
        } finally {
            tabs.forEach(UiLimitsTest::close);
        }
        assertThat(configured.anonymousTabs(address)).isZero();
    }

    @Test
    void an_address_at_its_anonymous_limit_gets_the_busy_page_and_counts_nothing_more() {
        String address = "10.38." + TestData.unique();
        for (int i = 0; i < 3; i++) {
            tabFrom(address);
        }
        assertThat(limits.anonymousTabs(address)).isEqualTo(3);

        from(address);
        limits.opened(UI.getCurrent());
        UI.getCurrent().navigate("login");

        assertThat(getCurrentView()).isInstanceOf(BusyView.class);
        assertThat(limits.anonymousTabs(address)).isEqualTo(3);
        assertThat(limits.anonymousTabs()).isEqualTo(3);
        assertThat(limits.openTabs()).isEqualTo(3);
    }

    @Test
    void another_address_opens_its_page_while_one_is_at_its_limit_an_ipv6_client_by_its_64() {
        for (int i = 0; i < 3; i++) {
            tabFrom("2001:db8:38:1::" + (i + 1));
        }
        assertThat(limits.anonymousTabs("2001:db8:38:1::ffff")).isEqualTo(3);

        from("2001:db8:38:2::1");
        limits.opened(UI.getCurrent());
        UI.getCurrent().navigate("login");

        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(limits.anonymousTabs("2001:db8:38:2::1")).isEqualTo(1);
        assertThat(limits.anonymousTabs()).isEqualTo(4);
    }

    @Test
    void past_the_anonymous_limit_of_the_node_a_new_address_gets_the_busy_page() {
        for (int i = 0; i < 5; i++) {
            tabFrom("10.39.0." + i);
        }

        from("10.39.1.1");
        limits.opened(UI.getCurrent());
        UI.getCurrent().navigate("login");

        assertThat(getCurrentView()).isInstanceOf(BusyView.class);
        assertThat(limits.anonymousTabs("10.39.1.1")).isZero();
        assertThat(limits.anonymousTabs()).isEqualTo(5);
    }

    @Test
    void a_signed_in_tab_from_an_address_at_its_limit_opens_and_is_not_counted_per_address() {
        String address = "10.40." + TestData.unique();
        for (int i = 0; i < 3; i++) {
            tabFrom(address);
        }
        TestData.logInAsOrganizer(accounts);

        from(address);
        limits.opened(UI.getCurrent());
        UI.getCurrent().navigate("accounts");

        assertThat(getCurrentView()).isInstanceOf(AccountsView.class);
        assertThat(limits.openTabs()).isEqualTo(4);
        // the session signed in: the anonymous tabs it opened before (the log-in page it left) count no more
        assertThat(limits.anonymousTabs(address)).isZero();
        assertThat(limits.anonymousTabs()).isZero();
    }

    @Test
    void the_counts_go_down_as_tabs_close_and_the_address_can_open_a_tab_again() {
        String address = "10.41." + TestData.unique();
        List<UI> tabs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tabs.add(tabFrom(address));
        }
        tabFrom("10.42." + TestData.unique());
        assertThat(limits.networks()).isEqualTo(2);

        close(tabs.get(0));
        close(tabs.get(1));

        assertThat(limits.anonymousTabs(address)).isEqualTo(1);
        assertThat(limits.anonymousTabs()).isEqualTo(2);
        assertThat(limits.openTabs()).isEqualTo(2);
        close(tabs.get(2));
        assertThat(limits.anonymousTabs(address)).isZero();
        assertThat(limits.networks()).as("no entry is kept for an address without tabs").isEqualTo(1);

        from(address);
        limits.opened(UI.getCurrent());
        UI.getCurrent().navigate("login");
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(limits.anonymousTabs(address)).isEqualTo(1);
    }

    @Test
    void a_tab_of_a_session_that_signed_in_is_given_back_once_when_it_closes() {
        String address = "10.43." + TestData.unique();
        UI loginPage = tabFrom(address);
        TestData.logInAsOrganizer(accounts);
        UI signedIn = tabFrom(address);
        assertThat(limits.anonymousTabs()).isZero();

        close(loginPage);
        close(signedIn);

        assertThat(limits.openTabs()).isZero();
        assertThat(limits.anonymousTabs()).isZero();
        assertThat(limits.anonymousTabs(address)).isZero();
    }

    @Test
    void a_session_keeps_its_ten_most_recently_active_tabs_and_the_longest_silent_one_closes() {
        List<UI> tabs = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            UI tab = new UI();
            tab.getInternals().setLastHeartbeatTimestamp(1_000L * (i == 4 ? 0 : i + 1));
            tabs.add(tab);
        }

        List<UI> closed = UiLimits.tabsToClose(tabs, 10);

        assertThat(closed).containsExactly(tabs.get(4));
        assertThat(UiLimits.tabsToClose(tabs.subList(0, 10), 10)).isEmpty();
    }

    @Test
    void tabs_already_closing_do_not_count() {
        UI closing = new UI();
        closing.close();
        UI open = new UI();

        assertThat(UiLimits.tabsToClose(List.of(closing, open), 1)).isEmpty();
    }

    @Test
    void the_node_counts_its_open_tabs_and_the_configured_limits_are_ten_per_session() {
        UiLimits limits = new UiLimits(10, 2000, 1000, 100, new CurrentUser());
        limits.opened(UI.getCurrent());
        assertThat(limits.openTabs()).isEqualTo(1);
        assertThat(UiLimits.tabsToClose(UI.getCurrent().getSession().getUIs(), 10)).isEmpty();
        assertThat(configured).isNotNull();
    }

    @Test
    void past_the_node_limit_a_new_tab_shows_the_busy_page_in_russian_or_english() {
        new UiLimits(10, 0, 1000, 100, new CurrentUser()).opened(UI.getCurrent());

        UI.getCurrent().navigate("login");

        assertThat(getCurrentView()).isInstanceOf(BusyView.class);
        assertThat($(Paragraph.class).id("busy-message").getText()).startsWith("Сейчас на этом сервере открыто");
        BusyView busy = (BusyView) getCurrentView();
        assertThat(busy.tryAgain.getElement().getTextRecursively()).contains("Попробовать снова");
        assertThat(busy.tryAgain.getHref()).as("the page asked for, once more").isEqualTo("login");
        assertThat(busy.tryAgain.isRouterIgnore()).as("loaded anew, not routed within the busy tab").isTrue();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("register");
        assertThat(getCurrentView()).isInstanceOf(BusyView.class);
        assertThat($(Paragraph.class).id("busy-message").getText()).startsWith("Too many pages are open");
    }

    @Test
    void below_the_node_limit_pages_open_as_usual() {
        new UiLimits(10, 2000, 1000, 100, new CurrentUser()).opened(UI.getCurrent());

        UI.getCurrent().navigate("login");

        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }
}
