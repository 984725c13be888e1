package org.b2bforum.meeting.ui;

import com.vaadin.flow.component.html.Anchor;

/** A company's name linking to its profile ("companies/<id>", a view of the company feature). */
class CompanyLink extends Anchor {

    CompanyLink(long companyId, String name) {
        super("companies/" + companyId, name);
        addClassName("company-link");
        // let the router handle the click without reloading the page
        getElement().setAttribute("router-link", true);
    }
}
