package org.b2bforum.notification;

import java.time.Clock;
import java.util.List;

import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.notification.domain.Notification;
import org.b2bforum.notification.domain.NotificationRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** In-app notifications: each user reads and clears only their own. */
@Service
public class NotificationService {

    private final NotificationRepository notifications;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, AccountService accounts, CurrentUser currentUser,
            Clock clock) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Notifies every account of a company; part of the caller's transaction. Called by other
     * services on behalf of the logged-in user whose action it reports.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void notifyCompany(long companyId, String messageKey, String detail) {
        for (long userId : accounts.userIdsOfCompany(companyId)) {
            notifications.save(new Notification(userId, messageKey, detail, clock.instant()));
        }
    }

    /** The logged-in user's latest notifications, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<NotificationView> mine(int limit) {
        return notifications.findByUserIdOrderByCreatedAtDescIdDesc(currentUser.require().id(), PageRequest.of(0, limit))
                .stream()
                .map(n -> new NotificationView(n.getId(), n.getMessageKey(), n.getDetail(), n.getCreatedAt(),
                        n.getReadAt() != null))
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public long unreadCount() {
        return notifications.countByUserIdAndReadAtIsNull(currentUser.require().id());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markAllRead() {
        notifications.findByUserIdAndReadAtIsNull(currentUser.require().id())
                .forEach(n -> n.markRead(clock.instant()));
    }
}
