package org.b2bforum.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.Country;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.company.Sector;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.notification.NotificationView;
import org.b2bforum.registration.RegistrationDetails.DelegateDetails;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@ForumSpringTest
class RegistrationServiceTest {

    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;
    @Autowired
    NotificationService notifications;
    @Autowired
    JdbcTemplate jdbc;

    @Nested
    class Registering {

        @Test
        void a_valid_registration_is_stored_pending_with_its_delegates_sectors_and_consent_time() {
            RegistrationForm form = TestData.registrationForm();
            String inn = form.getTaxNumber();
            form.setTaxNumber(" " + inn.substring(0, 4) + " " + inn.substring(4) + " ");
            form.setLoginEmail("  " + form.getLoginEmail().toUpperCase(Locale.ROOT) + " ");
            form.setSectors(EnumSet.of(Sector.TOURISM, Sector.ENERGY));
            Instant before = Instant.now();

            long id = registrations.register(form);

            Instant after = Instant.now();
            TestData.logInAsOrganizer(accounts);
            RegistrationDetails details = registrations.details(id);
            assertThat(details.status()).isEqualTo(RegistrationStatus.PENDING);
            assertThat(details.fullName()).isEqualTo(form.getFullName());
            assertThat(details.shortName()).isEqualTo(form.getShortName());
            assertThat(details.country()).isEqualTo(Country.RU);
            assertThat(details.city()).isEqualTo("Москва");
            assertThat(details.taxNumber()).as("stored without spaces").isEqualTo(inn);
            assertThat(details.website()).isEqualTo("https://" + form.getWebsite());
            assertThat(details.sectors()).containsExactlyInAnyOrder(Sector.TOURISM, Sector.ENERGY);
            assertThat(details.delegates()).containsExactly(
                    new DelegateDetails("Иван Петров", "Директор", form.getDelegates().get(0).getEmail(),
                            "+7 495 123 45 67"),
                    new DelegateDetails("Anna Smirnova", "Sales manager", form.getDelegates().get(1).getEmail(),
                            "+375 29 123-45-67"));
            assertThat(details.consentGivenAt()).isBetween(before.minusSeconds(1), after.plusSeconds(1));
            assertThat(details.submittedAt()).isCloseTo(details.consentGivenAt(), within(1, ChronoUnit.SECONDS));
            assertThat(details.decidedAt()).isNull();
            assertThat(details.statusComment()).isNull();
        }

        @Test
        void names_cities_and_positions_are_stored_on_one_line_and_descriptions_keep_only_their_line_breaks() {
            RegistrationForm form = TestData.registrationForm();
            form.setFullName("ООО\r\n«Ромашка»\u0000");
            form.setShortName("Ромашка\t\u0007");
            form.setCity("Москва\n");
            form.setContactPerson("Иван\u2028Петров");
            form.getDelegates().get(0).setFullName("Иван\r\nПетров");
            form.getDelegates().get(0).setPosition("Директор\u202E");
            form.setDescription("Производим кирпич.\r\nПоставляем по\u0000 всей России\u0007.");

            long id = registrations.register(form);

            TestData.logInAsOrganizer(accounts);
            RegistrationDetails details = registrations.details(id);
            assertThat(details.fullName()).isEqualTo("ООО «Ромашка»");
            assertThat(details.shortName()).isEqualTo("Ромашка");
            assertThat(details.city()).isEqualTo("Москва");
            assertThat(details.contactPerson()).isEqualTo("Иван Петров");
            assertThat(details.delegates().getFirst().fullName()).isEqualTo("Иван Петров");
            assertThat(details.delegates().getFirst().position()).isEqualTo("Директор");
            assertThat(details.description()).isEqualTo("Производим кирпич.\nПоставляем по всей России.");
        }

        @Test
        void a_name_of_control_characters_only_is_refused_as_missing() {
            RegistrationForm form = TestData.registrationForm();
            form.setShortName("\r\n\u0007\t");

            assertThat(refusedWithoutSaving(form).errors())
                    .containsExactly(new FieldError("shortName", "validation.required"));
        }

        @Test
        void times_are_stored_in_utc() {
            long id = registrations.register(TestData.registrationForm());

            TestData.logInAsOrganizer(accounts);
            Instant submittedAt = registrations.details(id).submittedAt();
            String stored = jdbc.queryForObject("select cast(submitted_at as char) from company where id = ?",
                    String.class, id);
            assertThat(stored).startsWith(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .withZone(ZoneOffset.UTC).format(submittedAt));
        }

