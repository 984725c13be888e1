package org.b2bforum.venue;

import com.vaadin.flow.component.Component;

/**
 * Something a feature built on the venue's figures adds to the organizers' <i>Forum results</i>
 * page, below the live figures: the results report's charts. A Spring bean; the page asks it for a
 * new component each time it is opened (as an organizer, in the page's language).
 */
public interface FiguresPageSection {

    Component create();
}
