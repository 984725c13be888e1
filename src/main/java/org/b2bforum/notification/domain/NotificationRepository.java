package org.b2bforum.notification.domain;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByUserIdOrderByCreatedAtDescIdDesc(long userId, Pageable pageable);

    List<Notification> findByUserIdAndReadAtIsNull(long userId);
}
