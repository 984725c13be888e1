package org.b2bforum.base.ui;

import java.time.Duration;
import java.util.Optional;

import org.b2bforum.base.mail.BilingualMail;
import org.b2bforum.base.security.LoginThrottle;
import org.b2bforum.base.security.PasswordResetService;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * "Forgot password?": asks for the log-in e-mail and answers the same whether the account exists or not. On an
 * installation without a mail server no link can be e-mailed: the page says that the forum office gives the link, with
 * no form (until ops52 it took the e-mail and said a message was on its way, and the owner waited for nothing).
 */
@Route(value = "forgot-password", autoLayout = false)
@AnonymousAllowed
class ForgotPasswordView extends VerticalLayout implements HasDynamicTitle {

    final EmailField email = new EmailField();
    private final Paragraph intro = new Paragraph();
    final Button submit = new Button();
    final Paragraph answer = new Paragraph();

    private final PasswordResetService resets;

    ForgotPasswordView(PasswordResetService resets, BilingualMail mail) {
        this.resets = resets;
        addClassName("page");
        addClassName("account-form-view");
        setMaxWidth("36rem");
        email.setId("forgot-email");
        email.setLabel(getTranslation("forgot.email"));
        email.setMaxLength(254);
        email.setWidthFull();
        email.setManualValidation(true);
        submit.setId("forgot-submit");
        submit.setText(getTranslation("forgot.submit"));
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> submit());
        answer.setId("forgot-answer");
        answer.setVisible(false);
        Anchor back = new Anchor("login", getTranslation("forgot.back-to-login"));
        back.setId("forgot-back");
        intro.setId("forgot-intro");
        add(new LanguageSwitch(), new H1(getTranslation("forgot.title")), intro, email, submit, answer, back);
        offerForm(mail.canSend());
    }

    /**
     * With a mail server the page takes the e-mail; without one it sends its visitor to the forum office. The tests
     * call it for a page with a mail server, rather than put a mail sender into the context every test class shares.
     */
    void offerForm(boolean mailed) {
        intro.setText(getTranslation(mailed ? "forgot.intro" : "forgot.no-mail"));
        email.setVisible(mailed);
        submit.setVisible(mailed);
    }

    void submit() {
        email.setInvalid(false);
        if (email.getValue().isBlank()) {
            email.setErrorMessage(getTranslation("validation.required"));
            email.setInvalid(true);
            email.focus(); // the message is read with the field, not left behind the button
            return;
        }
        Optional<Duration> wait = resets.requestByEmail(email.getValue());
        answer.setText(wait.map(w -> getTranslation("forgot.too-many", LoginThrottle.minutes(w)))
                .orElseGet(() -> getTranslation("forgot.sent")));
        answer.setVisible(true);
        if (wait.isEmpty()) {
            email.setEnabled(false);
            submit.setEnabled(false);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forgot.title") + " · " + getTranslation("app.short-title");
    }
}
