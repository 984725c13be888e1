package org.b2bforum.base.ui;

import java.time.Duration;
import java.time.Instant;

import org.b2bforum.base.security.LoginGuard;
import org.b2bforum.base.security.LoginThrottle;
import org.springframework.beans.factory.annotation.Value;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm login = new LoginForm();
    /** The texts the form shows (LoginForm does not hand them out). */
    LoginI18n texts;

    LoginView(@Value("${b2bforum.demo.enabled:false}") boolean demoMode) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        login.setAction("login");
        login.setForgotPasswordButtonVisible(true);
        login.addForgotPasswordListener(e -> login.getUI().ifPresent(ui -> ui.navigate("forgot-password")));
        showTexts(i18n(null));
        ComponentTexts.revealButton(login);

        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("login-title");
        Paragraph subtitle = new Paragraph(getTranslation("app.subtitle"));
        subtitle.addClassName("login-subtitle");
        Anchor register = new Anchor("register", getTranslation("login.register"));
        register.setId("register-link");
        add(new LanguageSwitch(), title, subtitle, login, register);
        if (demoMode) {
            Paragraph demo = new Paragraph(getTranslation("login.demo-hint"));
            demo.addClassName("demo-hint");
            add(demo);
        }
    }

    private void showTexts(LoginI18n i18n) {
        texts = i18n;
        login.setI18n(i18n);
    }

    /** The form's texts; with the minutes to wait when log-ins are locked, else null. */
    private LoginI18n i18n(String lockedMinutes) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.email"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        form.setForgotPassword(getTranslation("login.forgot-password"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        if (lockedMinutes == null) {
            error.setTitle(getTranslation("login.error.title"));
            error.setMessage(getTranslation("login.error.message"));
        } else {
            // The same for every e-mail typed, existing or not: a lock tells nothing about accounts.
            error.setTitle(getTranslation("login.locked.title"));
            error.setMessage(getTranslation("login.locked.message", lockedMinutes));
        }
        error.setUsername(getTranslation("validation.required"));
        error.setPassword(getTranslation("validation.required"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        String locked = parameters.containsKey("locked") ? lockedMinutes() : null;
        boolean unavailable = parameters.containsKey("unavailable");
        if (locked != null) {
            showTexts(i18n(locked));
        } else if (unavailable) { // the database could not be reached, see UnavailableAwareLoginFailureHandler
            LoginI18n i18n = i18n(null);
            i18n.getErrorMessage().setTitle(getTranslation("unavailable.title"));
            i18n.getErrorMessage().setMessage(getTranslation("unavailable.message"));
            showTexts(i18n);
        }
        boolean failed = locked != null || unavailable || parameters.containsKey("error");
        login.setError(failed);
        if (failed) {
            showTypedEmail();
        }
    }

    /**
     * The minutes left of the lock this browser was refused by, from its session (the address's number is only what the
     * redirect said then, and anyone could put another into a link); null when there is none or it has ended.
     */
    private static String lockedMinutes() {
        WrappedSession session = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getSession();
        Object until = session == null ? null : session.getAttribute(LoginGuard.LOCKED_UNTIL);
        if (until instanceof Instant end && end.isAfter(Instant.now())) {
            return Long.toString(LoginThrottle.minutes(Duration.between(Instant.now(), end)));
        }
        return null;
    }

    /**
     * The e-mail typed at the failed log-in, in the field again (the form's page is loaded afresh after each try, and
     * at the venue retyping a long address on a phone is what people then give up at); the password stays empty.
     */
    private void showTypedEmail() {
        WrappedSession session = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getSession();
        Object typed = session == null ? null : session.getAttribute(LoginGuard.TYPED_EMAIL);
        if (typed instanceof String email) {
            login.getElement().executeJs("""
                    customElements.whenDefined('vaadin-login-form').then(() => requestAnimationFrame(() => {
                      const field = this.querySelector('#vaadinLoginUsername');
                      if (field && !field.value) { field.value = $0; this.querySelector('#vaadinLoginPassword')?.focus(); }
                    }))""", email);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.short-title");
    }
}
