package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.LoginGuard;
import org.b2bforum.base.security.Passwords;
import org.b2bforum.base.security.AccountSummary;
import org.b2bforum.base.security.PasswordResetService;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithAnonymousUser;

import com.vaadin.browserless.internal.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.UIInternals.JavaScriptInvocation;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;

/** The log-in page's lock message and the account screens, in the browserless UI. */
@ForumSpringTest
@WithAnonymousUser
class AccountViewsTest extends ForumBrowserlessTest {

    @Autowired
    AccountService accounts;
    @Autowired
    RegistrationService registrations;
    @Autowired
    PasswordResetService resets;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    JdbcTemplate jdbc;

    private LoginView logInPage(QueryParameters parameters) {
        UI.getCurrent().navigate(LoginView.class, parameters);
        return (LoginView) getCurrentView();
    }

    private String company() {
        RegistrationForm form = TestData.registrationForm();
        registrations.register(form);
        return form.getLoginEmail();
    }

    @Test
    void a_locked_log_in_is_told_how_long_to_wait_and_a_forgotten_password_can_be_reset() {
        VaadinSession.getCurrent().getSession().setAttribute(LoginGuard.LOCKED_UNTIL,
                Instant.now().plus(Duration.ofSeconds(150)));
        LoginView view = logInPage(QueryParameters.of("locked", "1"));

        assertThat(view.login.isError()).isTrue();
        assertThat(view.texts.getErrorMessage().getTitle()).isEqualTo("Слишком много неудачных попыток");
        assertThat(view.texts.getErrorMessage().getMessage()).contains("через 3 мин.")
                .doesNotContain("учётная запись не найдена");
        assertThat(view.login.isForgotPasswordButtonVisible()).isTrue();
        assertThat(view.texts.getForm().getForgotPassword()).isEqualTo("Забыли пароль?");
    }

    @Test
    void the_minutes_to_wait_come_from_the_lock_not_from_the_address() {
        LoginView spoofed = logInPage(QueryParameters.of("locked", "9999"));

        assertThat(spoofed.login.isError()).as("no lock in this session: a link cannot say there is one").isFalse();
        assertThat(spoofed.texts.getErrorMessage().getMessage()).doesNotContain("9999");

        VaadinSession.getCurrent().getSession().setAttribute(LoginGuard.LOCKED_UNTIL,
                Instant.now().minus(Duration.ofSeconds(1)));
        assertThat(logInPage(QueryParameters.of("locked", "1")).login.isError()).as("the lock has ended").isFalse();
    }

    @Test
    void a_plain_failure_keeps_the_usual_message() {
        LoginView view = logInPage(QueryParameters.of("error", ""));

        assertThat(view.login.isError()).isTrue();
        assertThat(view.texts.getErrorMessage().getTitle()).isEqualTo("Не удалось войти");
    }

    /**
     * Without a mail server no link can be e-mailed: the page says the forum office gives it and takes no e-mail (until
     * ops52 it took one and said a message was on its way, and the owner waited for nothing).
     */
    @Test
    void without_a_mail_server_the_forgot_password_page_sends_its_visitor_to_the_forum_office() {
        ForgotPasswordView view = navigate(ForgotPasswordView.class);

        assertThat(view.email.isVisible()).isFalse();
        assertThat(view.submit.isVisible()).isFalse();
        assertThat($(Paragraph.class).id("forgot-intro").getText())
                .startsWith("Этот сервер форума не отправляет писем, поэтому ссылку для нового пароля выдаёт оргкомитет");
    }

    @Test
    void the_forgot_password_page_answers_the_same_for_an_unknown_e_mail() {
        ForgotPasswordView view = navigate(ForgotPasswordView.class);
        // as with a mail server: nothing is sent to an address without an account (until mend52a a sender was put
        // into the context, which every test class running at once shares)
        view.offerForm(true);
        assertThat(view.email.isVisible()).isTrue();

        scriptsSinceLastLook();
        view.submit.click(); // on the server, without the browserless round trip that drops the scripts for the browser
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(focuses(scriptsSinceLastLook(), view.email)).as("the focus goes to the field with its message").isTrue();

        test(view.email).setValue(TestData.uniqueEmail("nobody"));
        test(view.submit).click();

        assertThat(view.answer.isVisible()).isTrue();
        assertThat(view.answer.getText()).startsWith("Если учётная запись с этим адресом есть");
    }

