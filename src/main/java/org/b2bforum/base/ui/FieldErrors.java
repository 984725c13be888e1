package org.b2bforum.base.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.timepicker.TimePicker;

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

    /**
     * Marks the empty (or blank) fields as required; true when all are filled. A date or time picker whose input holds
     * text it could not read (9/18/2207 where the picker reads day first) is empty too, but "Fill in this field" next
     * to what was typed read as a fault (ux90): it says how to type the date or the time instead.
     */
    public boolean required(HasValue<?, ?>... required) {
        boolean filled = true;
        for (HasValue<?, ?> field : required) {
            Object value = field.getValue();
            if (field.isEmpty() || value instanceof String text && text.isBlank()) {
                mark((HasValidation) field, emptyKey(field));
                filled = false;
            }
        }
        return filled;
    }

    /** The picker keeps the text it could not read in this element property (Vaadin 25's isInputValuePresent()). */
    private static String emptyKey(HasValue<?, ?> field) {
        if (field instanceof Component picker && (field instanceof DatePicker || field instanceof TimePicker)
                && !picker.getElement().getProperty("_inputElementValue", "").isBlank()) {
            return field instanceof DatePicker ? "validation.date-unreadable" : "validation.time-unreadable";
        }
        return "validation.required";
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
