package org.b2bforum.registration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import org.b2bforum.company.domain.Company;
import org.b2bforum.company.domain.CompanyRepository;
import org.b2bforum.company.domain.CompanySearchIndex;
import org.b2bforum.company.domain.Delegate;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * One writer per table: registration reads companies' entities (its queue and forms) but changes
 * companies, their delegates and their search rows only through company's {@code CompanyRecords}.
 */
class CompanyRowsOwnerTest {

    private static final Set<String> READS = Set.of("findById", "findAll", "count", "findForUpdate",
            "existsByCountryAndTaxNumber", "existsByCountryAndTaxNumberAndIdNot");

    @Test
    void registration_writes_no_company_row_itself() {
        JavaClasses registration = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.b2bforum.registration");
        noClasses().should().callMethodWhere(DescribedPredicate.describe("a write of company's rows",
                CompanyRowsOwnerTest::writesCompanyRows)).check(registration);
    }

    private static boolean writesCompanyRows(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        if (owner.equals(Company.class.getName()) || owner.equals(Delegate.class.getName())) {
            return !name.startsWith("get") && !name.startsWith("is");
        }
        if (owner.equals(CompanyRepository.class.getName())) {
            return !READS.contains(name);
        }
        return owner.equals(CompanySearchIndex.class.getName());
    }
}
