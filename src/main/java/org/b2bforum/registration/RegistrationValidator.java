package org.b2bforum.registration;

import static org.b2bforum.base.text.Texts.multiLine;
import static org.b2bforum.base.text.Texts.singleLine;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.b2bforum.base.security.Passwords;
import org.b2bforum.company.Country;
import org.b2bforum.company.TaxNumbers;

/**
 * The rules of the registration form, in one place: the service enforces them, the view shows
 * their messages next to the fields. Messages are translation keys.
 */
public final class RegistrationValidator {

    public static final int MAX_DELEGATES = 10;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{7,25}$");

    private RegistrationValidator() {
    }

    /** Whether the form registers a new company (with log-in and consent) or edits an existing one. */
    public enum Mode {
        NEW, EDIT
    }

    public static List<FieldError> validate(RegistrationForm form, Mode mode) {
        List<FieldError> errors = new ArrayList<>();
        // in the form's order (RegistrationFormLayout): the form focuses the first error, which is then the top-most
        text(errors, "fullName", singleLine(form.getFullName()), 2, 300);
        text(errors, "shortName", singleLine(form.getShortName()), 2, 120);
        if (form.getCountry() == null) {
            errors.add(new FieldError("country", "validation.required"));
        }
        text(errors, "city", singleLine(form.getCity()), 2, 100);
        taxNumber(errors, form.getCountry(), form.getTaxNumber());
        if (form.getSectors().isEmpty()) {
            errors.add(new FieldError("sectors", "validation.sectors.required"));
        }
        text(errors, "description", multiLine(form.getDescription()), 20, 5000);
        text(errors, "offers", multiLine(form.getOffers()), 10, 3000);
        text(errors, "seeks", multiLine(form.getSeeks()), 10, 3000);
        if (!isBlank(form.getWebsite()) && !isWebsite(form.getWebsite())) {
            errors.add(new FieldError("website", "validation.website"));
        }
        text(errors, "contactPerson", singleLine(form.getContactPerson()), 2, 200);
        email(errors, "email", form.getEmail());
        phone(errors, "phone", form.getPhone());
        delegates(errors, form.getDelegates());
        if (mode == Mode.NEW) {
            email(errors, "loginEmail", form.getLoginEmail());
            Passwords.problem(form.getPassword(), form.getLoginEmail())
                    .ifPresent(key -> errors.add(new FieldError("password", key)));
            if (!isBlank(form.getPassword()) && !form.getPassword().equals(form.getPasswordConfirmation())) {
                errors.add(new FieldError("passwordConfirmation", "validation.password.mismatch"));
            }
            if (!form.isConsent()) {
                errors.add(new FieldError("consent", "validation.consent.required"));
            }
        }
        return errors;
    }

    /** The website as stored: with a scheme, "example.by" becomes "https://example.by". */
    public static String normalizeWebsite(String website) {
        if (isBlank(website)) {
            return null;
        }
        String trimmed = website.trim();
        return trimmed.matches("(?i)^https?://.*") ? trimmed : "https://" + trimmed;
    }

    private static void delegates(List<FieldError> errors, List<RegistrationForm.DelegateForm> delegates) {
        if (delegates.isEmpty()) {
            errors.add(new FieldError("delegates", "validation.delegates.required"));
        } else if (delegates.size() > MAX_DELEGATES) {
            errors.add(new FieldError("delegates", "validation.delegates.too-many"));
        }
        for (int i = 0; i < delegates.size(); i++) {
            RegistrationForm.DelegateForm delegate = delegates.get(i);
            String prefix = "delegates[" + i + "].";
            text(errors, prefix + "fullName", singleLine(delegate.getFullName()), 2, 200);
            text(errors, prefix + "position", singleLine(delegate.getPosition()), 2, 200);
            email(errors, prefix + "email", delegate.getEmail());
            phone(errors, prefix + "phone", delegate.getPhone());
        }
    }

    private static void taxNumber(List<FieldError> errors, Country country, String taxNumber) {
        if (isBlank(taxNumber)) {
            errors.add(new FieldError("taxNumber", "validation.required"));
        } else if (country == null) {
            errors.add(new FieldError("taxNumber", "validation.tax-number.country-first"));
        } else {
            String kind = country == Country.BY ? "unp" : "inn";
            switch (TaxNumbers.verdict(country, taxNumber)) {
                case WRONG_FORM -> errors.add(new FieldError("taxNumber", "validation.tax-number." + kind));
                case WRONG_CHECK_DIGIT -> errors.add(new FieldError("taxNumber",
                        "validation.tax-number." + kind + ".check-digit"));
                case VALID -> {
                }
            }
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int min, int max) {
        if (isBlank(value)) {
            errors.add(new FieldError(field, "validation.required"));
        } else if (value.trim().length() < min) {
            errors.add(new FieldError(field, "validation.too-short"));
        } else if (value.trim().length() > max) {
            errors.add(new FieldError(field, "validation.too-long"));
        }
    }

    private static void email(List<FieldError> errors, String field, String value) {
        if (isBlank(value)) {
            errors.add(new FieldError(field, "validation.required"));
        } else if (value.trim().length() > 254 || !EMAIL.matcher(value.trim()).matches()) {
            errors.add(new FieldError(field, "validation.email"));
        }
    }

    private static void phone(List<FieldError> errors, String field, String value) {
        if (isBlank(value)) {
            errors.add(new FieldError(field, "validation.required"));
        } else if (!PHONE.matcher(value.trim()).matches() || value.chars().filter(Character::isDigit).count() < 7) {
            errors.add(new FieldError(field, "validation.phone"));
        }
    }

    private static boolean isWebsite(String website) {
        String candidate = normalizeWebsite(website);
        if (candidate.length() > 300 || candidate.contains(" ")) {
            return false;
        }
        try {
            String host = URI.create(candidate).getHost();
            return host != null && host.contains(".") && !host.endsWith(".");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
