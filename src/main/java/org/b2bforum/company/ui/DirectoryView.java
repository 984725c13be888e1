package org.b2bforum.company.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.ApprovedCompaniesOnly;
import org.b2bforum.base.ui.BackToDirectory;
import org.b2bforum.base.ui.ChoiceSelect;
import org.b2bforum.base.ui.FilterFold;
import org.b2bforum.base.ui.GridTop;
import org.b2bforum.base.ui.ServerConfirmedGrids;
import org.b2bforum.company.Cities;
import org.b2bforum.company.CityChoice;
import org.b2bforum.company.Country;
import org.b2bforum.company.DirectoryEntry;
import org.b2bforum.company.DirectoryQuery;
import org.b2bforum.company.DirectoryService;
import org.b2bforum.company.DirectorySort;
import org.b2bforum.company.SearchIn;
import org.b2bforum.company.Sector;
import org.b2bforum.company.ShortlistService;
import org.b2bforum.company.WishesPhase;

import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.UIScope;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import jakarta.annotation.security.RolesAllowed;

/**
 * The company directory: search in any word form, filters by city, country, sector and free meeting
 * slots, sorting.
 * The search lives in the URL (bookmarkable, the back button works); results load page by page.
 * <p>
 * One directory per browser tab ({@link UIScope}): coming back to it (after a profile, after "Send" on the request
 * form) shows the same components again with the filters of the new address, instead of building the page anew, which
 * was half of opening it at the booking window's rush (bench/README.md, issue 17). A search or a filter changes the
 * results and puts itself into the address ({@code History.pushState}) without a navigation of the router; the back
 * button, a reload or a bookmark then navigate to that address, whose parameters {@link #beforeEnter} applies.
 */
