package org.b2bforum.registration.ui;

import org.b2bforum.base.ui.ComponentTexts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.b2bforum.base.i18n.MeetingLine;
import org.b2bforum.base.security.Passwords;
import org.b2bforum.company.Cities;
import org.b2bforum.company.CityChoice;
import org.b2bforum.company.Country;
import org.b2bforum.company.Sector;
import org.b2bforum.registration.FieldError;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationValidator;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The company application form, used to register (with log-in and consent) and to edit and
 * resubmit. Messages of {@link RegistrationValidator} and of the service appear next to their
 * fields; once the user has tried to submit, they update as the user types.
 */
class RegistrationFormLayout extends VerticalLayout {

    private static final Pattern DELEGATE_PATH = Pattern.compile("delegates\\[(\\d+)]\\.(\\w+)");

    private final RegistrationValidator.Mode mode;
    private final Map<String, ErrorTarget> targets = new LinkedHashMap<>();
    private final List<DelegateRow> delegateRows = new ArrayList<>();
    private final List<String> cityItems = new ArrayList<>();
    private boolean validateLive;
    /** When the identity proposal the form shows was made (null: none): the save checks it (mend53d). */
    private Instant proposalShown;

    final TextField fullName = textField("fullName", 300);
    final TextField shortName = textField("shortName", 120);
    final ComboBox<String> city = new ComboBox<>(getTranslation("field.city"));
    final RadioButtonGroup<Country> country = new RadioButtonGroup<>(getTranslation("field.country"));
    final MultiSelectComboBox<Sector> sectors = new MultiSelectComboBox<>(getTranslation("field.sectors"));
    final TextArea description = textArea("description", 5000);
    final TextArea offers = textArea("offers", 3000);
    final TextArea seeks = textArea("seeks", 3000);
    final TextField website = textField("website", 300);
    final TextField taxNumber = textField("taxNumber", 14);
    final TextField contactPerson = textField("contactPerson", 200);
    final TextField email = textField("email", 254);
    final TextField phone = textField("phone", 25);
    final VerticalLayout delegates = new VerticalLayout();
    final Span delegatesError = errorText("delegates-error");
    final Button addDelegate = new Button(getTranslation("action.add-delegate"), VaadinIcon.PLUS.create());
    final TextField loginEmail = textField("loginEmail", 254);
    final PasswordField password = new PasswordField(getTranslation("field.password"));
    final PasswordField passwordConfirmation = new PasswordField(getTranslation("field.passwordConfirmation"));
    final Checkbox consent = new Checkbox(getTranslation("field.consent"));
    final Span consentError = errorText("consent-error");

