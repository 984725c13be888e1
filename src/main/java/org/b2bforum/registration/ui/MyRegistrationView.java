package org.b2bforum.registration.ui;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.EmailConfirmationService;
import org.b2bforum.base.security.Role;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.registration.RegistrationDetails;
import org.b2bforum.registration.RegistrationService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * A company's home: the status of its application and what to do next. Until the organizers
 * approve it, this is all of the forum the company sees.
 */
@Route("my-registration")
@Menu(title = "menu.my-registration", icon = "CLIPBOARD_CHECK", order = 1)
@RolesAllowed(Role.COMPANY_NAME)
class MyRegistrationView extends VerticalLayout implements HasDynamicTitle {

    MyRegistrationView(RegistrationService registrations, ForumTime time, EmailConfirmationService confirmations,
            CurrentUser currentUser) {
        addClassName("page");
        RegistrationDetails details = registrations.myRegistration();

        H1 title = new H1(details.shortName());
        Div status = new Div(new Paragraph(getTranslation("my-registration.status")), new StatusBadge(details.status()));
        status.setId("registration-status");
        status.addClassName("status-line");
        Paragraph explanation = new Paragraph(getTranslation("my-registration.explain." + details.status().name()));
        explanation.setId("status-explanation");
        add(title, status, explanation);

        if (details.awaitingEmailConfirmation()) {
            // the page after "Send" was closed, or the link went to spam: here too the link is sent again (review70)
            add(unconfirmed(confirmations, currentUser.require().email()));
        }
        if (details.statusComment() != null) {
            Paragraph comment = new Paragraph(getTranslation("my-registration.organizer-comment") + ": "
                    + details.statusComment());
            comment.setId("status-comment");
            comment.addClassName("status-comment");
            add(comment);
        }
        if (details.status() == RegistrationStatus.CHANGES_REQUESTED || details.status() == RegistrationStatus.PENDING) {
            Button edit = new Button(getTranslation(details.status() == RegistrationStatus.CHANGES_REQUESTED
                    ? "action.edit-and-resubmit" : "action.edit-application"), VaadinIcon.EDIT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(EditRegistrationView.class)));
            edit.setId("edit-application");
            if (details.status() == RegistrationStatus.CHANGES_REQUESTED) {
                edit.addThemeVariants(ButtonVariant.PRIMARY);
            }
            add(edit);
        }
        if (details.status() == RegistrationStatus.APPROVED) {
            Button edit = new Button(getTranslation("action.edit-profile"), VaadinIcon.EDIT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(MyProfileView.class)));
            edit.setId("edit-profile");
            add(edit);
        }
        add(new RegistrationDetailsPanel(details, registrations.history(details.id()), time));
    }

    /** The log-in e-mail awaits confirmation: what that means, and the link sent again on request. */
    private Div unconfirmed(EmailConfirmationService confirmations, String email) {
        Paragraph text = new Paragraph(getTranslation("my-registration.email-not-confirmed", email,
                EmailConfirmationService.VALID_FOR.toHours()));
        text.setId("email-not-confirmed");
        return new Div(text, new ResendConfirmation(confirmations, email));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.my-registration") + " · " + getTranslation("app.short-title");
    }
}
