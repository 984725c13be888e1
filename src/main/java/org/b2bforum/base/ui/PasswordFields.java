package org.b2bforum.base.ui;

import org.b2bforum.base.security.AccountRefusedException;
import org.b2bforum.base.security.Passwords;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;

/** A new password and its repetition, with the registration's rules as a hint and refusals shown at the fields. */
class PasswordFields extends Composite<VerticalLayout> {

    final PasswordField newPassword = new PasswordField();
    final PasswordField confirmation = new PasswordField();

    PasswordFields(String idPrefix) {
        newPassword.setId(idPrefix + "-new-password");
        newPassword.setLabel(getTranslation("reset.new-password"));
        newPassword.setHelperText(getTranslation("reset.password-helper", Passwords.MIN_LENGTH));
        newPassword.setMaxLength(Passwords.MAX_LENGTH);
        confirmation.setId(idPrefix + "-confirmation");
        confirmation.setLabel(getTranslation("reset.confirmation"));
        confirmation.setMaxLength(Passwords.MAX_LENGTH);
        for (PasswordField field : new PasswordField[] {newPassword, confirmation}) {
            field.setWidthFull();
            field.setManualValidation(true);
        }
        ComponentTexts.revealButtons(newPassword, confirmation);
        getContent().setPadding(false);
        getContent().add(newPassword, confirmation);
    }

    void clearErrors() {
        newPassword.setInvalid(false);
        confirmation.setInvalid(false);
    }

    /** Shows the refusal at its field; false when it is about neither password field. */
    boolean show(AccountRefusedException refused) {
        HasValidation field = switch (refused.field()) {
            case "newPassword" -> newPassword;
            case "confirmation" -> confirmation;
            default -> null;
        };
        if (field == null) {
            return false;
        }
        field.setErrorMessage(getTranslation(refused.messageKey(), Passwords.messageArguments(refused.messageKey())));
        field.setInvalid(true);
        return true;
    }
}
