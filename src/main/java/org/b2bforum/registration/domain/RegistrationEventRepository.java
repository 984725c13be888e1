package org.b2bforum.registration.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RegistrationEventRepository extends JpaRepository<RegistrationEvent, Long> {

    List<RegistrationEvent> findByCompanyIdOrderByOccurredAtAscIdAsc(long companyId);
}
