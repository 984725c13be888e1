package org.b2bforum.base.ops;

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
 * unavailable, your data is safe" instead of Vaadin's generic error; other failures keep the
 * default handling.
 */
@Component
class DatabaseUnavailableHandling implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        ErrorHandler fallback = new DefaultErrorHandler();
        ErrorHandler handler = error -> handle(error, fallback);
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(handler));
    }

    private static void handle(ErrorEvent error, ErrorHandler fallback) {
        UI ui = UI.getCurrent();
        if (ui == null || !DatabaseUnavailable.isCause(error.getThrowable())) {
            fallback.error(error);
            return;
        }
        org.slf4j.LoggerFactory.getLogger(DatabaseUnavailableHandling.class)
                .warn("Database unavailable: {}", error.getThrowable().toString());
        Notification notification = Notification.show(ui.getTranslation("unavailable.title") + " "
                + ui.getTranslation("unavailable.message"), 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
