package org.b2bforum.registration.ui;

import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.registration.InvalidRegistrationException;
import org.b2bforum.registration.RegistrationDetails;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.registration.RegistrationStateException;
import org.b2bforum.registration.RegistrationValidator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * A company edits its application and sends it back for approval, while it waits for a decision or the organizers
 * ask for changes; a decided application (a bookmark, the browser's history) opens the application's page instead.
 */
@Route("my-registration/edit")
@RolesAllowed(Role.COMPANY_NAME)
class EditRegistrationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RegistrationService registrations;
    final RegistrationFormLayout form = new RegistrationFormLayout(RegistrationValidator.Mode.EDIT);
    final Button save = new Button(getTranslation("action.save-and-resubmit"));
    private final RegistrationStatus status;

    EditRegistrationView(RegistrationService registrations) {
        this.registrations = registrations;
        addClassName("page");
        RegistrationDetails details = registrations.myRegistration();
        status = details.status();
        if (!editable(status)) {
            return;
        }
        form.fill(registrations.myApplicationForm());
        save.setId("save-and-resubmit");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button(getTranslation("action.cancel"),
                e -> getUI().ifPresent(ui -> ui.navigate(MyRegistrationView.class)));
        add(new H1(getTranslation("edit-registration.title")));
        // What the organizers asked for stays in sight while the company edits (it was only on the page before).
        if (details.status() == RegistrationStatus.CHANGES_REQUESTED && details.statusComment() != null) {
            Paragraph comment = new Paragraph(getTranslation("my-registration.organizer-comment") + ": "
                    + details.statusComment());
            comment.setId("status-comment");
            comment.addClassName("status-comment");
            add(comment);
        }
        add(form, new HorizontalLayout(save, cancel));
    }

    /**
     * A rejected company got the whole form here, filled it in, and learnt only on saving that it could not be
     * changed: its typing was lost.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!editable(status)) {
            event.forwardTo(MyRegistrationView.class);
        }
    }

    private static boolean editable(RegistrationStatus status) {
        return status == RegistrationStatus.PENDING || status == RegistrationStatus.CHANGES_REQUESTED;
    }

    private void save() {
        if (!form.validateNow()) {
            return;
        }
        try {
            registrations.resubmit(form.read());
            Notices.success(getTranslation("edit-registration.saved"));
            getUI().ifPresent(ui -> ui.navigate(MyRegistrationView.class));
        } catch (InvalidRegistrationException e) {
            form.showErrors(e.errors());
        } catch (RegistrationStateException e) {
            Notices.error(getTranslation(e.key()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("edit-registration.title") + " · " + getTranslation("app.short-title");
    }
}
