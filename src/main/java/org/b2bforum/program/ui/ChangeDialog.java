package org.b2bforum.program.ui;

import java.util.ArrayList;
import java.util.List;

import org.b2bforum.base.ui.FieldErrors;
import org.b2bforum.program.InvalidProgramException;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Changes the names of one row of the program (a session, a program item): a hint on what stays, its text fields,
 * Cancel and Save. A value the service refuses keeps the dialog open with the message at its field, and nothing
 * is stored; saved, the dialog closes.
 */
final class ChangeDialog extends Dialog {

    final Button save = new Button();
    private final FieldErrors errors = new FieldErrors(this);
    private final VerticalLayout body = new VerticalLayout();
    private final List<TextField> required = new ArrayList<>();

    ChangeDialog(String id, String title, String hint) {
        super(title);
        setId(id);
        setWidth("34em");
        setMaxWidth("100%");
        body.setPadding(false);
        Paragraph note = new Paragraph(hint);
        note.addClassName("change-dialog-hint");
        body.add(note);
        add(body);
        save.setText(getTranslation("action.save"));
        save.setId(id + "-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    /**
     * A text field of the dialog holding {@code value}: a required Russian one, or an optional English one (with
     * the helper saying what an empty one means).
     */
    TextField field(String id, String labelKey, int maxLength, String value, boolean isRequired) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setMaxLength(maxLength);
        field.setValue(value == null ? "" : value);
        field.setWidthFull();
        if (isRequired) {
            field.setRequiredIndicatorVisible(true);
            required.add(field);
        } else {
            field.setHelperText(getTranslation("program.field.name-en.helper"));
        }
        errors.validating(field);
        body.add(field);
        return field;
    }

    /** The pencil button of a grid row that opens its change dialog: its icon only, named by tooltip and label. */
    static Button rowButton(String label, String className, Runnable open) {
        Button change = new Button(VaadinIcon.EDIT.create(), e -> open.run());
        change.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        change.addClassName(className);
        change.setTooltipText(label);
        change.getElement().setAttribute("aria-label", label);
        return change;
    }

    /** The bin button of a grid row that asks before it removes the row: its icon only, named by tooltip and label. */
    static Button removeButton(String label, String className, Runnable ask) {
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> ask.run());
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR, ButtonVariant.SMALL);
        remove.addClassName(className);
        remove.setTooltipText(label);
        remove.getElement().setAttribute("aria-label", label);
        return remove;
    }

    /** Asks before a row of the program is removed: Cancel, or the red {@code confirmText} that runs {@code remove}. */
    static void confirmRemoval(String id, String header, String text, String confirmText, Runnable remove) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId(id);
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(confirm.getTranslation("action.cancel"));
        confirm.setConfirmText(confirmText);
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> remove.run());
        confirm.open();
    }

    /**
     * A grid row's buttons side by side in one narrow column (forum.css: little padding), so that a row of the
     * sessions or program items still fits the page at 1280 px beside the menu.
     */
    static Div rowActions(Button... buttons) {
        Div actions = new Div(buttons);
        actions.addClassName("row-actions");
        return actions;
    }

    /** Shows a refusal with {@code key} at {@code field}. */
    ChangeDialog on(String key, HasValidation field) {
        errors.on(key, field);
        return this;
    }

    /** Opens the dialog; Save runs {@code change} once the required fields are filled, and closes it unless refused. */
    void open(Runnable change) {
        save.addClickListener(e -> {
            errors.clear();
            if (!errors.required(required.toArray(HasValue<?, ?>[]::new))) {
                return;
            }
            try {
                change.run();
                close();
            } catch (InvalidProgramException ex) {
                errors.show(ex.key());
            }
        });
        open();
        required.getFirst().focus();
    }
}
