package org.b2bforum.messaging;

import org.b2bforum.base.ui.MenuCounter;
import org.springframework.stereotype.Component;

/** Unread messages next to "Messages" in the menu. */
@Component
class UnreadMessagesCounter implements MenuCounter {

    private final MessagingService messaging;

    UnreadMessagesCounter(MessagingService messaging) {
        this.messaging = messaging;
    }

    @Override
    public String path() {
        return "messages";
    }

    @Override
    public long count() {
        return messaging.unreadCount();
    }
}