    @Test
    void changing_a_password_shows_each_refusal_next_to_its_field_and_then_succeeds() {
        String email = company();
        TestData.logInAs(accounts, email);
        ChangePasswordView view = navigate(ChangePasswordView.class);

        test(view.submit).click();
        assertThat(view.current.getErrorMessage()).as("empty, not wrong").isEqualTo("Заполните это поле");
        assertThat(view.passwords.newPassword.isInvalid()).isTrue();
        assertThat(view.passwords.newPassword.getErrorMessage()).isEqualTo("Заполните это поле");

        test(view.current).setValue("not-my-password-1");
        test(view.passwords.newPassword).setValue("Novyi-Parol-2026");
        test(view.passwords.confirmation).setValue("Novyi-Parol-2026");
        test(view.submit).click();
        assertThat(view.current.getErrorMessage()).isEqualTo("Текущий пароль указан неверно");
        assertThat(view.passwords.newPassword.isInvalid()).isFalse();

        test(view.current).setValue(TestData.COMPANY_PASSWORD);
        test(view.passwords.newPassword).setValue("короткий1");
        test(view.submit).click();
        assertThat(view.current.isInvalid()).isFalse();
        assertThat(view.passwords.newPassword.getErrorMessage()).isEqualTo("Пароль слишком короткий: его длина должна быть не меньше 10");

        test(view.passwords.newPassword).setValue("Novyi-Parol-2026");
        fireShortcut(Key.ENTER); // on the page's frame (the menu, the header): theirs, no submit
        assertThat(view.passwords.newPassword.isInvalid()).isTrue();
        // Enter in the last field (its keydown reaches the form) submits, as on the reset and invitation pages
        ShortcutsKt._fireShortcut(view, Key.ENTER);
        assertThat(view.passwords.newPassword.isInvalid()).isFalse();
        assertThat(view.current.getValue()).isEmpty();
        assertThat(passwordEncoder.matches("Novyi-Parol-2026", accounts.loadUserByUsername(email).getPassword()))
                .isTrue();
    }

    /** The least length is Passwords.MIN_LENGTH's, not a figure written into the texts (as the reset page's was). */
    @Test
    void the_password_texts_take_the_least_length_from_the_rule() {
        ForgotPasswordView view = navigate(ForgotPasswordView.class);
        for (Locale language : List.of(Languages.RUSSIAN, Languages.ENGLISH)) {
            for (String key : List.of("field.password.helper", "invitation.password.hint", "reset.password-helper",
                    Passwords.TOO_SHORT)) {
                assertThat(view.getTranslation(language, key, 99)).as(key).contains("99").doesNotContain("10");
            }
        }
        assertThat(view.getTranslation(Passwords.TOO_SHORT, Passwords.messageArguments(Passwords.TOO_SHORT)))
                .isEqualTo("Пароль слишком короткий: его длина должна быть не меньше " + Passwords.MIN_LENGTH);
    }

    @Test
    void a_log_in_record_without_an_e_mail_says_the_typed_text_was_not_kept() {
        String address = "10.17." + TestData.unique();
        jdbc.update("insert into login_attempt (attempted_at, email, address, outcome) values (now(), '', ?, 'FAILURE')",
                address);
        TestData.logInAsOrganizer(accounts);
        LoginRecordsView view = navigate(LoginRecordsView.class);
        test(view.text).setValue(address);

        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("(не адрес почты: не сохраняется)");
        // e-mails and addresses break anywhere, as every wrapped grid's long words do (forum.css): a width from the
        // lazy grid's first rows cut later ones
        assertThat(view.grid.getThemeNames()).contains(GridVariant.WRAP_CELL_CONTENT.getVariantName());
    }

    @Test
    void a_record_of_refused_log_ins_shows_how_many_it_stands_for() {
        String address = "10.18." + TestData.unique();
        jdbc.update("insert into login_attempt (attempted_at, email, address, outcome, refused) "
                + "values (now(), '', ?, 'LOCKED', 7)", address);
        TestData.logInAsOrganizer(accounts);
        LoginRecordsView view = navigate(LoginRecordsView.class);
        test(view.text).setValue(address);

        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("Отклонено: слишком много попыток");
        assertThat(test(view.grid).getCellText(0, 4)).isEqualTo("7");
    }

    /** The first row's Disable / Enable button (the grid's cells are not in the component tree). */
    private Button toggle(AccountsView view) {
        return (Button) test(view.grid).getCellComponent(0, 1).getChildren().findFirst().orElseThrow();
    }

    @Test
    void an_organizer_disables_a_log_in_and_issues_a_reset_link_that_opens_the_reset_page() {
        String email = company();
        TestData.logInAsOrganizer(accounts);
        AccountsView view = navigate(AccountsView.class);
        test(view.text).setValue(email);
        AccountSummary account = view.grid.getGenericDataView().getItems().findFirst().orElseThrow();
        assertThat(account.email()).isEqualTo(email);
        // at 390 px five columns put the role and the buttons off-screen (ux59): the account in one column, the
        // buttons in the other, narrow enough for a phone
        assertThat(view.grid.getColumns()).hasSize(2);
        assertThat(view.grid.getColumns().getLast().getWidth()).isEqualTo("11rem");
        assertThat(test(view.grid).getCellComponent(0, 0).getElement().getTextRecursively()).startsWith(email)
                .contains("Компания · Создан ");
        assertThat(test(view.grid).getCellComponent(0, 1).getChildren().toList().getLast().hasClassName("account-reset"))
                .as("\"Ссылка для смены пароля\" wraps in the 11 rem column (forum.css), not cut at its edge").isTrue();

        // switching off asks first (it ends the account's sessions at once); Cancel keeps it on
        test(toggle(view)).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).id("confirm-disable-log-in");
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Отключить вход " + email + "?");
        test(confirm).cancel();
        assertThat(accounts.loadUserByUsername(email).isEnabled()).as("cancelled").isTrue();
        test(toggle(view)).click();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(accounts.loadUserByUsername(email).isEnabled()).isFalse();
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo("Вход " + email + " отключён, открытые сеансы завершены");
        view.setEnabled(account, true);

