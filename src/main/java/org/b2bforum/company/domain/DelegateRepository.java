package org.b2bforum.company.domain;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DelegateRepository extends JpaRepository<Delegate, Long> {

    @Query(value = "select company_id from delegate where id = :id", nativeQuery = true)
    Optional<Long> findCompanyIdById(long id);

    @Query("select d.id from Delegate d where d.checkInToken = :token")
    Optional<Long> findIdByCheckInToken(String token);
}