    RegistrationFormLayout(RegistrationValidator.Mode mode) {
        this.mode = mode;
        setPadding(false);
        addClassName("registration-form");

        setUpCity();
        country.setItems(Country.values());
        country.setItemLabelGenerator(c -> getTranslation(c.translationKey()));
        country.addValueChangeListener(e -> taxNumber.setHelperText(taxHelper(e.getValue())));
        taxNumber.setHelperText(taxHelper(null));
        sectors.setItems(Sector.values());
        sectors.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
        ComponentTexts.multiSelect(sectors);
        description.setHelperText(getTranslation("field.description.helper"));
        offers.setHelperText(getTranslation("field.offers.helper"));
        seeks.setHelperText(getTranslation("field.seeks.helper"));
        website.setPlaceholder("https://");
        phone.setPlaceholder("+375 17 123-45-67");

        register("fullName", fullName);
        register("shortName", shortName);
        register("city", city);
        register("country", country);
        register("sectors", sectors);
        register("description", description);
        register("offers", offers);
        register("seeks", seeks);
        register("website", website);
        register("taxNumber", taxNumber);
        register("contactPerson", contactPerson);
        register("email", email);
        register("phone", phone);
        targets.put("delegates", ErrorTarget.of(delegatesError));

        FormLayout company = formLayout();
        company.add(fullName, 2);
        // the country first: the city list and the tax number's rule (UNP or INN) follow it
        company.add(shortName, country, city, taxNumber);
        company.add(sectors, 2);
        company.add(description, 2);
        company.add(offers, seeks);
        company.add(website);
        FormLayout contact = formLayout();
        contact.add(contactPerson, email, phone);

        delegates.setPadding(false);
        delegates.addClassName("delegates");
        addDelegate.addThemeVariants(ButtonVariant.TERTIARY);
        addDelegate.setId("add-delegate");
        addDelegate.addClickListener(e -> addDelegateRow(new RegistrationForm.DelegateForm()));
        addDelegateRow(new RegistrationForm.DelegateForm());

        add(section("form.section.company"), company, section("form.section.contact"), contact,
                section("form.section.delegates"), new Paragraph(getTranslation("form.delegates.hint")), delegates,
                delegatesError, addDelegate);

        if (mode == RegistrationValidator.Mode.NEW) {
            register("loginEmail", loginEmail);
            loginEmail.setHelperText(getTranslation("field.loginEmail.helper"));
            register("password", password);
            password.setHelperText(getTranslation("field.password.helper", Passwords.MIN_LENGTH));
            password.setId("password");
            register("passwordConfirmation", passwordConfirmation);
            passwordConfirmation.setId("passwordConfirmation");
            ComponentTexts.revealButtons(password, passwordConfirmation);
            consent.setId("consent");
            consent.addValueChangeListener(e -> revalidate());
            targets.put("consent", ErrorTarget.of(consentError));
            FormLayout login = formLayout();
            login.add(loginEmail, 2);
            login.add(password, passwordConfirmation);
            Details policy = new Details(getTranslation("consent.policy.title"),
                    new Paragraph(getTranslation("consent.policy.text")));
            add(section("form.section.login"), login, section("form.section.consent"), consent, consentError,
                    policy);
        }
    }

    /** When the identity proposal the profile shows was made (mend53d): a save checks it still awaits the office. */
    void proposalShown(Instant proposedAt) {
        proposalShown = proposedAt;
    }

    /** The values the user entered, as a form for the service. */
    RegistrationForm read() {
        RegistrationForm form = new RegistrationForm();
        form.setFullName(fullName.getValue());
        form.setShortName(shortName.getValue());
        form.setCity(Optional.ofNullable(city.getValue()).orElse(""));
        form.setCountry(country.getValue());
        form.setSectors(sectors.getValue());
        form.setDescription(description.getValue());
        form.setOffers(offers.getValue());
        form.setSeeks(seeks.getValue());
        form.setWebsite(website.getValue());
        form.setTaxNumber(taxNumber.getValue());
        form.setContactPerson(contactPerson.getValue());
        form.setEmail(email.getValue());
        form.setPhone(phone.getValue());
        form.setDelegates(delegateRows.stream().map(DelegateRow::read).toList());
        form.setLoginEmail(loginEmail.getValue());
        form.setPassword(password.getValue());
        form.setPasswordConfirmation(passwordConfirmation.getValue());
        form.setConsent(consent.getValue());
        form.setProposalShown(proposalShown);
        return form;
    }

    /**
     * Shows a saved application for editing, with what it breaks of today's rules next to the
     * fields at once: a UNP saved before check digits were checked opens marked, and saving
     * waits for the fix.
     */
    void fill(RegistrationForm form) {
        proposalShown = form.getProposalShown();
        fullName.setValue(form.getFullName());
        shortName.setValue(form.getShortName());
        setCity(form.getCity());
        country.setValue(form.getCountry());
        sectors.setValue(form.getSectors());
        description.setValue(form.getDescription());
        offers.setValue(form.getOffers());
        seeks.setValue(form.getSeeks());
        website.setValue(form.getWebsite());
        taxNumber.setValue(form.getTaxNumber());
        contactPerson.setValue(form.getContactPerson());
        email.setValue(form.getEmail());
        phone.setValue(form.getPhone());
        new ArrayList<>(delegateRows).forEach(this::removeDelegateRow);
        form.getDelegates().forEach(this::addDelegateRow);
        List<FieldError> errors = RegistrationValidator.validate(read(), mode);
        if (!errors.isEmpty()) {
            validateLive = true;
            display(errors);
        }
    }

