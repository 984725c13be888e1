package org.b2bforum.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.VaadinService;

/** What Vaadin itself says (no connection, a server error, no cookies) is said in the reader's language. */
@ForumSpringTest
class VaadinMessagesTest extends ForumBrowserlessTest {

    @Autowired
    VaadinMessages messages;

    @Test
    void while_the_server_cannot_be_reached_the_page_says_so_in_russian_not_in_vaadins_english() {
        assertThat(UI.getCurrent().getReconnectDialogConfiguration().getDialogText())
                .isEqualTo("Нет связи с сервером, подключаемся снова…");
        assertThat(UI.getCurrent().getReconnectDialogConfiguration().getDialogTextGaveUp())
                .startsWith("Нет связи с сервером. Проверьте сеть");
    }

    @Test
    void an_english_sessions_new_tab_says_it_in_english() {
        UI.getCurrent().getSession().setLocale(Languages.ENGLISH);
        messages.reconnectTexts(UI.getCurrent());

        assertThat(UI.getCurrent().getReconnectDialogConfiguration().getDialogText())
                .isEqualTo("No connection to the server, trying again…");
        assertThat(UI.getCurrent().getReconnectDialogConfiguration().getDialogTextGaveUp())
                .startsWith("No connection to the server. Check the network");
    }

    @Test
    void a_server_error_and_disabled_cookies_are_told_in_the_readers_language() {
        SystemMessages russian = VaadinService.getCurrent().getSystemMessages(Languages.RUSSIAN, null);
        SystemMessages english = VaadinService.getCurrent().getSystemMessages(Languages.ENGLISH, null);

        assertThat(russian.getInternalErrorCaption()).isEqualTo("Что-то пошло не так");
        assertThat(russian.getInternalErrorMessage()).startsWith("Запишите то, что ещё не сохранено");
        assertThat(russian.getCookiesDisabledCaption()).isEqualTo("Cookies отключены");
        assertThat(english.getInternalErrorCaption()).isEqualTo("Something went wrong");
        assertThat(english.getCookiesDisabledMessage()).startsWith("The forum needs cookies");
        assertThat(russian.isSessionExpiredNotificationEnabled()).as("an expired session simply reloads the page")
                .isFalse();
    }
}
