package org.b2bforum.registration.ui;

import java.util.function.Function;

import org.b2bforum.registration.IdentityProposal;
import org.b2bforum.registration.IdentityProposal.Identity;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * A new name, country or tax number an approved company proposed, as the office reads it on the application's page:
 * each changed part "old → new" (mend53a). The page adds the office's buttons under it.
 */
class IdentityProposalPanel extends Div {

    IdentityProposalPanel(IdentityProposal proposal) {
        setId("identity-proposal");
        addClassName("identity-proposal");
        add(new H2(getTranslation("identity-change.detail-title")));
        Identity from = proposal.approved();
        Identity to = proposal.proposed();
        row("field.fullName", from, to, Identity::fullName);
        row("field.shortName", from, to, Identity::shortName);
        row("field.country", from, to, i -> getTranslation(i.country().translationKey()));
        row("field.taxNumber", from, to, Identity::taxNumber);
    }

    private void row(String label, Identity from, Identity to, Function<Identity, String> part) {
        String before = part.apply(from);
        String after = part.apply(to);
        if (!before.equals(after)) {
            Paragraph row = new Paragraph(getTranslation(label) + ": "
                    + getTranslation("identity-change.old-new", before, after));
            row.addClassName("identity-change-row");
            add(row);
        }
    }
}