@SpringComponent
@UIScope
@Route("directory")
@Menu(title = "menu.directory", icon = "SEARCH", order = 3)
// the cards' template uses these web components (CompanyCard), so the page's bundle must load them
@Uses(Avatar.class)
@Uses(Button.class)
@Uses(Icon.class)
@RolesAllowed({Role.COMPANY_NAME, Role.ORGANIZER_NAME})
@ApprovedCompaniesOnly
class DirectoryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Cards per answer: the first page, then each further page the grid asks for while scrolling. */
    static final int PAGE_SIZE = 20;

    final TextField search = new TextField();
    final ComboBox<String> city = new ComboBox<>();
    final ChoiceSelect<Country> country = new ChoiceSelect<>(List.of(Country.values()), Country::name,
            c -> getTranslation(c.translationKey()), getTranslation("queue.filter.any"));
    final ChoiceSelect<Sector> sector = new ChoiceSelect<>(List.of(Sector.values()), Sector::name,
            s -> getTranslation(s.translationKey()), getTranslation("queue.filter.any"));
    /** Where the search's words are looked for: a buyer looks among the offers, a seller among the needs. */
    final ChoiceSelect<SearchIn> searchIn = new ChoiceSelect<>(List.of(SearchIn.values()), SearchIn::name,
            s -> getTranslation(s.translationKey()), null);
    final ChoiceSelect<DirectorySort> sort = new ChoiceSelect<>(List.of(DirectorySort.values()), DirectorySort::name,
            s -> getTranslation(s.translationKey()), null);
    final Checkbox freeSlots = new Checkbox();
    /** On a phone's narrow screen the filters fold away behind this button (it is hidden on wider screens). */
    final Button filtersToggle = new Button();
    final Div refine = new Div();
    final Grid<DirectoryEntry> results = new Grid<>();
    final Paragraph keys = new Paragraph(getTranslation("directory.keys"));
    final Span total = new Span();
    LitRenderer<DirectoryEntry> cards;
    private boolean cardsCanStar;
    private boolean cardsForWishes;
    /** Stars changed on this page since its rows were loaded. */
    private final Map<Long, Boolean> starred = new ConcurrentHashMap<>();
    private final DirectoryService directory;
    private final ShortlistService shortlist;
    private final WishesPhase wishesPhase;
    private final CurrentUser currentUser;
    private final List<String> cities = new ArrayList<>();
    private boolean applyingUrl;
    DirectoryQuery query = DirectoryQuery.everything();
    /** The address the page last showed or put into the browser's address bar. */
    Location address = new Location("directory");

    DirectoryView(DirectoryService directory, ShortlistService shortlist, CurrentUser currentUser,
            WishesPhase wishesPhase) {
        this.directory = directory;
        this.shortlist = shortlist;
        this.wishesPhase = wishesPhase;
        this.currentUser = currentUser;
        addClassName("page");
        setSizeFull();

        search.setId("directory-search");
        search.setPlaceholder(getTranslation("directory.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        // 22em beside the filters, the whole row on a phone (forum.css): 22em was 22 px short of the cards at 390 px
        search.addClassName("directory-search");
        search.setAriaLabel(getTranslation("directory.search.placeholder"));

        searchIn.setId("directory-search-in");
        searchIn.setLabel(getTranslation("directory.search-in"));
        searchIn.setValue(SearchIn.EVERYTHING);

        city.setId("directory-city");
        city.setLabel(getTranslation("queue.filter.city"));
        Cities.KNOWN.forEach(c -> cities.add(c.name()));
        city.setItems(cities);
        city.setItemLabelGenerator(name -> CompanyLabels.city(this, name));
        city.setAllowCustomValue(true);
        city.setClearButtonVisible(true);
        city.setPlaceholder(getTranslation("queue.filter.any")); // empty, it read as a field to fill in
        city.addCustomValueSetListener(e -> setCity(e.getDetail()));

        // the selects are drawn by the browser from one list each (ChoiceSelect): as Vaadin's Select their 22 items were
        // most of the page's nodes, built and sent again each time the tab comes back to the directory, a large part of
        // a click's work at the booking rush (issue 17)
        country.setId("directory-country");
        country.setLabel(getTranslation("field.country"));

        sector.setId("directory-sector");
        sector.setLabel(getTranslation("queue.filter.sector"));
        sector.setWidth("18em");

        sort.setId("directory-sort");
        sort.setLabel(getTranslation("directory.sort"));
        sort.setValue(DirectorySort.OTHER_SIDE_FIRST);
        sort.setWidth("16em");

        freeSlots.setId("directory-free-slots");
        freeSlots.setLabel(getTranslation("directory.free-slots"));

        search.addValueChangeListener(e -> pushToUrl());
        freeSlots.addValueChangeListener(e -> pushToUrl());
        searchIn.addValueChangeListener(e -> pushToUrl());
        city.addValueChangeListener(e -> pushToUrl());
        country.addValueChangeListener(e -> pushToUrl());
        sector.addValueChangeListener(e -> pushToUrl());
        sort.addValueChangeListener(e -> pushToUrl());

        results.setId("directory-results");
        results.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_NO_ROW_BORDERS);
        results.setEmptyStateText(getTranslation("directory.empty"));
        // the first answer carries one page of cards, and the grid asks for the next ones as the user scrolls:
        // a screenful and a half (cards are tall); fifty were a tenth of each search's CPU at the booking rush
        results.setPageSize(PAGE_SIZE);
        // the browser's confirmation of each page of cards was a request of its own after each opening and search
        ServerConfirmedGrids.confirmedByNextRequest(results);
        results.setSizeFull();
        results.addClassName("company-list");
        // The grid is one Tab stop; the companies in it are reached with the arrow keys, which the page says.
        results.setAriaLabel(getTranslation("directory.results-label"));
        keys.setId("directory-keys");
        keys.addClassName("hint");
        keys.addClassName("keyboard-hint");
        results.getElement().setAttribute("aria-describedby", "directory-keys");

        total.setId("directory-total");
        total.addClassName("result-count");
        refine.add(searchIn, city, country, sector, sort, freeSlots);
        FilterFold.fold(filtersToggle, "directory-filters-toggle", refine, "directory-refine");
        HorizontalLayout filters = new HorizontalLayout(search, filtersToggle, refine);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.setWidthFull(); // the row the phone's search fills (forum.css), not as wide as its content
        add(new H1(getTranslation("menu.directory")), filters, total, keys, results);
        // the tab keeps this page while the user is elsewhere: without its rows (the next visit loads its own)
        addDetachListener(e -> results.setItems(List.of()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // stars changed on this page before are read from the database again with the rows; the cards are made anew
        // only when the viewer's role changed (an organizer's cards have no star and no request button) or whether the
        // forum collects wishes (a new column and renderer at each visit were part of opening the directory's CPU at
        // the booking rush, bench/README.md, issue 17)
        boolean canStar = !currentUser.require().isOrganizer();
        boolean wishes = canStar && wishesPhase.collectingWishes();
        starred.clear();
        if (cards == null || canStar != cardsCanStar || wishes != cardsForWishes) {
            results.removeAllColumns();
            cards = CompanyCard.renderer(this, results, shortlist, canStar, wishes, starred);
            cardsCanStar = canStar;
            cardsForWishes = wishes;
            results.addColumn(cards);
        }
        address = event.getLocation();
        BackToDirectory.remember(event.getUI(), address);
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        applyingUrl = true;
        try {
            search.setValue(first(params, "q").orElse(""));
            setCity(first(params, "city").orElse(""));
            country.setValue(first(params, "country").flatMap(v -> parse(Country.class, v)).orElse(null));
            sector.setValue(first(params, "sector").flatMap(v -> parse(Sector.class, v)).orElse(null));
            sort.setValue(first(params, "sort").flatMap(v -> parse(DirectorySort.class, v))
                    .orElse(DirectorySort.OTHER_SIDE_FIRST));
            freeSlots.setValue(first(params, "free").isPresent());
            searchIn.setValue(first(params, "in").flatMap(v -> parse(SearchIn.class, v)).orElse(SearchIn.EVERYTHING));
        } finally {
            applyingUrl = false;
        }
        refresh();
    }

    private void pushToUrl() {
        if (applyingUrl) {
            return;
        }
        Map<String, String> params = new HashMap<>();
        if (!search.getValue().isBlank()) {
            params.put("q", search.getValue().trim());
        }
        Optional.ofNullable(city.getValue()).filter(v -> !v.isBlank()).ifPresent(v -> params.put("city", v));
        Optional.ofNullable(country.getValue()).ifPresent(v -> params.put("country", v.name()));
        Optional.ofNullable(sector.getValue()).ifPresent(v -> params.put("sector", v.name()));
        if (freeSlots.getValue()) {
            params.put("free", "1");
        }
        if (sort.getValue() != null && sort.getValue() != DirectorySort.OTHER_SIDE_FIRST) {
            params.put("sort", sort.getValue().name());
        }
        if (narrowsTheSearch()) {
            params.put("in", searchIn.getValue().name());
        }
        refresh();
        // new cards from the top: the grid kept its scroll offset and showed the new first card half hidden
        GridTop.scrollToTop(results);
        // the address as a navigation would set it, but without one (the router's navigation, the access checks and the
        // approval gate again were a search's largest cost at the booking rush, bench/README.md); the back button
        // navigates to the address before, whose parameters beforeEnter applies
        address = new Location(RouteConfiguration.forSessionScope().getUrl(DirectoryView.class),
                QueryParameters.simple(params));
        getUI().ifPresent(ui -> {
            ui.getPage().getHistory().pushState(null, address, false);
            BackToDirectory.remember(ui, address);
        });
    }

    private void refresh() {
        DirectoryQuery current = new DirectoryQuery(search.getValue(), city.getValue(), country.getValue(),
                sector.getValue(), sort.getValue(), false, freeSlots.getValue(), searchIn.getValue());
        query = current;
        // the count and the first page in one statement (a count, then the page, were two of each opening's and each
        // search's statements at the booking rush, bench/README.md, issue 17); the grid's first fetch, in this answer,
        // takes that page, and every other fetch reads its rows as before
        DirectoryService.FirstPage first = directory.firstPage(current, PAGE_SIZE);
        long count = first.total();
        total.setText(getTranslation("directory.total", count));
        long active = java.util.stream.Stream.of(city.getValue(), country.getValue(), sector.getValue(),
                freeSlots.getValue() ? Boolean.TRUE : null).filter(java.util.Objects::nonNull).count()
                + (sort.getValue() == DirectorySort.OTHER_SIDE_FIRST ? 0 : 1)
                + (narrowsTheSearch() ? 1 : 0);
        filtersToggle.setText(active == 0 ? getTranslation("directory.filters")
                : getTranslation("directory.filters-active", active));
        AtomicReference<List<DirectoryEntry>> firstRows = new AtomicReference<>(first.entries());
        results.setItems(q -> {
            List<DirectoryEntry> read = firstRows.getAndSet(null);
            if (read != null && q.getOffset() == 0 && (q.getLimit() <= read.size() || read.size() == count)) {
                return read.stream().limit(q.getLimit());
            }
            return directory.search(current, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream();
        }, q -> (int) count);
    }

    /** Offers or needs only, with words to look for: without them the choice filters nothing (nor is counted). */
    private boolean narrowsTheSearch() {
        return searchIn.getValue() != null && searchIn.getValue() != SearchIn.EVERYTHING && !search.getValue().isBlank();
    }

    private void setCity(String value) {
        CityChoice.set(city, cities, value, this::getTranslation);
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        return Optional.ofNullable(params.get(name)).flatMap(values -> values.stream().findFirst())
                .filter(v -> !v.isBlank());
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.directory") + " · " + getTranslation("app.short-title");
    }
}
