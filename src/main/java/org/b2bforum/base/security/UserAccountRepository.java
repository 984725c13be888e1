package org.b2bforum.base.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    boolean existsByRoleAndEnabledTrueAndDemoFalse(Role role);

    boolean existsByDemoTrue();

    List<UserAccount> findByCompanyId(Long companyId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from UserAccount a where a.role = org.b2bforum.base.security.Role.ORGANIZER and a.enabled = true")
    List<UserAccount> lockEnabledOrganizers();

    List<UserAccount> findByRoleOrderByDisplayNameAscEmailAsc(Role role);

    /** The account locked until commit: a removal by its company waits for a password change that began, or goes first. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from UserAccount a where a.id = :id")
    Optional<UserAccount> lockById(long id);
}