        @Test
        void a_registration_is_recorded_as_submitted_by_its_representative() {
            RegistrationForm form = TestData.registrationForm();

            long id = registrations.register(form);

            TestData.logInAsOrganizer(accounts);
            assertThat(registrations.history(id)).singleElement().satisfies(entry -> {
                assertThat(entry.type()).isEqualTo(RegistrationEventType.SUBMITTED);
                assertThat(entry.actorName()).isEqualTo(form.getLoginEmail());
                assertThat(entry.comment()).isNull();
                assertThat(entry.occurredAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
            });
        }

        @Test
        void the_representative_logs_in_with_the_chosen_e_mail_and_sees_the_application() {
            RegistrationForm form = TestData.registrationForm(Country.BY);
            long id = registrations.register(form);

            ForumUser user = TestData.logInAs(accounts, form.getLoginEmail().toUpperCase(Locale.ROOT));

            assertThat(user.companyId()).isEqualTo(id);
            assertThat(user.displayName()).isEqualTo(form.getContactPerson());
            assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_COMPANY");
            assertThat(user.getPassword()).as("stored hashed").doesNotContain(TestData.COMPANY_PASSWORD);
            assertThat(registrations.myRegistration().id()).isEqualTo(id);
            assertThat(registrations.myRegistration().taxNumber()).isEqualTo(form.getTaxNumber());
        }

        @Test
        void a_blank_form_is_refused_with_a_message_on_every_required_field() {
            RegistrationForm form = new RegistrationForm();

            InvalidRegistrationException refused = refusedWithoutSaving(form);

            assertThat(refused.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("fullName",
                    "shortName", "city", "country", "sectors", "description", "offers", "seeks", "taxNumber",
                    "contactPerson", "email", "phone", "delegates[0].fullName", "delegates[0].position",
                    "delegates[0].email", "delegates[0].phone", "loginEmail", "password", "consent");
            assertThat(refused.errors()).filteredOn(e -> !e.field().equals("sectors") && !e.field().equals("consent"))
                    .extracting(FieldError::key).containsOnly("validation.required");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.b2bforum.registration.RegistrationServiceTest#faultyForms")
        void a_faulty_form_is_refused_on_the_right_field_and_nothing_is_saved(String fault,
                Consumer<RegistrationForm> breakIt, List<FieldError> expected) {
            RegistrationForm form = TestData.registrationForm();
            breakIt.accept(form);

            InvalidRegistrationException refused = refusedWithoutSaving(form);

            assertThat(refused.errors()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(accounts.isEmailRegistered(form.getLoginEmail())).isFalse();
        }

        @Test
        void a_tax_number_already_registered_is_refused_and_nothing_is_half_saved() {
            RegistrationForm first = TestData.registrationForm();
            registrations.register(first);
            RegistrationForm second = TestData.registrationForm();
            second.setTaxNumber(first.getTaxNumber().substring(0, 5) + " " + first.getTaxNumber().substring(5));

            InvalidRegistrationException refused = refusedWithoutSaving(second);

            assertThat(refused.errors()).containsExactly(new FieldError("taxNumber", "validation.tax-number.taken"));
            assertThat(accounts.isEmailRegistered(second.getLoginEmail())).isFalse();
            assertThat(companiesNamed(second.getShortName())).isZero();
        }

        @Test
        void a_unp_already_registered_is_refused() {
            RegistrationForm first = TestData.registrationForm(Country.BY);
            registrations.register(first);
            RegistrationForm second = TestData.registrationForm(Country.BY);
            second.setTaxNumber(first.getTaxNumber());

            assertThat(refusedWithoutSaving(second).errors())
                    .containsExactly(new FieldError("taxNumber", "validation.tax-number.taken"));
        }

        @Test
        void a_login_e_mail_already_registered_in_any_case_is_refused_and_nothing_is_half_saved() {
            RegistrationForm first = TestData.registrationForm();
            registrations.register(first);
            RegistrationForm second = TestData.registrationForm();
            second.setLoginEmail(" " + first.getLoginEmail().toUpperCase(Locale.ROOT));

            InvalidRegistrationException refused = refusedWithoutSaving(second);

            assertThat(refused.errors()).containsExactly(new FieldError("loginEmail", "validation.email.taken"));
            assertThat(companiesWithTaxNumber(second.getTaxNumber())).isZero();
        }

        @Test
        void the_organizers_e_mail_cannot_be_taken_by_a_company() {
            RegistrationForm form = TestData.registrationForm();
            form.setLoginEmail("Organizer@Test.Forum");

            assertThat(refusedWithoutSaving(form).errors())
                    .containsExactly(new FieldError("loginEmail", "validation.email.taken"));
        }

        @Test
        void a_taken_tax_number_and_a_taken_e_mail_are_reported_together() {
            RegistrationForm first = TestData.registrationForm();
            registrations.register(first);
            RegistrationForm second = TestData.registrationForm();
            second.setTaxNumber(first.getTaxNumber());
            second.setLoginEmail(first.getLoginEmail());

            assertThat(refusedWithoutSaving(second).errors()).containsExactlyInAnyOrder(
                    new FieldError("taxNumber", "validation.tax-number.taken"),
                    new FieldError("loginEmail", "validation.email.taken"));
        }

        @Test
        void of_simultaneous_registrations_with_one_tax_number_exactly_one_is_stored() throws Exception {
            String taxNumber = TestData.uniqueInn();
            List<RegistrationForm> forms = IntStream.range(0, 6).mapToObj(i -> {
                RegistrationForm form = TestData.registrationForm();
                form.setTaxNumber(taxNumber);
                return form;
            }).toList();
            long accountsBefore = count("app_user");

            List<Object> outcomes = simultaneously(forms.stream()
                    .<Callable<Object>>map(form -> () -> registrations.register(form)).toList());

            assertThat(outcomes).filteredOn(Long.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !(o instanceof Long)).hasSize(5)
                    .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(InvalidRegistrationException.class,
                            e -> assertThat(e.errors()).containsExactly(
                                    new FieldError("taxNumber", "validation.tax-number.taken"))));
            assertThat(companiesWithTaxNumber(taxNumber)).isEqualTo(1);
            assertThat(count("app_user")).isEqualTo(accountsBefore + 1);
        }

        @Test
        void of_simultaneous_registrations_with_one_login_e_mail_exactly_one_is_stored() throws Exception {
            String loginEmail = TestData.uniqueEmail("race");
            List<RegistrationForm> forms = IntStream.range(0, 6).mapToObj(i -> {
                RegistrationForm form = TestData.registrationForm();
                form.setLoginEmail(i % 2 == 0 ? loginEmail : loginEmail.toUpperCase(Locale.ROOT));
                return form;
            }).toList();
            long companiesBefore = count("company");

            List<Object> outcomes = simultaneously(forms.stream()
                    .<Callable<Object>>map(form -> () -> registrations.register(form)).toList());

            assertThat(outcomes).filteredOn(Long.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !(o instanceof Long)).hasSize(5)
                    .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(InvalidRegistrationException.class,
                            e -> assertThat(e.errors()).containsExactly(
                                    new FieldError("loginEmail", "validation.email.taken"))));
            assertThat(count("company")).as("no company without its account").isEqualTo(companiesBefore + 1);
        }

        private InvalidRegistrationException refusedWithoutSaving(RegistrationForm form) {
            long companies = count("company");
            long users = count("app_user");
            long delegates = count("delegate");
            long events = count("registration_event");

            InvalidRegistrationException refused = catchThrowableOfType(InvalidRegistrationException.class,
                    () -> registrations.register(form));

            assertThat(refused).as("refused").isNotNull();
            assertThat(count("company")).isEqualTo(companies);
            assertThat(count("app_user")).isEqualTo(users);
            assertThat(count("delegate")).isEqualTo(delegates);
            assertThat(count("registration_event")).isEqualTo(events);
            return refused;
        }
    }

    static Stream<Arguments> faultyForms() {
        return Stream.of(
                fault("a blank full name", f -> f.setFullName("   "), "fullName", "validation.required"),
                fault("a one-letter short name", f -> f.setShortName("A"), "shortName", "validation.too-short"),
                fault("a too long short name", f -> f.setShortName("Ы".repeat(121)), "shortName",
                        "validation.too-long"),
                fault("a missing city", f -> f.setCity(""), "city", "validation.required"),
                fault("a too short description", f -> f.setDescription("Мы хорошие"), "description",
                        "validation.too-short"),
                fault("a blank offer", f -> f.setOffers(" "), "offers", "validation.required"),
                fault("a blank wish", f -> f.setSeeks(null), "seeks", "validation.required"),
                fault("a malformed website", f -> f.setWebsite("not a site"), "website", "validation.website"),
                fault("a blank contact person", f -> f.setContactPerson(""), "contactPerson", "validation.required"),
                fault("an e-mail without a domain", f -> f.setEmail("info@company"), "email", "validation.email"),
                fault("an e-mail with two at signs", f -> f.setEmail("info@@company.ru"), "email",
                        "validation.email"),
                fault("a phone with letters", f -> f.setPhone("+7 495 CALL-NOW"), "phone", "validation.phone"),
                fault("a phone with too few digits", f -> f.setPhone("12-34-56"), "phone", "validation.phone"),
                fault("a delegate without a name", f -> f.getDelegates().get(1).setFullName(""),
                        "delegates[1].fullName", "validation.required"),
                fault("a delegate with a bad e-mail", f -> f.getDelegates().get(0).setEmail("ivan.petrov"),
                        "delegates[0].email", "validation.email"),
                fault("a delegate with a bad phone", f -> f.getDelegates().get(1).setPhone("phone"),
                        "delegates[1].phone", "validation.phone"),
                fault("no delegates", f -> f.setDelegates(List.of()), "delegates", "validation.delegates.required"),
                fault("eleven delegates", f -> f.setDelegates(elevenDelegates()), "delegates",
                        "validation.delegates.too-many"),
                fault("no sector", f -> f.setSectors(EnumSet.noneOf(Sector.class)), "sectors",
                        "validation.sectors.required"),
                fault("an INN with a wrong check digit", f -> f.setTaxNumber(wrongCheckDigit(f.getTaxNumber())),
                        "taxNumber", "validation.tax-number.inn.check-digit"),
                fault("an INN of eleven digits", f -> f.setTaxNumber(f.getTaxNumber() + "1"), "taxNumber",
                        "validation.tax-number.inn"),
                fault("a UNP of eight digits", f -> {
                    f.setCountry(Country.BY);
                    f.setTaxNumber("10058233");
                }, "taxNumber", "validation.tax-number.unp"),
                fault("a UNP with a wrong check digit", f -> {
                    f.setCountry(Country.BY);
                    f.setTaxNumber(wrongCheckDigit(TestData.uniqueUnp()));
                }, "taxNumber", "validation.tax-number.unp.check-digit"),
                fault("a UNP of nine digits that has no check digit", f -> {
                    f.setCountry(Country.BY);
                    f.setTaxNumber("711953681");
                }, "taxNumber", "validation.tax-number.unp.check-digit"),
                fault("a UNP with a letter", f -> {
                    f.setCountry(Country.BY);
                    f.setTaxNumber("10058233X");
                }, "taxNumber", "validation.tax-number.unp"),
                fault("a missing tax number", f -> f.setTaxNumber(""), "taxNumber", "validation.required"),
                Arguments.of("a tax number without a country", (Consumer<RegistrationForm>) f -> f.setCountry(null),
                        List.of(new FieldError("country", "validation.required"),
                                new FieldError("taxNumber", "validation.tax-number.country-first"))),
                fault("a bad login e-mail", f -> f.setLoginEmail("company.ru"), "loginEmail", "validation.email"),
                fault("a short password", f -> password(f, "Ab1-short"), "password",
                        "validation.password.too-short"),
                fault("a password without digits", f -> password(f, "OnlyLettersHere"), "password",
                        "validation.password.letters-and-digits"),
                fault("a common password", f -> password(f, "Qwerty1234"), "password",
                        "validation.password.too-common"),
                fault("a password made of the e-mail", f -> {
                    f.setLoginEmail("petrov.ivan-" + TestData.unique() + "@test.forum");
                    password(f, f.getLoginEmail().split("@")[0] + "1");
                }, "password", "validation.password.contains-email"),
                fault("a password confirmed differently", f -> f.setPasswordConfirmation("Forum-Company-2027"),
                        "passwordConfirmation", "validation.password.mismatch"),
                fault("no consent", f -> f.setConsent(false), "consent", "validation.consent.required"));
    }

    private static Arguments fault(String name, Consumer<RegistrationForm> breakIt, String field, String key) {
        return Arguments.of(name, breakIt, List.of(new FieldError(field, key)));
    }

    private static void password(RegistrationForm form, String password) {
        form.setPassword(password);
        form.setPasswordConfirmation(password);
    }

    private static String wrongCheckDigit(String taxNumber) {
        char last = taxNumber.charAt(taxNumber.length() - 1);
        return taxNumber.substring(0, taxNumber.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private static List<RegistrationForm.DelegateForm> elevenDelegates() {
        List<RegistrationForm.DelegateForm> delegates = new ArrayList<>();
        for (int i = 0; i < RegistrationValidator.MAX_DELEGATES + 1; i++) {
            delegates.add(new RegistrationForm.DelegateForm("Делегат " + i, "Инженер", "d" + i + "@test.forum",
                    "+7 900 000 00 0" + (i % 10)));
        }
        return delegates;
    }

    @Nested
    class Backdating {

        @Test
        void an_organizer_dates_a_pending_applications_submission_consent_and_trail_back() {
            long id = registrations.register(TestData.registrationForm());
            Integer version = jdbc.queryForObject("select version from company where id = ?", Integer.class, id);
            TestData.logInAsOrganizer(accounts);
            Instant arrived = Instant.now().minus(12, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

            registrations.backdateSubmission(id, arrived);

            RegistrationDetails details = registrations.details(id);
            assertThat(details.submittedAt()).isEqualTo(arrived);
            assertThat(details.consentGivenAt()).isEqualTo(arrived);
            assertThat(details.status()).isEqualTo(RegistrationStatus.PENDING);
            assertThat(registrations.history(id)).singleElement().satisfies(entry -> {
                assertThat(entry.type()).isEqualTo(RegistrationEventType.SUBMITTED);
                assertThat(entry.occurredAt()).isEqualTo(arrived);
            });
            assertThat(jdbc.queryForObject("select version from company where id = ?", Integer.class, id))
                    .as("what was applied for is unchanged").isEqualTo(version);
        }

        @Test
        void a_decided_application_a_date_ahead_and_a_company_are_refused() {
            RegistrationForm form = TestData.registrationForm();
            long id = registrations.register(form);
            Instant past = Instant.now().minus(3, ChronoUnit.DAYS);
            TestData.logInAs(accounts, form.getLoginEmail());
            assertThatThrownBy(() -> registrations.backdateSubmission(id, past))
                    .isInstanceOf(AccessDeniedException.class);

            TestData.logInAsOrganizer(accounts);
            assertThatThrownBy(() -> registrations.backdateSubmission(id, Instant.now().plus(1, ChronoUnit.DAYS)))
                    .isInstanceOf(IllegalArgumentException.class);
            registrations.approve(id);
            assertThatThrownBy(() -> registrations.backdateSubmission(id, past))
                    .isInstanceOf(RegistrationStateException.class);
            assertThat(registrations.details(id).submittedAt()).isAfter(past.plus(1, ChronoUnit.DAYS));
        }
    }

    @Nested
    class Deciding {

        @Test
        void an_approval_is_recorded_with_the_organizer_and_time_and_the_company_is_notified() {
            RegistrationForm form = TestData.registrationForm();
            long id = registrations.register(form);
            TestData.logInAsOrganizer(accounts);

            registrations.approve(id);

            RegistrationDetails details = registrations.details(id);
            assertThat(details.status()).isEqualTo(RegistrationStatus.APPROVED);
            assertThat(details.statusComment()).isNull();
            assertThat(details.decidedAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
            assertThat(registrations.history(id)).last().satisfies(entry -> {
                assertThat(entry.type()).isEqualTo(RegistrationEventType.APPROVED);
                assertThat(entry.actorName()).isEqualTo(TestData.ORGANIZER_EMAIL);
                assertThat(entry.comment()).isNull();
                assertThat(entry.occurredAt()).isEqualTo(details.decidedAt());
            });
            assertThat(notificationsOf(form.getLoginEmail())).extracting(NotificationView::messageKey)
                    .containsExactly("notification.registration.APPROVED");
        }

        @Test
        void a_rejection_needs_a_reason() {
            long id = registrations.register(TestData.registrationForm());
            TestData.logInAsOrganizer(accounts);

            for (String blank : new String[] {null, "", "   \n "}) {
                InvalidRegistrationException refused = catchThrowableOfType(InvalidRegistrationException.class,
                        () -> registrations.reject(id, blank));
                assertThat(refused.errors()).containsExactly(new FieldError("reason", "validation.required"));
            }
            assertThat(registrations.details(id).status()).isEqualTo(RegistrationStatus.PENDING);
            assertThat(registrations.history(id)).hasSize(1);
        }

        @Test
        void a_rejection_is_recorded_with_its_reason_and_the_company_is_told_why() {
            RegistrationForm form = TestData.registrationForm();
            long id = registrations.register(form);
            TestData.logInAsOrganizer(accounts);

            registrations.reject(id, "  Компания не относится к тематике форума.  ");

            RegistrationDetails details = registrations.details(id);
            assertThat(details.status()).isEqualTo(RegistrationStatus.REJECTED);
            assertThat(details.statusComment()).isEqualTo("Компания не относится к тематике форума.");
            assertThat(registrations.history(id)).extracting(RegistrationHistoryEntry::type)
                    .containsExactly(RegistrationEventType.SUBMITTED, RegistrationEventType.REJECTED);
            assertThat(registrations.history(id)).last().satisfies(entry -> {
                assertThat(entry.actorName()).isEqualTo(TestData.ORGANIZER_EMAIL);
                assertThat(entry.comment()).isEqualTo("Компания не относится к тематике форума.");
                assertThat(entry.occurredAt()).isEqualTo(details.decidedAt());
            });
            assertThat(notificationsOf(form.getLoginEmail())).singleElement().satisfies(n -> {
                assertThat(n.messageKey()).isEqualTo("notification.registration.REJECTED");
                assertThat(n.detail()).isEqualTo("Компания не относится к тематике форума.");
                assertThat(n.read()).isFalse();
            });
        }

        @Test
        void a_request_for_changes_needs_a_comment() {
            long id = registrations.register(TestData.registrationForm());
            TestData.logInAsOrganizer(accounts);

            InvalidRegistrationException refused = catchThrowableOfType(InvalidRegistrationException.class,
                    () -> registrations.requestChanges(id, " "));

            assertThat(refused.errors()).containsExactly(new FieldError("comment", "validation.required"));
            assertThat(registrations.details(id).status()).isEqualTo(RegistrationStatus.PENDING);
        }

        @Test
        void a_comment_longer_than_two_thousand_characters_is_refused() {
            long id = registrations.register(TestData.registrationForm());
            TestData.logInAsOrganizer(accounts);

            InvalidRegistrationException refused = catchThrowableOfType(InvalidRegistrationException.class,
                    () -> registrations.requestChanges(id, "ы".repeat(2001)));

            assertThat(refused.errors()).containsExactly(new FieldError("comment", "validation.too-long"));
            registrations.requestChanges(id, "ы".repeat(2000));
            assertThat(registrations.details(id).statusComment()).hasSize(2000);
        }

        @Test
        void a_request_for_changes_is_recorded_with_its_comment_and_the_company_is_told_what_to_change() {
            RegistrationForm form = TestData.registrationForm();
            long id = registrations.register(form);
            TestData.logInAsOrganizer(accounts);

            registrations.requestChanges(id, "Уточните раздел «Что мы ищем».");

            RegistrationDetails details = registrations.details(id);
            assertThat(details.status()).isEqualTo(RegistrationStatus.CHANGES_REQUESTED);
            assertThat(details.statusComment()).isEqualTo("Уточните раздел «Что мы ищем».");
            assertThat(registrations.history(id)).last().satisfies(entry -> {
                assertThat(entry.type()).isEqualTo(RegistrationEventType.CHANGES_REQUESTED);
                assertThat(entry.actorName()).isEqualTo(TestData.ORGANIZER_EMAIL);
                assertThat(entry.comment()).isEqualTo("Уточните раздел «Что мы ищем».");
                assertThat(entry.occurredAt()).isEqualTo(details.decidedAt());
            });
            assertThat(notificationsOf(form.getLoginEmail())).singleElement().satisfies(n -> {
                assertThat(n.messageKey()).isEqualTo("notification.registration.CHANGES_REQUESTED");
                assertThat(n.detail()).isEqualTo("Уточните раздел «Что мы ищем».");
            });
        }

        @Test
        void a_decided_registration_cannot_be_decided_again() {
            long approved = registrations.register(TestData.registrationForm());
            long rejected = registrations.register(TestData.registrationForm());
            long sentBack = registrations.register(TestData.registrationForm());
            TestData.logInAsOrganizer(accounts);
            registrations.approve(approved);
            registrations.reject(rejected, "Не по тематике");
            registrations.requestChanges(sentBack, "Добавьте сайт");

            for (long id : new long[] {approved, rejected, sentBack}) {
                assertNotPending(() -> registrations.approve(id));
                assertNotPending(() -> registrations.reject(id, "Передумали"));
                assertNotPending(() -> registrations.requestChanges(id, "Ещё раз"));
                assertThat(registrations.history(id)).hasSize(2);
            }
            assertThat(registrations.details(approved).status()).isEqualTo(RegistrationStatus.APPROVED);
            assertThat(registrations.details(rejected).status()).isEqualTo(RegistrationStatus.REJECTED);
            assertThat(registrations.details(sentBack).status()).isEqualTo(RegistrationStatus.CHANGES_REQUESTED);
        }

        @Test
        void two_organizers_deciding_at_once_make_one_decision() throws Exception {
            long id = registrations.register(TestData.registrationForm());
            ForumUser organizer = accounts.loadUserByUsername(TestData.ORGANIZER_EMAIL);
            List<Callable<Object>> decisions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                decisions.add(() -> {
                    TestData.logInAs(accounts, organizer.email());
                    try {
                        if (n % 2 == 0) {
                            registrations.approve(id);
                        } else {
                            registrations.reject(id, "Не по тематике");
                        }
                        return "decided";
                    } finally {
                        TestData.logOut();
                    }
                });
            }

            List<Object> outcomes = simultaneously(decisions);

            assertThat(outcomes).filteredOn("decided"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !"decided".equals(o)).hasSize(3).allSatisfy(o -> assertThat(o)
                    .isInstanceOfSatisfying(RegistrationStateException.class,
                            e -> assertThat(e.key()).isEqualTo("registration.error.not-pending")));
            TestData.logInAsOrganizer(accounts);
            assertThat(registrations.history(id)).hasSize(2);
        }

        @Test
        void deciding_on_an_unknown_registration_fails() {
            TestData.logInAsOrganizer(accounts);

            assertThatThrownBy(() -> registrations.approve(Long.MAX_VALUE))
                    .isInstanceOfSatisfying(RegistrationStateException.class,
                            e -> assertThat(e.key()).isEqualTo("registration.error.not-found"));
            assertThatThrownBy(() -> registrations.details(Long.MAX_VALUE))
                    .isInstanceOfSatisfying(RegistrationStateException.class,
                            e -> assertThat(e.key()).isEqualTo("registration.error.not-found"));
        }

        @Test
        void a_company_reads_only_its_own_notifications_and_marks_them_read() {
            RegistrationForm form = TestData.registrationForm();
            long id = registrations.register(form);
            RegistrationForm other = TestData.registrationForm();
            registrations.register(other);
            TestData.logInAsOrganizer(accounts);
            registrations.approve(id);

            assertThat(notificationsOf(other.getLoginEmail())).isEmpty();
            TestData.logInAs(accounts, form.getLoginEmail());
            assertThat(notifications.unreadCount()).isEqualTo(1);
            notifications.markAllRead();
            assertThat(notifications.unreadCount()).isZero();
            assertThat(notifications.mine(10)).singleElement().satisfies(n -> assertThat(n.read()).isTrue());
        }

        private void assertNotPending(Executable decision) {
            RegistrationStateException refused = catchThrowableOfType(RegistrationStateException.class,
                    decision::execute);
            assertThat(refused).isNotNull();
            assertThat(refused.key()).isEqualTo("registration.error.not-pending");
            assertThat(refused).hasMessage("registration.error.not-pending");
        }
    }

    @Nested
    class Resubmitting {

        @Test
        void a_company_asked_for_changes_edits_its_application_and_it_is_pending_again() {
            RegistrationForm original = TestData.registrationForm();
            long id = registrations.register(original);
            TestData.logInAsOrganizer(accounts);
            registrations.requestChanges(id, "Уточните, кого вы ищете.");
            Instant decidedAt = registrations.details(id).decidedAt();
            TestData.logInAs(accounts, original.getLoginEmail());

            RegistrationForm form = registrations.myApplicationForm();
            assertThat(form.getTaxNumber()).isEqualTo(original.getTaxNumber());
            assertThat(form.getLoginEmail()).as("log-in fields are not edited").isEmpty();
            assertThat(form.getPassword()).isEmpty();
            form.setSeeks("Дистрибьюторов станков в Минской и Гомельской областях.");
            form.setSectors(EnumSet.of(Sector.MANUFACTURING));
            form.setDelegates(List.of(
                    new RegistrationForm.DelegateForm("Anna Smirnova", "Head of sales", "anna@test.forum",
                            "+375 29 123-45-67"),
                    new RegistrationForm.DelegateForm("Борис Сидоров", "Инженер", "boris@test.forum",
                            "+7 900 111 22 33"),
                    new RegistrationForm.DelegateForm("Клара Новак", "Юрист", "klara@test.forum",
                            "+7 900 111 22 44")));
            registrations.resubmit(form);

            RegistrationDetails details = registrations.myRegistration();
            assertThat(details.status()).isEqualTo(RegistrationStatus.PENDING);
            assertThat(details.seeks()).isEqualTo("Дистрибьюторов станков в Минской и Гомельской областях.");
            assertThat(details.sectors()).containsExactly(Sector.MANUFACTURING);
            assertThat(details.delegates()).extracting(DelegateDetails::fullName)
                    .containsExactly("Anna Smirnova", "Борис Сидоров", "Клара Новак");
            assertThat(details.submittedAt()).isAfterOrEqualTo(decidedAt);
            assertThat(registrations.history(id)).extracting(RegistrationHistoryEntry::type).containsExactly(
                    RegistrationEventType.SUBMITTED, RegistrationEventType.CHANGES_REQUESTED,
                    RegistrationEventType.RESUBMITTED);
            assertThat(registrations.history(id)).last().satisfies(entry -> {
                assertThat(entry.actorName()).isEqualTo(original.getLoginEmail());
                assertThat(entry.occurredAt()).isEqualTo(details.submittedAt());
            });

            TestData.logInAsOrganizer(accounts);
            registrations.approve(id);
            assertThat(registrations.details(id).status()).isEqualTo(RegistrationStatus.APPROVED);
        }

        @Test
        void fewer_delegates_after_an_edit_leave_no_stale_ones_behind() {
            RegistrationForm original = TestData.registrationForm();
            long id = registrations.register(original);
            TestData.logInAs(accounts, original.getLoginEmail());

            RegistrationForm form = registrations.myApplicationForm();
            form.setDelegates(List.of(form.getDelegates().get(1)));
            registrations.resubmit(form);

            assertThat(registrations.myRegistration().delegates()).extracting(DelegateDetails::fullName)
                    .containsExactly("Anna Smirnova");
            assertThat(jdbc.queryForObject("select count(*) from delegate where company_id = ?", Long.class, id))
                    .isEqualTo(1);
        }

        @Test
        void an_edited_application_is_validated_and_nothing_is_saved_when_it_is_faulty() {
            RegistrationForm original = TestData.registrationForm();
            long id = registrations.register(original);
            TestData.logInAsOrganizer(accounts);
            registrations.requestChanges(id, "Добавьте описание");
            TestData.logInAs(accounts, original.getLoginEmail());

            RegistrationForm form = registrations.myApplicationForm();
            form.setDescription("Коротко");
            form.setPhone("нет");
            InvalidRegistrationException refused = catchThrowableOfType(InvalidRegistrationException.class,
                    () -> registrations.resubmit(form));

            assertThat(refused.errors()).containsExactlyInAnyOrder(
                    new FieldError("description", "validation.too-short"),
                    new FieldError("phone", "validation.phone"));
            RegistrationDetails details = registrations.myRegistration();
            assertThat(details.status()).isEqualTo(RegistrationStatus.CHANGES_REQUESTED);
            assertThat(details.description()).isEqualTo(original.getDescription());
            assertThat(registrations.history(id)).hasSize(2);
        }

        @Test
        void an_edited_application_cannot_take_another_companys_tax_number() {
            RegistrationForm other = TestData.registrationForm();
            registrations.register(other);
            RegistrationForm original = TestData.registrationForm();
            registrations.register(original);
            TestData.logInAs(accounts, original.getLoginEmail());

            RegistrationForm form = registrations.myApplicationForm();
            form.setTaxNumber(other.getTaxNumber());
            InvalidRegistrationException refused = catchThrowableOfType(InvalidRegistrationException.class,
                    () -> registrations.resubmit(form));

            assertThat(refused.errors()).containsExactly(new FieldError("taxNumber", "validation.tax-number.taken"));
            assertThat(registrations.myRegistration().taxNumber()).isEqualTo(original.getTaxNumber());
        }

        @Test
        void an_approved_or_rejected_application_cannot_be_edited() {
            RegistrationForm approved = TestData.registrationForm();
            long approvedId = registrations.register(approved);
            RegistrationForm rejected = TestData.registrationForm();
            long rejectedId = registrations.register(rejected);
            TestData.logInAsOrganizer(accounts);
            registrations.approve(approvedId);
            registrations.reject(rejectedId, "Не по тематике");

            for (RegistrationForm company : List.of(approved, rejected)) {
                TestData.logInAs(accounts, company.getLoginEmail());
                RegistrationForm form = registrations.myApplicationForm();
                form.setShortName("Новое имя");
                assertThatThrownBy(() -> registrations.resubmit(form))
                        .isInstanceOfSatisfying(RegistrationStateException.class,
                                e -> assertThat(e.key()).isEqualTo("registration.error.not-editable"));
                assertThat(registrations.myRegistration().shortName()).isEqualTo(company.getShortName());
            }
        }
    }

    @Nested
    class Security {

        @Test
        void a_company_cannot_decide_or_see_the_queue() {
            RegistrationForm form = TestData.registrationForm();
            long id = registrations.register(form);
            TestData.logInAs(accounts, form.getLoginEmail());

            assertDenied(() -> registrations.approve(id));
            assertDenied(() -> registrations.reject(id, "Нет"));
            assertDenied(() -> registrations.requestChanges(id, "Нет"));
            assertDenied(() -> registrations.queue(RegistrationFilter.all(), PageRequest.of(0, 10)));
            assertDenied(() -> registrations.count(RegistrationFilter.all()));

            TestData.logInAsOrganizer(accounts);
            assertThat(registrations.details(id).status()).isEqualTo(RegistrationStatus.PENDING);
            assertThat(registrations.history(id)).hasSize(1);
        }

        @Test
        void a_company_cannot_read_another_companys_application_or_history() {
            RegistrationForm mine = TestData.registrationForm();
            long myId = registrations.register(mine);
            long othersId = registrations.register(TestData.registrationForm());
            TestData.logInAs(accounts, mine.getLoginEmail());

            assertThat(registrations.details(myId).id()).isEqualTo(myId);
            assertThat(registrations.history(myId)).hasSize(1);
            assertThatThrownBy(() -> registrations.details(othersId)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> registrations.history(othersId)).isInstanceOf(AccessDeniedException.class);
            // nor, by the approval queue's "next application" (ux46), another company's name
            assertThatThrownBy(() -> registrations.nextPending(RegistrationFilter.all(), myId))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> registrations.nextPending(new RegistrationFilter(null, null, null,
                    TestData.registrationForm().getShortName()), othersId)).isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void an_organizer_has_no_application_of_their_own() {
            TestData.logInAsOrganizer(accounts);

            assertDenied(() -> registrations.myRegistration());
            assertDenied(() -> registrations.myApplicationForm());
            assertDenied(() -> registrations.resubmit(TestData.registrationForm()));
        }

        @Test
        void without_logging_in_nobody_decides_or_reads_applications() {
            long id = registrations.register(TestData.registrationForm());

            for (Executable call : anonymousCalls(id)) {
                assertThatThrownBy(call::execute).isInstanceOf(AuthenticationException.class);
            }
        }

        @Test
        void an_anonymous_visitor_of_the_site_cannot_decide_or_read_applications() {
            long id = registrations.register(TestData.registrationForm());
            SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("visitor",
                    "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

            for (Executable call : anonymousCalls(id)) {
                assertDenied(call);
            }
            TestData.logInAsOrganizer(accounts);
            assertThat(registrations.details(id).status()).isEqualTo(RegistrationStatus.PENDING);
        }

        private List<Executable> anonymousCalls(long id) {
            return List.of(() -> registrations.approve(id), () -> registrations.reject(id, "Нет"),
                    () -> registrations.requestChanges(id, "Нет"),
                    () -> registrations.queue(RegistrationFilter.all(), PageRequest.of(0, 10)),
                    () -> registrations.count(RegistrationFilter.all()), () -> registrations.details(id),
                    () -> registrations.history(id), () -> registrations.myRegistration(),
                    () -> registrations.myApplicationForm(), () -> notifications.mine(10));
        }

        private void assertDenied(Executable call) {
            assertThatThrownBy(call::execute).isInstanceOf(AuthorizationDeniedException.class)
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    class Queue {

        @Test
        void the_queue_filters_by_status_city_and_sector() {
            String city = "Тестоград " + TestData.unique();
            long itAndEnergy = register(city, Sector.IT_DIGITAL, Sector.ENERGY);
            long tourism = register(city, Sector.TOURISM);
            long it = register(city, Sector.IT_DIGITAL);
            register("Другой " + TestData.unique(), Sector.IT_DIGITAL);
            TestData.logInAsOrganizer(accounts);
            registrations.approve(itAndEnergy);

            assertThat(ids(new RegistrationFilter(null, city, null))).containsExactly(itAndEnergy, tourism, it);
            assertThat(ids(new RegistrationFilter(null, " " + city.toUpperCase(Locale.ROOT) + " ", null)))
                    .as("city in any case").containsExactly(itAndEnergy, tourism, it);
            assertThat(ids(new RegistrationFilter(RegistrationStatus.PENDING, city, null)))
                    .containsExactly(tourism, it);
            assertThat(ids(new RegistrationFilter(RegistrationStatus.APPROVED, city, null)))
                    .containsExactly(itAndEnergy);
            assertThat(ids(new RegistrationFilter(null, city, Sector.IT_DIGITAL))).containsExactly(itAndEnergy, it);
            assertThat(ids(new RegistrationFilter(RegistrationStatus.PENDING, city, Sector.IT_DIGITAL)))
                    .containsExactly(it);
            assertThat(ids(new RegistrationFilter(RegistrationStatus.REJECTED, city, null))).isEmpty();
            assertThat(registrations.count(new RegistrationFilter(null, city, null))).isEqualTo(3);
            assertThat(registrations.count(new RegistrationFilter(RegistrationStatus.PENDING, city, Sector.TOURISM)))
                    .isEqualTo(1);
            assertThat(registrations.count(RegistrationFilter.all())).isGreaterThanOrEqualTo(4);
        }

        @Test
        void a_queue_row_summarizes_the_application() {
            RegistrationForm form = TestData.registrationForm(Country.BY);
            form.setCity("Брест " + TestData.unique());
            long id = registrations.register(form);
            TestData.logInAsOrganizer(accounts);

            List<RegistrationSummary> rows = registrations.queue(new RegistrationFilter(null, form.getCity(), null),
                    PageRequest.of(0, 10));

            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.id()).isEqualTo(id);
                assertThat(row.shortName()).isEqualTo(form.getShortName());
                assertThat(row.fullName()).isEqualTo(form.getFullName());
                assertThat(row.city()).isEqualTo(form.getCity());
                assertThat(row.country()).isEqualTo(Country.BY);
                assertThat(row.sectors()).containsExactlyInAnyOrderElementsOf(form.getSectors());
                assertThat(row.status()).isEqualTo(RegistrationStatus.PENDING);
                assertThat(row.submittedAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
            });
        }

        @Test
        void the_queue_comes_one_page_at_a_time() {
            String city = "Постраничск " + TestData.unique();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(register(city, Sector.FINANCE, Sector.TOURISM));
            }
            TestData.logInAsOrganizer(accounts);
            RegistrationFilter filter = new RegistrationFilter(RegistrationStatus.PENDING, city, Sector.FINANCE);

            List<Long> first = ids(filter, PageRequest.of(0, 2, Sort.by("id")));
            List<Long> second = ids(filter, PageRequest.of(1, 2, Sort.by("id")));
            List<Long> third = ids(filter, PageRequest.of(2, 2, Sort.by("id")));
            List<Long> beyond = ids(filter, PageRequest.of(3, 2, Sort.by("id")));

            assertThat(first).containsExactly(ids.get(0), ids.get(1));
            assertThat(second).containsExactly(ids.get(2), ids.get(3));
            assertThat(third).containsExactly(ids.get(4));
            assertThat(beyond).isEmpty();
            assertThat(ids(filter, PageRequest.of(0, 2, Sort.by(Sort.Direction.DESC, "id"))))
                    .containsExactly(ids.get(4), ids.get(3));
            assertThat(registrations.count(filter)).isEqualTo(5);
        }

        @Test
        void without_a_sort_the_queue_lists_the_earliest_submitted_first_as_next_application_does() {
            String city = "Очередёвск " + TestData.unique();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(register(city, Sector.FINANCE));
            }
            // submitted in the other order than registered (an application sent back and submitted again)
            for (int i = 0; i < 3; i++) {
                jdbc.update("update company set submitted_at = ? where id = ?",
                        java.sql.Timestamp.from(Instant.now().minus(i + 1, ChronoUnit.HOURS)), ids.get(i));
            }
            TestData.logInAsOrganizer(accounts);
            RegistrationFilter filter = new RegistrationFilter(RegistrationStatus.PENDING, city, null);
            RegistrationFilter anyStatus = new RegistrationFilter(null, city, null);

            assertThat(ids(filter, PageRequest.of(0, 10))).containsExactly(ids.get(2), ids.get(1), ids.get(0));
            assertThat(ids(anyStatus, PageRequest.of(0, 10))).containsExactly(ids.get(2), ids.get(1), ids.get(0));
            assertThat(registrations.nextPending(filter, -1)).map(RegistrationSummary::id).contains(ids.get(2));
            // a sort by a column all three share: ties by id, the same on every page
            assertThat(ids(filter, PageRequest.of(0, 2, Sort.by("city")))).containsExactly(ids.get(0), ids.get(1));
            assertThat(ids(filter, PageRequest.of(1, 2, Sort.by("city")))).containsExactly(ids.get(2));
        }

        private long register(String city, Sector... sectors) {
            RegistrationForm form = TestData.registrationForm();
            form.setCity(city);
            form.setSectors(EnumSet.of(sectors[0], sectors));
            return registrations.register(form);
        }

        private List<Long> ids(RegistrationFilter filter) {
            return ids(filter, PageRequest.of(0, 50, Sort.by("id")));
        }

        private List<Long> ids(RegistrationFilter filter, PageRequest page) {
            return registrations.queue(filter, page).stream().map(RegistrationSummary::id).toList();
        }
    }

    private List<NotificationView> notificationsOf(String email) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        try {
            TestData.logInAs(accounts, email);
            return notifications.mine(50);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private long companiesWithTaxNumber(String taxNumber) {
        return jdbc.queryForObject("select count(*) from company where tax_number = ?", Long.class, taxNumber);
    }

    private long companiesNamed(String shortName) {
        return jdbc.queryForObject("select count(*) from company where short_name = ?", Long.class, shortName);
    }

    /** Runs the calls at the same moment on separate threads; each outcome is a result or the exception thrown. */
    private static List<Object> simultaneously(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