    /**
     * Shows each error next to its field (and clears the others); from now on errors follow the
     * user's typing. Focuses the first field at fault.
     */
    void showErrors(List<FieldError> errors) {
        validateLive = true;
        display(errors);
        errors.stream().findFirst().flatMap(error -> target(error.field())).ifPresent(ErrorTarget::focus);
    }

    /** Runs the form's own rules now, shows their messages and tells whether the form passed. */
    boolean validateNow() {
        List<FieldError> errors = RegistrationValidator.validate(read(), mode);
        showErrors(errors);
        return errors.isEmpty();
    }

    private void revalidate() {
        if (validateLive) {
            display(RegistrationValidator.validate(read(), mode));
        }
    }

    private void display(List<FieldError> errors) {
        targets.values().forEach(ErrorTarget::clear);
        delegateRows.forEach(DelegateRow::clear);
        for (FieldError error : errors) {
            target(error.field()).ifPresent(t -> t.show(error.detail() == null ? getTranslation(error.key(), Passwords.messageArguments(error.key()))
                    // the detail of a delegate in confirmed meetings lists them, each with its place
                    : getTranslation(error.key(), MeetingLine.inWords(error.detail(), getLocale(), this::getTranslation))));
        }
    }

    private Optional<ErrorTarget> target(String path) {
        Matcher matcher = DELEGATE_PATH.matcher(path);
        if (matcher.matches()) {
            int index = Integer.parseInt(matcher.group(1));
            return index < delegateRows.size() ? delegateRows.get(index).target(matcher.group(2)) : Optional.empty();
        }
        return Optional.ofNullable(targets.get(path));
    }

    private void setUpCity() {
        Cities.KNOWN.forEach(c -> cityItems.add(c.name()));
        city.setItems(cityItems);
        city.setAllowCustomValue(true);
        city.setItemLabelGenerator(name -> Cities.inLanguage(name, this::getTranslation));
        city.setHelperText(getTranslation("field.city.helper"));
        city.addCustomValueSetListener(e -> setCity(e.getDetail()));
        city.addValueChangeListener(e -> Cities.byName(e.getValue()).ifPresent(c -> country.setValue(c.country())));
    }

    private void setCity(String typed) {
        CityChoice.set(city, cityItems, typed, this::getTranslation);
    }

    private void addDelegateRow(RegistrationForm.DelegateForm form) {
        DelegateRow row = new DelegateRow(form);
        delegateRows.add(row);
        delegates.add(row);
        renumberDelegates();
    }

    private void removeDelegateRow(DelegateRow row) {
        delegateRows.remove(row);
        delegates.remove(row);
        renumberDelegates();
        revalidate();
    }

    private void renumberDelegates() {
        for (int i = 0; i < delegateRows.size(); i++) {
            delegateRows.get(i).number(i + 1, delegateRows.size() > 1);
        }
        addDelegate.setEnabled(delegateRows.size() < RegistrationValidator.MAX_DELEGATES);
    }

    private void register(String path, Component field) {
        field.setId(path);
        targets.put(path, ErrorTarget.of((HasValidation) field));
        if (field instanceof HasValue<?, ?> value) {
            value.addValueChangeListener(e -> revalidate());
            value.setRequiredIndicatorVisible(!path.equals("website"));
        }
    }

    private TextField textField(String property, int maxLength) {
        TextField field = new TextField(getTranslation("field." + property));
        field.setMaxLength(maxLength);
        return field;
    }

    private TextArea textArea(String property, int maxLength) {
        TextArea area = new TextArea(getTranslation("field." + property));
        area.setMaxLength(maxLength);
        area.setMinHeight("6em");
        return area;
    }

    private String taxHelper(Country selected) {
        if (selected == null) {
            return getTranslation("field.taxNumber.helper");
        }
        return getTranslation("field.taxNumber.helper." + selected.name());
    }

