package org.b2bforum.messaging;

import java.util.Optional;

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

    /**
     * "New message from Мосдорсервис", opening that conversation: "New message", leading to the list, said neither who
     * wrote nor where (ux75). The company of the newest unread message, muted and blocked ones left out; none (read
     * meanwhile): the list.
     */
    @Override
    public Optional<RiseNote> riseNote() {
        return messaging.latestUnreadSender()
                .map(sender -> new RiseNote("messages.new-from", sender.shortName(), "messages/" + sender.companyId()))
                .or(() -> Optional.of(new RiseNote("messages.new", "", "messages")));
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
