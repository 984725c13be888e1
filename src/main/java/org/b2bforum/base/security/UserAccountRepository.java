package org.b2bforum.base.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    boolean existsByRoleAndEnabledTrueAndDemoFalse(Role role);

    List<UserAccount> findByCompanyId(Long companyId);

    List<UserAccount> findByRoleOrderByDisplayNameAscEmailAsc(Role role);
}
