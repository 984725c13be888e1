package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.security.DemoLoading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

/**
 * The demo forum is written after the server takes requests (about a minute at the first start): a page opened
 * meanwhile says the forum is still loading rather than showing half of it without a word. The test's context runs
 * without demo mode, so no banner at all once the loading is over.
 */
@ForumSpringTest
class DemoBannerTest extends ForumBrowserlessTest {

    @Autowired
    DemoBannerInstaller installer;
    @Autowired
    DemoLoading loading;

    @AfterEach
    void loaded() {
        loading.finished();
    }

    @Test
    void a_page_opened_while_the_demo_forum_loads_says_it_is_loading() {
        loading.started();

        installer.install(UI.getCurrent());

        assertThat(find(Span.class).withClassName("demo-banner-full").single().getText())
                .startsWith("ДЕМО-РЕЖИМ: демо-форум ещё загружается");
        assertThat(UI.getCurrent().hasClassName("demo-mode")).isTrue();
    }

    @Test
    void without_demo_mode_and_without_loading_a_page_has_no_banner() {
        installer.install(UI.getCurrent());

        assertThat(find(DemoBanner.class).all()).isEmpty();
    }
}
