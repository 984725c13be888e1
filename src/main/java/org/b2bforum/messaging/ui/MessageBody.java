package org.b2bforum.messaging.ui;

import org.b2bforum.messaging.MessageText;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;

/**
 * A message's text: text nodes, never HTML, and anchors built only from parsed http(s) addresses,
 * opened in a new tab without access to this one.
 */
class MessageBody extends Div {

    MessageBody(String text) {
        addClassName("message-body");
        for (MessageText.Segment segment : MessageText.segments(text)) {
            if (segment.isLink()) {
                Anchor link = new Anchor(segment.link().toASCIIString(), segment.text(), AnchorTarget.BLANK);
                link.getElement().setAttribute("rel", "noopener noreferrer nofollow");
                add(link);
            } else {
                add(new Text(segment.text()));
            }
        }
    }
}
