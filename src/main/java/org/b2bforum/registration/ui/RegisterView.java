package org.b2bforum.registration.ui;

import org.b2bforum.base.ui.LanguageSwitch;
import org.b2bforum.base.ui.ScreenReaderRegion;
import org.b2bforum.registration.InvalidRegistrationException;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.registration.RegistrationValidator;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** "Register your company": open to anyone; the application waits for an organizer's approval. */
@Route(value = "register", autoLayout = false)
@AnonymousAllowed
class RegisterView extends VerticalLayout implements HasDynamicTitle {

    private final RegistrationService registrations;
    final RegistrationFormLayout form = new RegistrationFormLayout(RegistrationValidator.Mode.NEW);
    final Button submit = new Button(getTranslation("action.submit-registration"));

    RegisterView(RegistrationService registrations) {
        this.registrations = registrations;
        addClassName("register-view");
        addClassName("page");

        HorizontalLayout top = new HorizontalLayout(new Anchor("login", getTranslation("register.have-account")),
                new LanguageSwitch());
        top.setWidthFull();
        top.setJustifyContentMode(JustifyContentMode.BETWEEN);
        top.setAlignItems(Alignment.CENTER);

        submit.setId("submit-registration");
        submit.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit());

        add(top, new H1(getTranslation("register.title")), new Paragraph(getTranslation("register.intro")), form,
                submit);
    }

    private void submit() {
        try {
            if (form.validateNow()) {
                registrations.register(form.read());
                removeAll();
                add(new LanguageSwitch(), submittedMessage());
                ScreenReaderRegion.replaceLastAnnouncement(this, getTranslation("register.submitted.title"));
                return;
            }
        } catch (InvalidRegistrationException e) {
            form.showErrors(e.errors());
        } finally {
            submit.setEnabled(true);
        }
    }

    private VerticalLayout submittedMessage() {
        H1 title = new H1(getTranslation("register.submitted.title"));
        title.setId("registration-submitted");
        Paragraph status = new Paragraph(getTranslation("register.submitted.text"));
        status.addClassName("status-pending");
        Button login = new Button(getTranslation("register.submitted.login"), VaadinIcon.SIGN_IN.create(),
                e -> getUI().ifPresent(ui -> ui.getPage().setLocation("login")));
        login.addThemeVariants(ButtonVariant.PRIMARY);
        login.addClickShortcut(Key.ENTER);
        VerticalLayout layout = new VerticalLayout(title, status, login);
        layout.setPadding(false);
        return layout;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.title") + " · " + getTranslation("app.short-title");
    }
}
