package org.b2bforum.base.ui;

import org.b2bforum.base.security.ApprovalStatus;
import org.b2bforum.base.security.CurrentUser;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/** Sends companies that are not approved yet from forum views to their application. */
@Component
class ApprovalGate implements VaadinServiceInitListener {

    private final CurrentUser currentUser;
    private final ApprovalStatus approval;

    ApprovalGate(CurrentUser currentUser, ApprovalStatus approval) {
        this.currentUser = currentUser;
        this.approval = approval;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            if (enter.getNavigationTarget().isAnnotationPresent(ApprovedCompaniesOnly.class)) {
                currentUser.get().filter(user -> !approval.isParticipant(user))
                        .ifPresent(user -> enter.forwardTo("my-registration"));
            }
        }));
    }
}
