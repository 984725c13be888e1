package org.b2bforum.base.ui;

import org.b2bforum.base.security.CurrentUser;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** The start page after log-in: organizers go to the approval queue, companies to their registration. */
@Route("")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    private final CurrentUser currentUser;

    HomeView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(currentUser.require().isOrganizer() ? "registrations" : "my-registration");
    }
}
