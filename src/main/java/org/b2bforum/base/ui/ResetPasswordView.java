package org.b2bforum.base.ui;

import org.b2bforum.base.security.AccountRefusedException;
import org.b2bforum.base.security.PasswordResetService;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The page a reset link opens: a new password, once; a used, expired or unknown link says so. */
@Route(value = "reset-password/:token", autoLayout = false)
@AnonymousAllowed
class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final PasswordFields passwords = new PasswordFields("reset");
    final Button submit = new Button();
    final Paragraph message = new Paragraph();

    private final PasswordResetService resets;
    private String token;

    ResetPasswordView(PasswordResetService resets) {
        this.resets = resets;
        addClassName("page");
        addClassName("account-form-view");
        setMaxWidth("36rem");
        message.setId("reset-message");
        submit.setId("reset-submit");
        submit.setText(getTranslation("reset.submit"));
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> submit());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        removeAll();
        add(new LanguageSwitch(), new H1(getTranslation("reset.title")));
        boolean usable;
        try {
            usable = resets.isUsable(token);
        } catch (AccountRefusedException e) { // too many links tried from this address: no word on this one
            showOutcome(e.messageKey());
            return;
        }
        if (usable) {
            add(passwords, submit);
        } else {
            showOutcome("reset.invalid");
            // "ask for a new one": where, one click away
            Anchor again = new Anchor("forgot-password", getTranslation("reset.ask-again"));
            again.setId("reset-ask-again");
            addComponentAtIndex(getComponentCount() - 1, again);
        }
    }

    void submit() {
        passwords.clearErrors();
        try {
            resets.reset(token, passwords.newPassword.getValue(), passwords.confirmation.getValue());
        } catch (AccountRefusedException e) {
            if (PasswordResetService.TOO_MANY.equals(e.messageKey())) { // the link still works: the form stays
                Notices.error(getTranslation(e.messageKey()));
            } else if (!passwords.show(e)) {
                remove(passwords, submit);
                showOutcome(e.messageKey());
            }
            return;
        }
        remove(passwords, submit);
        // the form is gone: the focus goes on to the log-in, and the screen reader's region no longer holds the last
        // refusal ("Пароли не совпадают") under "Пароль изменён" (ux47)
        showOutcome("reset.done").focus();
        ScreenReaderRegion.replaceLastAnnouncement(this, message.getText());
    }

    private Anchor showOutcome(String key) {
        message.setText(getTranslation(key));
        Anchor logIn = new Anchor("login", getTranslation("forgot.back-to-login"));
        logIn.setId("reset-login-link");
        add(message, logIn);
        return logIn;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.title") + " · " + getTranslation("app.short-title");
    }
}
