package org.b2bforum.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
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

    /**
     * The browser's clipboard, else the field's text selected and copied the old way. The clipboard API exists only in
     * a secure context: a forum office reaching its server by plain HTTP on the local network (not {@code localhost})
     * has none, and a browser may refuse it; either way "Link copied" was shown with nothing copied. Answers whether
     * the link is on the clipboard; the field's text stays selected when it is not, for copying by hand.
     */
    private static final String COPY = """
            const byHand = () => {
              const input = $1.inputElement;
              input.focus();
              input.select();
              try { return document.execCommand('copy'); } catch (e) { return false; }
            };
            if (navigator.clipboard && window.isSecureContext) {
              return navigator.clipboard.writeText($0).then(() => true, byHand);
            }
            return byHand();""";

    /** The field and its button get {@code id} and {@code id + "-copy"}. */
    public CopyableLink(String id, String label, String link) {
        field.setId(id);
        field.setLabel(label);
        field.setReadOnly(true);
        field.setValue(link);
        copy.setId(id + "-copy");
        copy.setText(getTranslation("link.copy"));
        copy.setIcon(VaadinIcon.COPY.create());
        copy.addClickListener(e -> copy.getElement().executeJs(COPY, field.getValue(), field.getElement())
                .then(Boolean.class, this::copied, error -> copied(false)));
        add(field, copy);
        setWidthFull();
        setWrap(true);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        // the field takes the line's room beside "Copy" (at its full width it pushed "Copy" onto a line of its own even
        // at 1280 px, ux49), and "Copy" goes under it only where 12em and the button do not fit
        expand(field);
        field.setMinWidth("12em");
    }

    private void copied(Boolean done) {
        if (Boolean.TRUE.equals(done)) {
            Notices.success(getTranslation("link.copied"));
        } else {
            Notices.warning(getTranslation("link.copy-by-hand"));
        }
    }
}
