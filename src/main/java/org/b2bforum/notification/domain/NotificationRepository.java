package org.b2bforum.notification.domain;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByUserIdOrderByCreatedAtDescIdDesc(long userId, Pageable pageable);

    /** The user's notifications after the given one in {@link #findByUserIdOrderByCreatedAtDescIdDesc}'s order. */
    @Query("""
            select n from Notification n where n.userId = :userId
              and (n.createdAt < :createdAt or (n.createdAt = :createdAt and n.id < :id))
            order by n.createdAt desc, n.id desc""")
    List<Notification> findOlder(@Param("userId") long userId, @Param("createdAt") Instant createdAt,
            @Param("id") long id, Pageable pageable);
}
