package org.b2bforum.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.RegistrationStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

/**
 * A rejected impostor who registered a company's tax number with a confirmed address of their own held it for good
 * (review74): the forum office frees it, with a reason in the trail, and the real company registers.
 */
@ForumSpringTest
class TaxNumberFreedByOfficeTest {

    @Autowired
    RegistrationService registrations;
    @Autowired
    OfficeCorrections corrections;
    @Autowired
    AccountService accounts;

    private static RegistrationForm withTaxNumber(String taxNumber) {
        RegistrationForm form = TestData.registrationForm();
        form.setTaxNumber(taxNumber);
        return form;
    }

    private static List<String> fieldsOf(Throwable refused) {
        return ((InvalidRegistrationException) refused).errors().stream().map(e -> e.field() + ":" + e.key())
                .toList();
    }

    @Test
    void the_office_frees_a_rejected_impostor_s_tax_number_with_a_reason_and_the_real_company_then_registers() {
        // no mail server in the tests: the impostor's own address counts as confirmed, as one proved by its link would
        RegistrationForm impostor = TestData.registrationForm();
        long impostorId = registrations.register(impostor);
        RegistrationForm real = withTaxNumber(impostor.getTaxNumber());

        assertThatThrownBy(() -> registrations.register(real))
                .satisfies(e -> assertThat(fieldsOf(e)).containsExactly("taxNumber:validation.tax-number.taken"));

        TestData.logInAsOrganizer(accounts);
        assertThatThrownBy(() -> corrections.freeTaxNumber(impostorId, "Директор звонил: заявка не их"))
                .as("a pending application is rejected first").isInstanceOf(RegistrationStateException.class)
                .hasFieldOrPropertyWithValue("key", "registration.error.not-rejected");
        registrations.reject(impostorId, "Заявка подана не компанией-владельцем номера");
        TestData.logOut();
        assertThatThrownBy(() -> registrations.register(real)).as("a rejection alone does not free the number")
                .satisfies(e -> assertThat(fieldsOf(e)).containsExactly("taxNumber:validation.tax-number.taken"));

        TestData.logInAsOrganizer(accounts);
        assertThatThrownBy(() -> corrections.freeTaxNumber(impostorId, "  ")).as("a reason is required")
                .satisfies(e -> assertThat(fieldsOf(e)).containsExactly("reason:validation.required"));
        corrections.freeTaxNumber(impostorId, "Директор ООО позвонил 07.12: заявка подана не ими");
        assertThatThrownBy(() -> corrections.freeTaxNumber(impostorId, "ещё раз"))
                .isInstanceOf(RegistrationStateException.class)
                .hasFieldOrPropertyWithValue("key", "registration.error.tax-number-freed-already");
        RegistrationDetails rejected = registrations.details(impostorId);
        assertThat(rejected.taxNumber()).as("the rejected application keeps what it applied with")
                .isEqualTo(impostor.getTaxNumber());
        assertThat(rejected.status()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(rejected.taxNumberFreedAt()).isNotNull();
        assertThat(registrations.history(impostorId)).last().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(RegistrationEventType.TAX_NUMBER_FREED);
            assertThat(entry.comment()).isEqualTo("Директор ООО позвонил 07.12: заявка подана не ими");
        });
        TestData.logOut();

        long realId = registrations.register(real);

        TestData.logInAsOrganizer(accounts);
        assertThat(registrations.details(realId).status()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(registrations.queue(new RegistrationFilter(null, null, null, impostor.getTaxNumber()),
                PageRequest.of(0, 10))).as("the office finds both by the number")
                .extracting(RegistrationSummary::id).containsExactlyInAnyOrder(impostorId, realId);
        TestData.logOut();
        assertThatThrownBy(() -> registrations.register(withTaxNumber(impostor.getTaxNumber())))
                .as("the real company holds it now")
                .satisfies(e -> assertThat(fieldsOf(e)).containsExactly("taxNumber:validation.tax-number.taken"));
    }

    @Test
    void only_an_organizer_frees_a_tax_number() {
        RegistrationForm form = TestData.registrationForm();
        long companyId = registrations.register(form);
        TestData.logInAsOrganizer(accounts);
        registrations.reject(companyId, "Не та компания");
        TestData.logInAs(accounts, form.getLoginEmail());

        assertThatThrownBy(() -> corrections.freeTaxNumber(companyId, "Сам себе освобождаю"))
                .isInstanceOf(AccessDeniedException.class);
        TestData.logOut();
        assertThatThrownBy(() -> corrections.freeTaxNumber(companyId, "Аноним"))
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
        TestData.logInAsOrganizer(accounts);
        assertThat(registrations.details(companyId).taxNumberFreedAt()).isNull();
    }
}
