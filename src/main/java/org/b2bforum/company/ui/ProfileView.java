package org.b2bforum.company.ui;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.ApprovedCompaniesOnly;
import org.b2bforum.base.ui.BackToDirectory;
import org.b2bforum.base.ui.MessageLink;
import org.b2bforum.company.CompanyNotFoundException;
import org.b2bforum.company.CompanyProfile;
import org.b2bforum.company.DirectoryService;
import org.b2bforum.company.ProfileSection;
import org.b2bforum.company.RecommendationService;
import org.b2bforum.company.ShortlistService;
import org.b2bforum.company.WishesPhase;
import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * A company's profile. Contact details appear only once the two companies have a confirmed
 * meeting (always for organizers). Organizers also see the company's suggested partners.
 */
@Route("companies/:id")
@RolesAllowed({Role.COMPANY_NAME, Role.ORGANIZER_NAME})
@ApprovedCompaniesOnly
class ProfileView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DirectoryService directory;
    private final RecommendationService recommendations;
    private final ShortlistService shortlist;
    private final CurrentUser currentUser;
    private final WishesPhase wishesPhase;
    private final ObjectProvider<ProfileSection> sections;
    private String title = "";

    ProfileView(DirectoryService directory, RecommendationService recommendations, ShortlistService shortlist,
            CurrentUser currentUser, WishesPhase wishesPhase, ObjectProvider<ProfileSection> sections) {
        this.directory = directory;
        this.recommendations = recommendations;
        this.shortlist = shortlist;
        this.currentUser = currentUser;
        this.wishesPhase = wishesPhase;
        this.sections = sections;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            long id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            show(directory.profile(id), event.getUI());
        } catch (NumberFormatException | CompanyNotFoundException e) {
            removeAll();
            title = getTranslation("profile.not-found.title");
            Paragraph missing = new Paragraph(getTranslation("profile.not-found"));
            missing.setId("profile-not-found");
            add(new H1(title), missing);
        }
    }

    private void show(CompanyProfile profile, UI ui) {
        removeAll();
        title = profile.shortName();
        // opened from the directory's results: back to them as they were left (its search and filters)
        BackToDirectory.link(ui, "profile-back-to-directory").ifPresent(this::add);
        boolean organizer = currentUser.require().isOrganizer();

        H1 name = new H1(profile.shortName());
        Span fullName = new Span(profile.fullName());
        fullName.addClassName("company-full-name");
        Span place = new Span(CompanyLabels.place(this, profile.city(), profile.country()));
        place.addClassName("company-place");
        Span sectors = new Span(CompanyLabels.sectors(this, profile.sectors()));
        sectors.addClassName("company-sectors");
        Div head = new Div(name, fullName, place, sectors);
        head.addClassName("company-head");
        Div top = new Div(new CompanyAvatar(profile.id(), profile.shortName(), profile.hasLogo(), "96px"), head);
        top.addClassName("profile-top");
        if (!organizer && !profile.own()) {
            top.add(new StarButton(profile.id(), profile.starred(), shortlist));
        }
        add(top);
        if (!organizer && !profile.own()) {
            add(new Div(new RequestMeetingButton(profile.id(), true, wishesPhase.collectingWishes()),
                    new MessageLink(profile.id())));
        }
        if (profile.website() != null) {
            Anchor website = new Anchor(profile.website(), profile.website());
            website.setTarget("_blank");
            add(website);
        }
        sections.orderedStream().forEach(section -> section.forCompany(profile.id()).ifPresent(this::add));
        section("field.description", new Paragraph(profile.description()));
        // the form's "what we offer" is the company's own voice; anyone else reads about the company
        section(profile.own() ? "field.offers" : "profile.offers", new Paragraph(profile.offers()));
        section(profile.own() ? "field.seeks" : "profile.seeks", new Paragraph(profile.seeks()));

        UnorderedList delegates = new UnorderedList();
        delegates.setId("profile-delegates");
        profile.delegates().forEach(d -> delegates.add(new ListItem(d.fullName() + " — " + d.position()
                + (d.email() == null ? "" : " · " + d.email() + " · " + d.phone()))));
        section("form.section.delegates", delegates);

        Div contacts = new Div();
        contacts.setId("profile-contacts");
        if (profile.contactsVisible()) {
            CompanyProfile.Contacts c = profile.contacts();
            contacts.add(new Paragraph(c.contactPerson()), new Paragraph(c.email()), new Paragraph(c.phone()));
        } else {
            Paragraph hidden = new Paragraph(getTranslation("profile.contacts-hidden"));
            hidden.addClassName("contacts-hidden");
            contacts.add(hidden);
        }
        section("profile.contacts", contacts);

        if (organizer) {
            section("profile.suggestions-for", new SuggestionList(
                    recommendations.suggestionsFor(profile.id(), 10), shortlist, false, false));
        }
    }

    private void section(String key, Component content) {
        H2 heading = new H2(getTranslation(key));
        heading.addClassName("profile-section");
        content.addClassName("profile-text");
        add(heading, content);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.short-title");
    }
}
