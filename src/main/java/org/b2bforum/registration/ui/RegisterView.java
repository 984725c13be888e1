package org.b2bforum.registration.ui;

import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.EmailConfirmationService;
import org.b2bforum.base.security.LoginThrottle;
import org.b2bforum.base.ui.LanguageSwitch;
import org.b2bforum.base.ui.ScreenReaderRegion;
import org.b2bforum.registration.InvalidRegistrationException;
import org.b2bforum.registration.Registered;
import org.b2bforum.registration.RegistrationForm;
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
    private final EmailConfirmationService confirmations;
    final RegistrationFormLayout form = new RegistrationFormLayout(RegistrationValidator.Mode.NEW);
    final Button submit = new Button(getTranslation("action.submit-registration"));

    RegisterView(RegistrationService registrations, EmailConfirmationService confirmations) {
        this.registrations = registrations;
        this.confirmations = confirmations;
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
                RegistrationForm application = form.read();
                Registered registered = registrations.register(application, getLocale());
                removeAll();
                add(new LanguageSwitch(), registered.confirmationSent()
                        ? confirmationMessage(AccountService.normalizeEmail(application.getLoginEmail()))
                        : submittedMessage());
                ScreenReaderRegion.replaceLastAnnouncement(this, getTranslation(registered.confirmationSent()
                        ? "register.confirm.title" : "register.submitted.title"));
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

    /**
     * After "Send" with a mail server: the link went to the address, which must be confirmed before approval; what to do
     * when it does not come (send it again, throttled) or when the address had a typo.
     */
    private VerticalLayout confirmationMessage(String email) {
        H1 title = new H1(getTranslation("register.confirm.title"));
        title.setId("registration-submitted");
        long hours = EmailConfirmationService.VALID_FOR.toHours();
        Paragraph sent = new Paragraph(getTranslation("register.confirm.text", email, hours));
        sent.setId("confirmation-sent");
        Paragraph notReceived = new Paragraph(getTranslation("register.confirm.not-received"));
        Button resend = new Button(getTranslation("register.confirm.resend"), VaadinIcon.ENVELOPE_O.create());
        resend.setId("resend-confirmation");
        resend.setDisableOnClick(true);
        Paragraph resent = new Paragraph();
        resent.setId("confirmation-resent");
        resent.setVisible(false);
        resend.addClickListener(e -> {
            resent.setText(confirmations.resend(email, getLocale())
                    .map(wait -> getTranslation("form.too-many", LoginThrottle.minutes(wait)))
                    .orElseGet(() -> getTranslation("register.confirm.resent", email)));
            resent.setVisible(true);
            ScreenReaderRegion.replaceLastAnnouncement(this, resent.getText());
            resend.setEnabled(true);
        });
        Paragraph typo = new Paragraph(getTranslation("register.confirm.typo", hours));
        Anchor again = new Anchor("register", getTranslation("confirm-email.register"));
        again.setId("register-again");
        again.getElement().setAttribute("router-ignore", true); // a fresh form, not this page's state
        VerticalLayout layout = new VerticalLayout(title, sent, notReceived, resend, resent, typo, again);
        layout.setPadding(false);
        return layout;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.title") + " · " + getTranslation("app.short-title");
    }
}
