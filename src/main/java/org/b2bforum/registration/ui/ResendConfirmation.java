package org.b2bforum.registration.ui;

import org.b2bforum.base.security.EmailConfirmationService;
import org.b2bforum.base.security.LoginThrottle;
import org.b2bforum.base.ui.ScreenReaderRegion;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * "Send the link again" for a log-in e-mail awaiting confirmation, and what came of it beneath: on the page after "Send"
 * and on the company's home (a link gone to spam after that page was closed, review70). Throttled by
 * {@link EmailConfirmationService#resend}.
 */
class ResendConfirmation extends Div {

    ResendConfirmation(EmailConfirmationService confirmations, String email) {
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
        add(resend, resent);
    }
}
