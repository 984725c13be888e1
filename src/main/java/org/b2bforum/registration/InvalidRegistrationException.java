package org.b2bforum.registration;

import java.util.List;

/** The form was refused; nothing was saved. Carries a message for each field at fault. */
public class InvalidRegistrationException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidRegistrationException(List<FieldError> errors) {
        super("Invalid registration: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