        view.showResetLink(account);
        // in a read-only field with "Copy": as plain text the long token ran past the dialog's edge on a phone (ux47)
        String link = $(TextField.class).id("accounts-reset-link").getValue();
        assertThat(link).contains("/reset-password/");
        assertThat($(Button.class).id("accounts-reset-link-copy").getText()).isEqualTo("Копировать");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(resets.isUsable(token)).isTrue();

        TestData.logOut();
        ResetPasswordView reset = navigate("reset-password/" + token, ResetPasswordView.class);
        test(reset.passwords.newPassword).setValue("Novyi-Parol-2026");
        test(reset.passwords.confirmation).setValue("Drugoi-Parol-2026");
        test(reset.submit).click();
        assertThat(reset.passwords.confirmation.getErrorMessage()).isEqualTo("Пароли не совпадают");

        test(reset.passwords.confirmation).setValue("Novyi-Parol-2026");
        scriptsSinceLastLook();
        reset.submit.click(); // on the server, without the browserless round trip that drops the scripts for the browser
        assertThat(reset.message.getText()).isEqualTo("Пароль изменён. Войдите с новым паролем.");
        // the form is gone: the focus was left on nothing, and the screen reader's region said "Пароли не совпадают"
        List<JavaScriptInvocation> scripts = scriptsSinceLastLook();
        assertThat(focuses(scripts, $(Anchor.class).id("reset-login-link"))).as("the focus goes to the log-in link")
                .isTrue();
        assertThat(announced(scripts)).containsExactly("Пароль изменён. Войдите с новым паролем.");
        assertThat(resets.isUsable(token)).isFalse();
        assertThat(find(Anchor.class).withId("reset-ask-again").exists()).as("the link still works").isFalse();

        reset = navigate("reset-password/" + token, ResetPasswordView.class);
        assertThat(reset.message.getText()).startsWith("Ссылка недействительна");
        Anchor again = find(Anchor.class).withId("reset-ask-again").single();
        assertThat(again.getHref()).isEqualTo("forgot-password");
        assertThat(again.getText()).isEqualTo("Запросить новую ссылку");
    }

    @Test
    void an_organizer_finds_a_log_in_by_its_company_and_sees_the_company_on_its_row() {
        RegistrationForm form = TestData.registrationForm();
        registrations.register(form);
        TestData.logInAsOrganizer(accounts);
        AccountsView view = navigate(AccountsView.class);
        assertThat(view.text.getLabel()).isEqualTo("Почта, имя или компания");

        // whoever calls the office names the company more often than the log-in's e-mail: part of it, any case
        // a delegate's log-in too, whose company is its delegate's
        Long delegateId = jdbc.queryForObject("select min(d.id) from delegate d join app_user u "
                + "on u.company_id = d.company_id where u.email = ?", Long.class, form.getLoginEmail());
        String delegateEmail = "delegate-" + TestData.unique() + "@example.org";
        accounts.createDelegateAccount(delegateEmail, "Parol-Delegata-2026", "Делегат Проверочный", delegateId);
        test(view.text).setValue(form.getShortName().substring(1).toUpperCase(Locale.ROOT));

        List<AccountSummary> found = view.grid.getGenericDataView().getItems().toList();
        assertThat(found).extracting(AccountSummary::email).containsExactly(form.getLoginEmail(), delegateEmail);
        assertThat(found).extracting(AccountSummary::company).containsOnly(form.getShortName());
        assertThat(test(view.grid).getCellComponent(0, 0).getElement().getTextRecursively())
                .contains(", «" + form.getShortName() + "»");
        assertThat(accounts.countAccounts(form.getShortName(), null)).isEqualTo(2);
    }

    @Test
    void a_reset_link_for_a_log_in_switched_off_meanwhile_is_refused_in_words() {
        String email = company();
        TestData.logInAsOrganizer(accounts);
        AccountsView view = navigate(AccountsView.class);
        test(view.text).setValue(email);
        AccountSummary shown = view.grid.getGenericDataView().getItems().findFirst().orElseThrow();
        accounts.setEnabled(shown.id(), false); // by another organizer, while this list was open

        view.showResetLink(shown);

        assertThat(find(TextField.class).withId("accounts-reset-link").exists()).isFalse();
        assertThat(test(find(com.vaadin.flow.component.notification.Notification.class).single()).getText())
                .isEqualTo("Эта учётная запись отключена: сначала включите её");
    }

    @Test
    void a_used_or_unknown_reset_link_says_so() {
        ResetPasswordView reset = navigate("reset-password/not-a-real-token", ResetPasswordView.class);

        assertThat(reset.message.getText()).startsWith("Ссылка недействительна");
        assertThat(reset.submit.isAttached()).isFalse();
    }
}
