package org.b2bforum.registration.domain;

import java.time.Instant;
import java.util.List;

import org.b2bforum.registration.RegistrationEventType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RegistrationEventRepository extends JpaRepository<RegistrationEvent, Long> {

    List<RegistrationEvent> findByCompanyIdOrderByOccurredAtAscIdAsc(long companyId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update RegistrationEvent e set e.occurredAt = :at where e.companyId = :companyId and e.type = :type")
    int backdate(long companyId, RegistrationEventType type, Instant at);

    /** The audit trail of an application removed as never confirmed (it goes before its company and log-in). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from RegistrationEvent e where e.companyId = :companyId")
    int deleteByCompany(long companyId);
}
