package org.b2bforum.meeting.ui;

import java.util.Optional;

import com.vaadin.flow.component.html.Anchor;

/** A company's name linking to its profile ("companies/<id>", a view of the company feature). */
class CompanyLink extends Anchor {

    CompanyLink(long companyId, String name) {
        super("companies/" + companyId, name);
        addClassName("company-link");
        // let the router handle the click without reloading the page
        getElement().setAttribute("router-link", true);
    }

    /** A company's id as given in a link's parameter ("with"), empty when it is none. */
    static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
