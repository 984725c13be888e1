package org.b2bforum.base.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;

/**
 * The errors of one form: a required field left empty, or a service's translation key shown next
 * to the field it concerns (or, for a key no field is registered for, as an error notification).
 */
public final class FieldErrors {

    private final Component owner;
    private final Map<String, HasValidation> fieldsByKey = new HashMap<>();
    private final List<HasValidation> fields = new ArrayList<>();

    public FieldErrors(Component owner) {
        this.owner = owner;
    }

    /**
     * The form's fields: their invalid state is this class's alone, so that clearing a required
     * field after saving does not mark it red.
     */
    public FieldErrors validating(HasValidation... formFields) {
        for (HasValidation field : formFields) {
            field.setManualValidation(true);
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        return this;
    }

    /** Shows errors with this key at this field. */
    public FieldErrors on(String key, HasValidation field) {
        fieldsByKey.put(key, field);
        return this;
    }

    public void clear() {
        fields.forEach(field -> field.setInvalid(false));
    }

    /** Marks the empty (or blank) fields as required; true when all are filled. */
    public boolean required(HasValue<?, ?>... required) {
        boolean filled = true;
        for (HasValue<?, ?> field : required) {
            Object value = field.getValue();
            if (field.isEmpty() || value instanceof String text && text.isBlank()) {
                mark((HasValidation) field, "validation.required");
                filled = false;
            }
        }
        return filled;
    }

    /** The message of {@code key}, with its parameters, at its field, or as an error notice when it has none. */
    public void show(String key, Object... params) {
        HasValidation field = fieldsByKey.get(key);
        if (field == null) {
            Notices.error(owner.getTranslation(key, params));
        } else {
            mark(field, key, params);
        }
    }

    private void mark(HasValidation field, String key, Object... params) {
        if (!fields.contains(field)) {
            fields.add(field);
        }
        field.setErrorMessage(owner.getTranslation(key, params));
        field.setInvalid(true);
    }
}
