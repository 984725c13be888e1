package org.b2bforum.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.registration.FieldError;
import org.b2bforum.registration.RegistrationDetails;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.registration.RegistrationValidator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** A visitor registers a company on /register. */
@ForumSpringTest
@WithAnonymousUser
class RegisterViewTest extends ForumBrowserlessTest {

    private static final String REQUIRED = "Заполните это поле";

    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;

    @Test
    void an_empty_application_is_not_sent_and_each_field_says_what_is_missing() {
        long accountsBefore = accounts.count();
        RegisterView view = navigate(RegisterView.class);
        RegistrationFormLayout form = view.form;

        test(view.submit).click();

        for (var field : List.of(form.fullName, form.shortName, form.taxNumber, form.contactPerson, form.email,
                form.phone, form.loginEmail)) {
            assertThat(field.isInvalid()).as(field.getId().orElseThrow()).isTrue();
            assertThat(field.getErrorMessage()).as(field.getId().orElseThrow()).isEqualTo(REQUIRED);
        }
        assertThat(form.city.getErrorMessage()).isEqualTo(REQUIRED);
        assertThat(form.country.getErrorMessage()).isEqualTo(REQUIRED);
        assertThat(form.sectors.getErrorMessage()).isEqualTo("Выберите хотя бы одну отрасль");
        assertThat(form.description.getErrorMessage()).isEqualTo(REQUIRED);
        assertThat(form.password.getErrorMessage()).isEqualTo(REQUIRED);
        assertThat(delegateField("delegates-0-fullName").getErrorMessage()).isEqualTo(REQUIRED);
        assertThat(form.website.isInvalid()).as("the website is optional").isFalse();
        assertThat(form.consentError.isVisible()).isTrue();
        assertThat(form.consentError.getText())
                .isEqualTo("Без согласия на обработку персональных данных мы не можем принять заявку");

        assertThat(find(H1.class).withId("registration-submitted").exists()).isFalse();
        assertThat(view.submit.isEnabled()).isTrue();
        assertThat(accounts.count()).isEqualTo(accountsBefore);
    }

    @Test
    void the_sectors_field_tells_a_screen_reader_in_russian_what_was_chosen() {
        RegistrationFormLayout form = navigate(RegisterView.class).form;

        assertThat(form.sectors.getI18n().getSelected()).isEqualTo("добавлено к выбору");
        assertThat(form.sectors.getI18n().getTotal()).isEqualTo("Выбрано: {count}");
    }

