package org.b2bforum.registration.ui;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.EmailConfirmationService;
import org.b2bforum.base.security.EmailConfirmationService.Outcome;
import org.b2bforum.base.ui.LanguageSwitch;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The page a confirmation link opens: it confirms the registration's e-mail at once, once, and leads on to the log-in
 * (or, logged in already, to the application "awaiting approval"); a used, expired or unknown link says so and names
 * nobody.
 */
@Route(value = "confirm-email/:token", autoLayout = false)
@AnonymousAllowed
class ConfirmEmailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Paragraph message = new Paragraph();

    private final EmailConfirmationService confirmations;
    private final CurrentUser currentUser;

    ConfirmEmailView(EmailConfirmationService confirmations, CurrentUser currentUser) {
        this.confirmations = confirmations;
        this.currentUser = currentUser;
        addClassName("page");
        addClassName("account-form-view");
        setMaxWidth("36rem");
        message.setId("confirm-email-message");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Outcome outcome = confirmations.confirm(event.getRouteParameters().get("token").orElse(""));
        removeAll();
        message.setText(getTranslation("confirm-email." + outcome.name(),
                EmailConfirmationService.VALID_FOR.toHours()));
        add(new LanguageSwitch(), new H1(getTranslation("confirm-email.title")), message);
        Anchor next;
        if (outcome == Outcome.EXPIRED || outcome == Outcome.INVALID) {
            next = new Anchor("register", getTranslation("confirm-email.register"));
        } else if (currentUser.get().filter(user -> user.companyId() != null).isPresent()) {
            next = new Anchor("my-registration", getTranslation("confirm-email.my-registration"));
        } else {
            next = new Anchor("login", getTranslation("register.submitted.login"));
        }
        next.setId("confirm-email-next");
        add(next);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("confirm-email.title") + " · " + getTranslation("app.short-title");
    }
}
