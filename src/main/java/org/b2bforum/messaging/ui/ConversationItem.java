package org.b2bforum.messaging.ui;

import java.time.Instant;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.messaging.ContactState;
import org.b2bforum.messaging.ConversationSummary;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

/**
 * One conversation in the list, leading to it: the other company, its unread count and the reader's choice about it,
 * when the last message came and its beginning ("Вы: …" when it was the reader's company's).
 */
class ConversationItem extends RouterLink {

    ConversationItem(ConversationSummary summary, boolean selected, ForumTime time, Instant now) {
        super(MessagesView.class, summary.otherCompanyId());
        addClassName("conversation-item");
        setClassName("selected", selected);
        Span name = new Span(summary.otherCompanyName());
        name.addClassName("conversation-name");
        add(name);
        if (summary.unread() > 0 && summary.state() != ContactState.MUTE) {
            Span unread = new Span(String.valueOf(summary.unread()));
            unread.addClassName("unread-count");
            unread.getElement().setAttribute("aria-label", getTranslation("messages.unread", summary.unread()));
            add(unread);
        }
        if (summary.state() != ContactState.NONE) {
            Span state = new Span(getTranslation("messages.state." + summary.state()));
            state.addClassName("conversation-state");
            add(state);
        }
        // whose the last word was and when, as chat lists show it: the list read alike whether the other company waited
        // for an answer or the reader did, and not since when (ux75)
        Span when = new Span(time.brief(summary.lastSentAt(), now, getLocale()));
        when.addClassName("conversation-time");
        when.getElement().setAttribute("title", time.format(summary.lastSentAt(), getLocale()));
        String text = summary.lastMessage().length() > 80
                ? summary.lastMessage().substring(0, 80) + "…" : summary.lastMessage();
        Span last = new Span(summary.lastMine() ? getTranslation("messages.last-mine", text) : text);
        last.addClassName("conversation-last");
        add(when, last);
    }
}
