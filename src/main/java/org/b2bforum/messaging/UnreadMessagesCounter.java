package org.b2bforum.messaging;

import org.b2bforum.base.live.LiveChange;
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

    /** Only a message changes it, not a meeting's or an announcement's notification. */
    @Override
    public boolean changesWith(LiveChange.Kind kind) {
        return kind == LiveChange.Kind.MESSAGE;
    }

    /** A message written, a conversation read and a company muted or not are told ({@link MessagingService}). */
    @Override
    public boolean toldByLiveUpdates() {
        return true;
    }
}
