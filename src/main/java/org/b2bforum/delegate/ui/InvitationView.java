package org.b2bforum.delegate.ui;

import org.b2bforum.base.ui.ComponentTexts;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ClientAddress;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.LoginThrottle;
import org.b2bforum.base.security.Passwords;
import org.b2bforum.base.ui.LanguageSwitch;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.base.ui.ScreenReaderRegion;
import org.b2bforum.delegate.DelegateInvitationService;
import org.b2bforum.delegate.Invitation;
import org.b2bforum.delegate.InvitationRefusedException;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The page an invitation link opens, for anyone who has the link: the delegate sets a password
 * and gets their log-in. A used, expired or unknown link says so, and nothing about anyone.
 */
@Route(value = "invitation/:token", autoLayout = false)
@AnonymousAllowed
class InvitationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H1 title = new H1();
    final Paragraph message = new Paragraph();
    final TextField login = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField confirmation = new PasswordField();
    final Button create = new Button();

    /** Where a delegate goes once logged in: their badge and personal schedule. */
    static final String MY_BADGE = "my-badge";

    private final DelegateInvitationService invitations;
    private final ForumTime forumTime;
    private final CurrentUser currentUser;
    private final LoginThrottle loginRecords;
    private final AccountService accounts;
    private String token;

    InvitationView(DelegateInvitationService invitations, ForumTime forumTime, CurrentUser currentUser,
            AccountService accounts, LoginThrottle loginRecords) {
        this.invitations = invitations;
        this.forumTime = forumTime;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.loginRecords = loginRecords;
        addClassName("page");
        addClassName("invitation-view");
        setMaxWidth("36rem");
        title.setId("invitation-title");
        message.setId("invitation-message");

        login.setId("invitation-login");
        login.setLabel(getTranslation("invitation.login"));
        login.setReadOnly(true);
        login.setWidthFull();
        password.setId("invitation-password");
        ComponentTexts.revealButtons(password, confirmation);
        password.setLabel(getTranslation("invitation.password"));
        password.setHelperText(getTranslation("invitation.password.hint", Passwords.MIN_LENGTH));
        password.setWidthFull();
        confirmation.setId("invitation-confirmation");
        confirmation.setLabel(getTranslation("invitation.confirmation"));
        confirmation.setWidthFull();
        create.setId("invitation-accept");
        create.setText(getTranslation("invitation.accept"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(e -> accept());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        Invitation invitation = invitations.invitation(token);
        removeAll();
        add(new LanguageSwitch(), title, message);
        if (invitation.state() != Invitation.State.VALID) {
            showState(invitation.state());
            return;
        }
        title.setText(getTranslation("invitation.title", invitation.delegateName()));
        message.setText(getTranslation("invitation.text", invitation.companyName(),
                forumTime.format(invitation.expiresAt(), getLocale())));
        login.setValue(invitation.email());
        add(login, password, confirmation, create);
    }

    void accept() {
        password.setInvalid(false);
        confirmation.setInvalid(false);
        long accountId;
        try {
            accountId = invitations.accept(token, password.getValue(), confirmation.getValue());
        } catch (InvitationRefusedException e) {
            if (DelegateInvitationService.TOO_MANY.equals(e.key())) { // the link still works: the form stays
                Notices.error(getTranslation(e.key()));
            } else if ("password".equals(e.field())) {
                password.setErrorMessage(getTranslation(e.key(), Passwords.messageArguments(e.key())));
                password.setInvalid(true);
            } else if ("confirmation".equals(e.field())) {
                confirmation.setErrorMessage(getTranslation(e.key()));
                confirmation.setInvalid(true);
            } else {
                removeAll();
                add(new LanguageSwitch(), title, message);
                if (e.key().startsWith("invitation.state.")) {
                    showState(Invitation.State.valueOf(e.key().substring("invitation.state.".length())));
                } else {
                    title.setText(getTranslation("invitation.refused"));
                    message.setText(getTranslation(e.key()));
                }
            }
            return;
        }
        removeAll();
        title.setText(getTranslation("invitation.done.title"));
        if (currentUser.logInNewAccount(accounts, accountId)) {
            // in the organizers' log-in records as a log-in by the form is (it was missing there, ux53)
            loginRecords.loginSucceeded(currentUser.require().email(), ClientAddress.current());
            // logged in: on to their badge and schedule, a page loaded afresh in the new session
            message.setText(getTranslation("invitation.done.logged-in"));
            add(new LanguageSwitch(), title, message);
            ScreenReaderRegion.replaceLastAnnouncement(this, title.getText());
            getUI().ifPresent(ui -> ui.getPage().setLocation(MY_BADGE));
            return;
        }
        message.setText(getTranslation("invitation.done.text", login.getValue()));
        Anchor logIn = new Anchor("login", getTranslation("invitation.done.login"));
        logIn.setId("invitation-login-link");
        add(new LanguageSwitch(), title, message, logIn);
        // the form is gone: the focus goes on to the log-in, and the screen reader's region no longer holds the last
        // refusal ("Пароль должен быть не короче 10 символов") under "Вход создан" (ux47)
        logIn.focus();
        ScreenReaderRegion.replaceLastAnnouncement(this, title.getText());
    }

    private void showState(Invitation.State state) {
        title.setText(getTranslation("invitation.state." + state.name() + ".title"));
        message.setText(getTranslation("invitation.state." + state.name()));
        Anchor logIn = new Anchor("login", getTranslation("invitation.done.login"));
        logIn.setId("invitation-login-link");
        add(logIn);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitation.page-title") + " · " + getTranslation("app.short-title");
    }
}
