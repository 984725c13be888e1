package org.b2bforum.company.domain;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.b2bforum.company.Country;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface CompanyRepository extends JpaRepository<Company, Long>, JpaSpecificationExecutor<Company> {

    /* by the tax number an application holds: one freed by the office (V40) is held by none */

    boolean existsByCountryAndHeldTaxNumber(Country country, String taxNumber);

    Optional<Company> findByCountryAndHeldTaxNumber(Country country, String taxNumber);

    boolean existsByCountryAndHeldTaxNumberAndIdNot(Country country, String taxNumber, Long id);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Company c set c.submittedAt = :at, c.consentGivenAt = :at where c.id = :id")
    int backdateSubmission(long id, Instant at);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Company c where c.id = :id")
    Optional<Company> findForUpdate(long id);
}
