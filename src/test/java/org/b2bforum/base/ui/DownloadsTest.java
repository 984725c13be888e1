package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;

/**
 * A file made at the click that cannot be made (the badges, the leads, the report): the page that asked says why, the
 * database away in its own words. Each page's link has its test of the refused click; this is the database's case.
 */
@ForumSpringTest
class DownloadsTest extends ForumBrowserlessTest {

    @Test
    void with_the_database_away_the_page_says_the_service_is_unavailable_and_the_data_safe() {
        navigate(LoginView.class);
        Anchor link = new Anchor(Downloads.toldOnFailure(event -> {
            throw new CannotGetJdbcConnectionException("Connection refused");
        }), "файл");
        UI.getCurrent().add(link);

        catchThrowable(() -> test(link).download(new ByteArrayOutputStream()));

        assertThat(test(find(Notification.class).single()).getText())
                .isEqualTo("Сервис временно недоступен. Ваши данные в сохранности. Попробуйте ещё раз через минуту.");
    }
}
