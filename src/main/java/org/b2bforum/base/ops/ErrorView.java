package org.b2bforum.base.ops;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.b2bforum.base.security.Tokens;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Vaadin's view for failures while opening a page, in words instead of Vaadin's English "There was an exception
 * while trying to navigate to ..." with the exception's message: while the database cannot be reached
 * "temporarily unavailable, your data is safe", for anything else "something went wrong" (the failure itself goes
 * to the log, never to the page).
 */
@AnonymousAllowed
class ErrorView extends InternalServerError {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        getElement().removeAllChildren();
        if (DatabaseUnavailable.isCause(parameter.getException())) {
            show("database-unavailable", "unavailable.title", "unavailable.message");
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        LoggerFactory.getLogger(ErrorView.class).error("Could not open /{}", Tokens.redactedPath(event.getLocation().getPath()),
                parameter.getException());
        show("page-failed", "error.title", "error.page-message");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    private void show(String id, String title, String message) {
        getElement().setAttribute("id", id);
        Div box = new Div(new H1(getTranslation(title)), new Paragraph(getTranslation(message)));
        box.getStyle().set("max-width", "36rem").set("margin", "4rem auto").set("padding", "0 1rem");
        getElement().appendChild(box.getElement());
    }
}