    @Test
    void the_english_intro_asks_for_the_profile_in_russian_and_says_where_the_logo_is_added() {
        UI.getCurrent().setLocale(Languages.ENGLISH);
        RegisterView view = navigate(RegisterView.class);

        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).anySatisfy(intro -> assertThat(intro)
                .contains("in Russian").contains("logo").contains("“" + view.getTranslation("menu.my-profile") + "”"));
        assertThat(view.getTranslation(Languages.RUSSIAN, "register.intro")).contains("на русском языке")
                .contains("логотип").contains("«" + view.getTranslation(Languages.RUSSIAN, "menu.my-profile") + "»");
    }

    @Test
    void a_tax_number_is_checked_against_the_chosen_country() {
        RegistrationForm application = TestData.registrationForm();
        application.setTaxNumber("1234567890");
        RegisterView view = navigate(RegisterView.class);
        RegistrationFormLayout form = view.form;
        fill(form, application);

        test(view.submit).click();

        assertThat(form.taxNumber.isInvalid()).isTrue();
        assertThat(form.taxNumber.getErrorMessage()).isEqualTo("Контрольная цифра ИНН не сходится — проверьте номер");
        assertThat(find(H1.class).withId("registration-submitted").exists()).isFalse();
        assertThat(accounts.isEmailRegistered(application.getLoginEmail())).isFalse();

        // Once the user has tried to send, messages follow the input.
        test(form.country).selectItem("Беларусь");
        assertThat(form.taxNumber.getHelperText()).isEqualTo("УНП: 9 знаков, последний — контрольная цифра");
        assertThat(form.taxNumber.getErrorMessage())
                .isEqualTo("УНП — 9 цифр, у ИП бывает две буквы и 7 цифр (например, MA1953684)");
        test(form.taxNumber).setValue("100325913");
        assertThat(form.taxNumber.isInvalid()).isTrue();
        assertThat(form.taxNumber.getErrorMessage()).isEqualTo("Контрольная цифра УНП не сходится — проверьте номер");
        test(form.taxNumber).setValue(TestData.uniqueUnp());
        assertThat(form.taxNumber.isInvalid()).isFalse();
    }

    @Test
    void a_complete_application_is_sent_and_waits_for_approval() {
        RegistrationForm application = TestData.registrationForm();
        RegisterView view = navigate(RegisterView.class);
        fill(view.form, application);

        test(view.submit).click();

        H1 submitted = find(H1.class).withId("registration-submitted").single();
        assertThat(submitted.getText()).isEqualTo("Заявка отправлена");
        assertThat(find(RegistrationFormLayout.class).exists()).isFalse();

        long companyId = accounts.loadUserByUsername(application.getLoginEmail()).companyId();
        TestData.logInAsOrganizer(accounts);
        RegistrationDetails stored = registrations.details(companyId);
        assertThat(stored.status()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(stored.taxNumber()).isEqualTo(application.getTaxNumber());
        assertThat(stored.shortName()).isEqualTo(application.getShortName());
        assertThat(stored.delegates()).hasSize(application.getDelegates().size());
    }

    /**
     * Vaadin's fields read their errors out through one hidden live region, which keeps the last one: after a
     * corrected password repetition and a successful submit, "Пароли не совпадают" stayed there.
     */
    @Test
    void after_the_application_is_sent_the_screen_readers_region_says_so_not_the_last_error() {
        RegistrationForm application = TestData.registrationForm();
        RegisterView view = navigate(RegisterView.class);
        fill(view.form, application);
        test(view.form.passwordConfirmation).setValue(application.getPassword() + "x");
        test(view.submit).click();
        assertThat(view.form.passwordConfirmation.getErrorMessage()).isEqualTo("Пароли не совпадают");
        test(view.form.passwordConfirmation).setValue(application.getPassword());
        scriptsSinceLastLook();

        // the click on the server, without the browserless round trip that drops the scripts sent to the browser
        view.submit.click();

        assertThat(announced(scriptsSinceLastLook())).containsExactly("Заявка отправлена");
    }

    @Test
    void a_second_application_with_a_registered_tax_number_is_refused_at_the_tax_number() {
        RegistrationForm first = TestData.registrationForm();
        registrations.register(first);
        RegistrationForm second = TestData.registrationForm();
        second.setTaxNumber(first.getTaxNumber());
        RegisterView view = navigate(RegisterView.class);
        fill(view.form, second);

        test(view.submit).click();

        assertThat(view.form.taxNumber.isInvalid()).isTrue();
        // and what to do when it is another's doing (review72): the forum office sees who applied with the number
        assertThat(view.form.taxNumber.getErrorMessage()).startsWith("Компания с этим номером уже зарегистрирована. ")
                .contains("дирекцию форума", "двух суток");
        assertThat(find(H1.class).withId("registration-submitted").exists()).isFalse();
        assertThat(accounts.isEmailRegistered(second.getLoginEmail())).isFalse();
    }

    @Test
    void the_country_comes_before_the_city_and_the_tax_number_that_depend_on_it() {
        RegistrationFormLayout form = navigate(RegisterView.class).form;

        List<Component> fields = form.country.getParent().orElseThrow().getChildren().toList();

        assertThat(fields.indexOf(form.country)).isLessThan(fields.indexOf(form.city))
                .isLessThan(fields.indexOf(form.taxNumber));
        assertThat(form.taxNumber.getParent()).isEqualTo(form.country.getParent());
    }

    /**
     * The form focuses the first error the rules report (RegistrationFormLayout.showErrors), so they report in the
     * form's order: with a wrong tax number and an empty "what we seek" the focus went to the latter, below, because
     * the rules still checked the tax number after the website, and the tax number's message stayed out of sight.
     */
    @Test
    void the_rules_report_errors_in_the_forms_order_so_the_top_most_wrong_field_gets_the_focus() {
        RegistrationForm application = TestData.registrationForm();
        application.setTaxNumber("1234567890");
        application.setSeeks("");
        application.setCity("");
        application.setCountry(null);

        assertThat(RegistrationValidator.validate(application, RegistrationValidator.Mode.NEW).stream()
                .map(FieldError::field).toList()).startsWith("country", "city", "taxNumber", "seeks");

        RegistrationFormLayout form = navigate(RegisterView.class).form;
        List<Component> fields = form.country.getParent().orElseThrow().getChildren().toList();
        assertThat(fields.indexOf(form.country)).isLessThan(fields.indexOf(form.city));
        assertThat(fields.indexOf(form.city)).isLessThan(fields.indexOf(form.taxNumber));
        assertThat(fields.indexOf(form.taxNumber)).isLessThan(fields.indexOf(form.seeks));
    }

    /** Types the application into the form as a user would: picks list items by their visible labels. */
    private void fill(RegistrationFormLayout form, RegistrationForm application) {
        test(form.fullName).setValue(application.getFullName());
        test(form.shortName).setValue(application.getShortName());
        test(form.city).selectItem(application.getCity());
        test(form.country).selectItem(form.getTranslation(application.getCountry().translationKey()));
        test(form.sectors).selectItem(application.getSectors().stream()
                .map(sector -> form.getTranslation(sector.translationKey())).toArray(String[]::new));
        test(form.description).setValue(application.getDescription());
        test(form.offers).setValue(application.getOffers());
        test(form.seeks).setValue(application.getSeeks());
        test(form.website).setValue(application.getWebsite());
        test(form.taxNumber).setValue(application.getTaxNumber());
        test(form.contactPerson).setValue(application.getContactPerson());
        test(form.email).setValue(application.getEmail());
        test(form.phone).setValue(application.getPhone());
        List<RegistrationForm.DelegateForm> delegates = application.getDelegates();
        for (int i = 0; i < delegates.size(); i++) {
            if (i > 0) {
                test(form.addDelegate).click();
            }
            RegistrationForm.DelegateForm delegate = delegates.get(i);
            test(delegateField("delegates-" + i + "-fullName")).setValue(delegate.getFullName());
            test(delegateField("delegates-" + i + "-position")).setValue(delegate.getPosition());
            test(delegateField("delegates-" + i + "-email")).setValue(delegate.getEmail());
            test(delegateField("delegates-" + i + "-phone")).setValue(delegate.getPhone());
        }
        test(form.loginEmail).setValue(application.getLoginEmail());
        test(form.password).setValue(application.getPassword());
        test(form.passwordConfirmation).setValue(application.getPasswordConfirmation());
        test(form.consent).click();
    }

    private TextField delegateField(String id) {
        return find(TextField.class).id(id);
    }
}