    private static FormLayout formLayout() {
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        layout.setWidthFull();
        return layout;
    }

    private H2 section(String key) {
        H2 heading = new H2(getTranslation(key));
        heading.addClassName("form-section");
        return heading;
    }

    private static Span errorText(String id) {
        Span span = new Span();
        span.setId(id);
        span.addClassName("field-error");
        span.setVisible(false);
        return span;
    }

    /** Where an error message shows: a field's own error slot, or a text under a group. */
    interface ErrorTarget {
        void show(String message);

        void clear();

        void focus();

        static ErrorTarget of(HasValidation field) {
            return new ErrorTarget() {
                @Override
                public void show(String message) {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                }

                @Override
                public void clear() {
                    field.setErrorMessage(null);
                    field.setInvalid(false);
                }

                @Override
                public void focus() {
                    if (field instanceof Focusable<?> focusable) {
                        focusable.focus();
                    }
                    if (field instanceof Component component) {
                        component.scrollIntoView();
                    }
                }
            };
        }

        static ErrorTarget of(Span text) {
            return new ErrorTarget() {
                @Override
                public void show(String message) {
                    text.setText(message);
                    text.setVisible(true);
                }

                @Override
                public void clear() {
                    text.setText("");
                    text.setVisible(false);
                }

                @Override
                public void focus() {
                    text.scrollIntoView();
                }
            };
        }
    }

    /** One delegate's fields, with a remove button. */
    private class DelegateRow extends Div {

        private final H3 heading = new H3();
        private final TextField fullName = new TextField(getTranslation("field.delegate.fullName"));
        private final TextField position = new TextField(getTranslation("field.delegate.position"));
        private final TextField email = new TextField(getTranslation("field.delegate.email"));
        private final TextField phone = new TextField(getTranslation("field.delegate.phone"));
        private final Checkbox leadConsent = new Checkbox(getTranslation("field.delegate.leadConsent"));
        private final Button remove = new Button(getTranslation("action.remove-delegate"), VaadinIcon.TRASH.create());
        private final Map<String, ErrorTarget> fields = new LinkedHashMap<>();

        DelegateRow(RegistrationForm.DelegateForm form) {
            addClassName("delegate-row");
            fullName.setValue(form.getFullName());
            position.setValue(form.getPosition());
            email.setValue(form.getEmail());
            phone.setValue(form.getPhone());
            leadConsent.setValue(form.isLeadConsent());
            fields.put("fullName", ErrorTarget.of(fullName));
            fields.put("position", ErrorTarget.of(position));
            fields.put("email", ErrorTarget.of(email));
            fields.put("phone", ErrorTarget.of(phone));
            for (TextField field : Arrays.asList(fullName, position, email, phone)) {
                field.setRequiredIndicatorVisible(true);
                field.setMaxLength(254);
                field.addValueChangeListener(e -> revalidate());
            }
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.addClickListener(e -> removeDelegateRow(this));
            FormLayout layout = formLayout();
            layout.add(fullName, position, email, phone);
            layout.add(leadConsent, 2);
            HorizontalLayout top = new HorizontalLayout(heading, remove);
            top.setAlignItems(Alignment.BASELINE);
            add(top, layout);
        }

        void number(int number, boolean removable) {
            heading.setText(getTranslation("form.delegate.heading", number));
            String prefix = "delegates-" + (number - 1) + "-";
            fullName.setId(prefix + "fullName");
            position.setId(prefix + "position");
            email.setId(prefix + "email");
            phone.setId(prefix + "phone");
            leadConsent.setId(prefix + "leadConsent");
            remove.setVisible(removable);
        }

        RegistrationForm.DelegateForm read() {
            return new RegistrationForm.DelegateForm(fullName.getValue(), position.getValue(), email.getValue(),
                    phone.getValue()).withLeadConsent(leadConsent.getValue());
        }

        Optional<ErrorTarget> target(String property) {
            return Optional.ofNullable(fields.get(property));
        }

        void clear() {
            fields.values().forEach(ErrorTarget::clear);
        }
    }
}
