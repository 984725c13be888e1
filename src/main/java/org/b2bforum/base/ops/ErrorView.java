package org.b2bforum.base.ops;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.b2bforum.base.live.PagesWaitingForTheDatabase;
import org.b2bforum.base.security.Tokens;
import org.b2bforum.base.ui.MainLayout;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Vaadin's view for failures while opening a page, in words instead of Vaadin's English "There was an exception
 * while trying to navigate to ..." with the exception's message: while the database cannot be reached
 * "temporarily unavailable, your data is safe", for anything else "something went wrong" (the failure itself goes
 * to the log, never to the page).
 * <p>
 * Shown inside the frame ({@link MainLayout}, which is built without the database too), so the menu stays; a page
 * that could not open for want of the database opens again by itself once the database answers
 * ({@link PagesWaitingForTheDatabase}). Before, it was a blank page with the words and nothing else until reloaded
 * (review49).
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
class ErrorView extends InternalServerError {

    private final PagesWaitingForTheDatabase waitingPages;
    private Registration waiting;

    ErrorView(PagesWaitingForTheDatabase waitingPages) {
        this.waitingPages = waitingPages;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        getElement().removeAllChildren();
        stopWaiting();
        if (DatabaseUnavailable.isCause(parameter.getException())) {
            show("database-unavailable", "unavailable.title", "unavailable.message", "unavailable.reopens");
            // the browser loads the page again: a request of its own, through the session check (a log-in switched
            // off meanwhile ends there) and Vaadin's access control, which a navigation on the poller's thread would
            // pass by; and a frame built without the database comes back whole
            UI ui = event.getUI();
            waiting = waitingPages.reopenWhenTheDatabaseAnswers(ui, () -> ui.getPage().reload());
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        LoggerFactory.getLogger(ErrorView.class).error("Could not open /{}", Tokens.redactedPath(event.getLocation().getPath()),
                parameter.getException());
        show("page-failed", "error.title", "error.page-message");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopWaiting();
    }

    private void stopWaiting() {
        if (waiting != null) {
            waiting.remove();
            waiting = null;
        }
    }

    private void show(String id, String title, String... paragraphs) {
        getElement().setAttribute("id", id);
        Div box = new Div(new H1(getTranslation(title)));
        for (String paragraph : paragraphs) {
            box.add(new Paragraph(getTranslation(paragraph)));
        }
        box.getStyle().set("max-width", "36rem").set("margin", "4rem auto").set("padding", "0 1rem");
        getElement().appendChild(box.getElement());
    }
}
