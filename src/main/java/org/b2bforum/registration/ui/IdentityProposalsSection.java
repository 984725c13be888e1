package org.b2bforum.registration.ui;

import java.util.List;

import org.b2bforum.registration.IdentityProposal;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/**
 * Above the approval queue: each approved company that proposed a new name, country or tax number, "old → new", a
 * link to its application's page where the office accepts or declines it (mend53a). Hidden when there are none.
 */
class IdentityProposalsSection extends Div {

    IdentityProposalsSection(List<IdentityProposal> proposals) {
        setId("identity-proposals");
        addClassName("identity-proposals");
        setVisible(!proposals.isEmpty());
        add(new H2(getTranslation("identity-change.title")), new Span(getTranslation("identity-change.count",
                proposals.size())));
        for (IdentityProposal proposal : proposals) {
            RouterLink link = new RouterLink(getTranslation("identity-change.row",
                    proposal.approved().shortName(), proposal.changes()), RegistrationDetailView.class,
                    new RouteParameters("id", String.valueOf(proposal.companyId())));
            link.addClassName("identity-proposal-link");
            Div row = new Div(link);
            add(row);
        }
    }
}
