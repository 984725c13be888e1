package org.b2bforum.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * "Write a message" to a company: a link to the messages feature's route ({@code messages/<id>}), so
 * that profiles, cards, meetings and agendas reach a conversation without depending on that feature.
 */
public class MessageLink extends Anchor {

    public MessageLink(long companyId) {
        setHref("messages/" + companyId);
        add(VaadinIcon.CHAT.create());
        add(getTranslation("messages.write"));
        addClassName("message-link");
        setId("message-link-" + companyId);
    }
}
