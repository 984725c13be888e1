package org.b2bforum.base.ops;

import org.b2bforum.base.database.DatabaseUnavailable;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Vaadin's view for failures while opening a page: while the database cannot be reached it says so
 * in words ("temporarily unavailable, your data is safe") instead of the internal-error page;
 * anything else keeps Vaadin's own handling.
 */
@AnonymousAllowed
class ErrorView extends InternalServerError {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        if (!DatabaseUnavailable.isCause(parameter.getException())) {
            return super.setErrorParameter(event, parameter);
        }
        getElement().removeAllChildren();
        getElement().setAttribute("id", "database-unavailable");
        Div box = new Div(new H1(getTranslation("unavailable.title")),
                new Paragraph(getTranslation("unavailable.message")));
        box.getStyle().set("max-width", "36rem").set("margin", "4rem auto").set("padding", "0 1rem");
        getElement().appendChild(box.getElement());
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
