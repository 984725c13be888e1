package org.b2bforum.registration.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface IdentityChangeProposalRepository extends JpaRepository<IdentityChangeProposal, Long> {

    /** Every proposal, the earliest first. */
    List<IdentityChangeProposal> findAllByOrderByProposedAtAscCompanyIdAsc();

    /** Removes the company's proposal; whether there was one. */
    @Modifying(flushAutomatically = true)
    @Query("delete from IdentityChangeProposal p where p.companyId = :companyId")
    int deleteByCompany(long companyId);
}
