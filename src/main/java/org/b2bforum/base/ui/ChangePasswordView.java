package org.b2bforum.base.ui;

import org.b2bforum.base.security.AccountRefusedException;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.Passwords;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** Every logged-in user changes their own password here; their other sessions end. */
@Route("change-password")
@Menu(title = "menu.change-password", icon = "KEY", order = 90)
@PermitAll
class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordFields passwords = new PasswordFields("change");
    final Button submit = new Button();

    private final AccountService accounts;

    ChangePasswordView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("page");
        setMaxWidth("36rem");
        current.setId("change-current-password");
        current.setLabel(getTranslation("password.change.current"));
        current.setMaxLength(Passwords.MAX_LENGTH);
        current.setWidthFull();
        current.setManualValidation(true);
        ComponentTexts.revealButtons(current);
        submit.setId("change-submit");
        submit.setText(getTranslation("password.change.submit"));
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        // as on the reset and invitation pages; within the form: Enter on the menu or the header stays theirs
        submit.addClickShortcut(Key.ENTER).listenOn(this);
        submit.addClickListener(e -> submit());
        add(new H1(getTranslation("password.change.title")), current, passwords, submit);
    }

    void submit() {
        current.setInvalid(false);
        passwords.clearErrors();
        // an empty field is not a wrong password: say what is missing instead of "the current password is wrong"
        boolean missing = required(current) | required(passwords.newPassword);
        if (missing) {
            return;
        }
        try {
            accounts.changePassword(current.getValue(), passwords.newPassword.getValue(),
                    passwords.confirmation.getValue());
        } catch (AccountRefusedException e) {
            if (!passwords.show(e)) {
                current.setErrorMessage(getTranslation(e.messageKey()));
                current.setInvalid(true);
            }
            return;
        }
        current.clear();
        passwords.newPassword.clear();
        passwords.confirmation.clear();
        Notices.success(getTranslation("password.change.done"));
    }

    private boolean required(PasswordField field) {
        if (!field.getValue().isEmpty()) {
            return false;
        }
        field.setErrorMessage(getTranslation("validation.required"));
        field.setInvalid(true);
        return true;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.change.title") + " · " + getTranslation("app.short-title");
    }
}
