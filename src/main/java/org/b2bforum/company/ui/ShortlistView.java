package org.b2bforum.company.ui;

import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.ApprovedCompaniesOnly;
import org.b2bforum.base.ui.ServerConfirmedGrids;
import org.b2bforum.company.DirectoryEntry;
import org.b2bforum.company.DirectoryQuery;
import org.b2bforum.company.DirectoryService;
import org.b2bforum.company.ShortlistService;
import org.b2bforum.company.WishesPhase;

import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import jakarta.annotation.security.RolesAllowed;

/** The companies the logged-in company has starred. */
@Route("shortlist")
@Menu(title = "menu.shortlist", icon = "STAR", order = 4)
// the cards' template uses these web components (CompanyCard), so the page's bundle must load them
@Uses(Avatar.class)
@Uses(Button.class)
@Uses(Icon.class)
@RolesAllowed(Role.COMPANY_NAME)
@ApprovedCompaniesOnly
class ShortlistView extends VerticalLayout implements HasDynamicTitle {

    final Grid<DirectoryEntry> results = new Grid<>();

    ShortlistView(DirectoryService directory, ShortlistService shortlist, WishesPhase wishesPhase) {
        addClassName("page");
        setSizeFull();
        DirectoryQuery query = DirectoryQuery.everything().shortlisted();
        boolean wishes = wishesPhase.collectingWishes();
        long count = directory.count(query);
        results.setId("shortlist-results");
        // before its rows are set: the switch-off is then queued ahead of the rows' first update (ServerConfirmedGrids)
        ServerConfirmedGrids.confirmedByNextRequest(results);
        results.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_NO_ROW_BORDERS);
        results.addColumn(CompanyCard.renderer(this, results, shortlist, true, wishes));
        results.setItems(q -> directory.search(query, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> (int) count);
        results.setEmptyStateText(getTranslation("shortlist.empty"));
        results.setSizeFull();
        results.addClassName("company-list");
        add(new H1(getTranslation("menu.shortlist")), results);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.shortlist") + " · " + getTranslation("app.short-title");
    }
}
