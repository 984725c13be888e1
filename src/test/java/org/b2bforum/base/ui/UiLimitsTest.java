package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;

/** The limits that protect the node from open tabs: per session, per node, and the "server busy" page. */
@ForumSpringTest
@WithAnonymousUser
class UiLimitsTest extends ForumBrowserlessTest {

    @Autowired
    UiLimits configured;

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
        UiLimits limits = new UiLimits(10, 2000);
        limits.opened(UI.getCurrent());
        assertThat(limits.openTabs()).isEqualTo(1);
        assertThat(UiLimits.tabsToClose(UI.getCurrent().getSession().getUIs(), 10)).isEmpty();
        assertThat(configured).isNotNull();
    }

    @Test
    void past_the_node_limit_a_new_tab_shows_the_busy_page_in_russian_or_english() {
        new UiLimits(10, 0).opened(UI.getCurrent());

        UI.getCurrent().navigate("login");

        assertThat(getCurrentView()).isInstanceOf(BusyView.class);
        assertThat($(Paragraph.class).id("busy-message").getText()).startsWith("Сейчас на этом сервере открыто");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("register");
        assertThat(getCurrentView()).isInstanceOf(BusyView.class);
        assertThat($(Paragraph.class).id("busy-message").getText()).startsWith("Too many pages are open");
    }

    @Test
    void below_the_node_limit_pages_open_as_usual() {
        new UiLimits(10, 2000).opened(UI.getCurrent());

        UI.getCurrent().navigate("login");

        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }
}
