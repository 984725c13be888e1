package org.b2bforum.company.ui;

import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.ApprovedCompaniesOnly;
import org.b2bforum.company.RecommendationService;
import org.b2bforum.company.ShortlistService;
import org.b2bforum.company.WishesPhase;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** "Suggested partners": the companies that best match what the logged-in company offers and seeks. */
@Route("partners")
@Menu(title = "menu.partners", icon = "CONNECT", order = 2)
@RolesAllowed(Role.COMPANY_NAME)
@ApprovedCompaniesOnly
class SuggestionsView extends VerticalLayout implements HasDynamicTitle {

    static final int SHOWN = 20;

    SuggestionsView(RecommendationService recommendations, ShortlistService shortlist, WishesPhase wishesPhase) {
        addClassName("page");
        add(new H1(getTranslation("menu.partners")), new Paragraph(getTranslation("suggestions.intro")),
                new SuggestionList(recommendations.mySuggestions(SHOWN), shortlist, true,
                        wishesPhase.collectingWishes()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.partners") + " · " + getTranslation("app.short-title");
    }
}
