package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.live.PagesWaitingForTheDatabase;
import org.b2bforum.base.security.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.CannotCreateTransactionException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.server.ErrorEvent;

/** A failure the code did not expect reaches the user as words in their language, never as the exception's text. */
@ForumSpringTest
class FailureMessagesTest extends ForumBrowserlessTest {

    @Autowired
    PagesWaitingForTheDatabase waitingPages;

    private int open(ErrorView view, Exception failure) {
        return open(view, "broken-page", failure);
    }

    private int open(ErrorView view, String path, Exception failure) {
        UI ui = UI.getCurrent();
        BeforeEnterEvent event = new BeforeEnterEvent(ui.getInternals().getRouter(), NavigationTrigger.PROGRAMMATIC,
                new Location(path), ErrorView.class, ui, List.of());
        return view.setErrorParameter(event, new ErrorParameter<>(Exception.class, failure));
    }

    @Test
    void a_page_that_fails_to_open_says_so_in_russian_without_the_exceptions_text() {
        ErrorView view = new ErrorView(waitingPages);

        int status = open(view, new IllegalStateException("secret internal detail"));

        assertThat(status).isEqualTo(500);
        assertThat(view.getElement().getAttribute("id")).isEqualTo("page-failed");
        assertThat(view.getElement().getTextRecursively()).startsWith("Что-то пошло не так")
                .contains("Ваши данные в сохранности").doesNotContain("secret", "Exception", "broken-page");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_secret_link_whose_page_fails_to_open_is_logged_without_its_token(CapturedOutput output) {
        String token = Tokens.newToken();

        open(new ErrorView(waitingPages), "reset-password/" + token, new IllegalStateException("a bug"));

        assertThat(output.getAll()).contains("Could not open /reset-password/…").doesNotContain(token);
    }

    @Test
    void a_page_that_cannot_reach_the_database_says_temporarily_unavailable_in_english_after_the_switch() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        ErrorView view = new ErrorView(waitingPages);

        int status = open(view, new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("embedded-mariadb - Connection is not available")));

        assertThat(status).isEqualTo(503);
        assertThat(view.getElement().getTextRecursively()).startsWith("The service is temporarily unavailable.")
                .contains("This page opens by itself as soon as the service is back.").doesNotContain("JPA");
        assertThat(waitingPages.count()).as("the page waits for the database to open again").isPositive();
        view.onDetach(null);
    }

    @Test
    void a_click_that_fails_is_logged_and_the_user_reads_that_it_was_not_done() {
        List<ErrorEvent> logged = new ArrayList<>();

        DatabaseUnavailableHandling.handle(new ErrorEvent(new IllegalStateException("secret internal detail")),
                logged::add);

        assertThat(logged).as("handed to Vaadin's handler, which logs it").hasSize(1);
        assertThat(test(find(Notification.class).single()).getText())
                .startsWith("Что-то пошло не так, действие не выполнено").doesNotContain("secret");
    }

    @Test
    void a_connection_the_browser_dropped_is_only_logged() {
        List<ErrorEvent> logged = new ArrayList<>();

        DatabaseUnavailableHandling.handle(new ErrorEvent(new RuntimeException(new java.io.IOException("Broken pipe"))),
                logged::add);

        assertThat(logged).hasSize(1);
        assertThat(find(Notification.class).exists()).isFalse();
    }
}
