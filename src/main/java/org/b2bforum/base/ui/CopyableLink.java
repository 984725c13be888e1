package org.b2bforum.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A link to pass on, in a read-only field with "Copy" beside it. A long token in plain text does not wrap and ran
 * past a phone's dialog (the organizers' reset link at 390 px, ux47); a field keeps it inside and can be copied.
 */
public class CopyableLink extends HorizontalLayout {

    public final TextField field = new TextField();
    public final Button copy = new Button();

    /** The field and its button get {@code id} and {@code id + "-copy"}. */
    public CopyableLink(String id, String label, String link) {
        field.setId(id);
        field.setLabel(label);
        field.setReadOnly(true);
        field.setValue(link);
        copy.setId(id + "-copy");
        copy.setText(getTranslation("link.copy"));
        copy.setIcon(VaadinIcon.COPY.create());
        copy.addClickListener(e -> {
            copy.getElement().executeJs("return navigator.clipboard && navigator.clipboard.writeText($0)",
                    field.getValue());
            Notification.show(getTranslation("link.copied"), 3000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.SUCCESS);
        });
        add(field, copy);
        setWidthFull();
        setWrap(true);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        // the field takes the line's room beside "Copy" (at its full width it pushed "Copy" onto a line of its own even
        // at 1280 px, ux49), and "Copy" goes under it only where 12em and the button do not fit
        expand(field);
        field.setMinWidth("12em");
    }
}
