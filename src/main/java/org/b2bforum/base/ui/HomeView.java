package org.b2bforum.base.ui;

import org.b2bforum.base.security.ApprovalStatus;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.Role;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * The start page after log-in: organizers go to the approval queue (to the program while the forum has no days yet:
 * a new office's first log-in met an empty queue with nothing to say what comes first), venue staff to the tables,
 * delegates to their badge and schedule, approved companies to their suggested partners, other
 * companies to their application.
 */
@Route("")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    private final CurrentUser currentUser;
    private final ApprovalStatus approval;
    private final ForumDays forumDays;

    HomeView(CurrentUser currentUser, ApprovalStatus approval, ForumDays forumDays) {
        this.currentUser = currentUser;
        this.approval = approval;
        this.forumDays = forumDays;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ForumUser user = currentUser.require();
        if (user.isOrganizer()) {
            event.forwardTo(forumDays.days().isPresent() ? "registrations" : "program");
        } else if (user.role() == Role.STAFF) {
            event.forwardTo("venue");
        } else if (user.role() == Role.DELEGATE) {
            event.forwardTo("my-badge");
        } else {
            event.forwardTo(approval.isParticipant(user) ? "partners" : "my-registration");
        }
    }
}
