package org.b2bforum.registration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.company.CompanyApplications;
import org.b2bforum.company.CompanyRecords;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jakarta.persistence.EntityManager;

/**
 * One owner per table: companies' rows (company, its sectors and delegates, its search row) belong to
 * company. Registration reads them only through company's read model {@link CompanyApplications} and
 * changes them only through {@link CompanyRecords}, both from {@link RegistrationService} alone (the
 * views go through the service, which checks who is asking), its mapping of the form ({@code ApplicationForms}, moved
 * out of it for its length) and the removal of applications nobody confirmed ({@link NeverConfirmedApplications}: a
 * job, which no user asks, and the service's registration) and the office's confirmation of an address and freeing of
 * a rejected application's tax number ({@link OfficeCorrections}: organizers only, it locks the company) and an
 * approved company's new name, proposed by the company and accepted or declined by the office ({@link IdentityChanges},
 * mend53a: it locks the company); it never sees company's entities or repositories and runs no SQL of its own.
 */
class CompanyRowsOwnerTest {

    private static final JavaClasses REGISTRATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.b2bforum.registration");

    @Test
    void the_rules_below_see_registrations_classes() {
        assertThat(REGISTRATION.contain(RegistrationService.class)).isTrue();
        assertThat(REGISTRATION.contain("org.b2bforum.registration.ui.ApprovalQueueView")).isTrue();
    }

    @Test
    void registration_uses_none_of_companys_entities_or_repositories() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.b2bforum.company.domain..")
                .check(REGISTRATION);
    }

    @Test
    void registration_runs_no_sql_of_its_own() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .check(REGISTRATION);
    }

    @Test
    void only_the_registration_service_reads_and_writes_companies() {
        noClasses().that().doNotBelongToAnyOf(RegistrationService.class, ApplicationForms.class,
                        NeverConfirmedApplications.class, OfficeCorrections.class, IdentityChanges.class)
                .should().dependOnClassesThat().belongToAnyOf(CompanyRecords.class, CompanyApplications.class)
                .check(REGISTRATION);
    }
}
