package org.b2bforum.company.ui;

import org.b2bforum.base.ui.MessageLink;
import org.b2bforum.company.DirectoryEntry;
import org.b2bforum.company.DirectoryService;
import org.b2bforum.company.ShortlistService;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/** A company in a list: logo, name, place, sectors, what it offers and seeks, and a star. */
class CompanyCard extends Div {

    CompanyCard(DirectoryEntry entry, ShortlistService shortlist, boolean canStar, boolean wishes) {
        addClassName("company-card");
        RouterLink name = new RouterLink(entry.shortName(), ProfileView.class,
                new RouteParameters("id", String.valueOf(entry.id())));
        name.addClassName("company-name");
        Span place = new Span(CompanyLabels.place(this, entry.city(), entry.country()));
        place.addClassName("company-place");
        Span sectors = new Span(CompanyLabels.sectors(this, entry.sectors()));
        sectors.addClassName("company-sectors");
        Div head = new Div(name, place, sectors);
        head.addClassName("company-head");

        Div top = new Div(new CompanyAvatar(entry.id(), entry.shortName(), entry.hasLogo(), "48px"), head);
        top.addClassName("company-top");
        if (canStar) {
            top.add(new StarButton(entry.id(), entry.starred(), shortlist));
        }
        add(top, line("directory.offers", entry.offers()), line("directory.seeks", entry.seeks()));
        if (canStar) {
            Div actions = new Div(new RequestMeetingButton(entry.id(), false, wishes), new MessageLink(entry.id()));
            actions.addClassName("company-card-actions");
            add(actions);
        }
    }

    private Paragraph line(String labelKey, String text) {
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("line-label");
        Paragraph paragraph = new Paragraph(label, new Span(text.length() > DirectoryService.SNIPPET
                ? text.substring(0, DirectoryService.SNIPPET) + "…" : text));
        paragraph.addClassName("company-line");
        return paragraph;
    }
}
