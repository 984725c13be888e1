package org.b2bforum.base.ops;

import java.io.IOException;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * A click or a save that fails because the database cannot be reached shows "temporarily
 * unavailable, your data is safe"; any other failure is logged as Vaadin does and the user reads
 * "something went wrong, this was not done" (Vaadin shows nothing in production mode, so the click
 * seemed to do nothing). A connection the browser dropped is only logged.
 */
@Component
class DatabaseUnavailableHandling implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        ErrorHandler fallback = new DefaultErrorHandler();
        ErrorHandler handler = error -> handle(error, fallback);
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(handler));
    }

    static void handle(ErrorEvent error, ErrorHandler fallback) {
        UI ui = UI.getCurrent();
        if (ui == null || !DatabaseUnavailable.isCause(error.getThrowable())) {
            fallback.error(error);
            if (ui != null && !(rootCause(error.getThrowable()) instanceof IOException)) {
                Notification failed = Notification.show(ui.getTranslation("error.action-message"), 8000,
                        Notification.Position.MIDDLE);
                failed.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            return;
        }
        org.slf4j.LoggerFactory.getLogger(DatabaseUnavailableHandling.class)
                .warn("Database unavailable: {}", error.getThrowable().toString());
        Notification notification = Notification.show(ui.getTranslation("unavailable.title") + " "
                + ui.getTranslation("unavailable.message"), 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
