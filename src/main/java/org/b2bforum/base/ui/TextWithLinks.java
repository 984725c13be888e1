package org.b2bforum.base.ui;

import org.b2bforum.base.text.Links;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Span;

/**
 * What someone wrote (a message, an announcement, an organizer's comment): text nodes, never HTML, and anchors built
 * only from parsed http(s) addresses ({@link Links}), opened in a new tab without access to this one.
 */
public class TextWithLinks extends Span {

    public TextWithLinks(String text) {
        for (Links.Segment segment : Links.segments(text)) {
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
