package org.b2bforum.registration.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.b2bforum.base.ui.FilterFold;
import org.b2bforum.base.ui.GridTop;
import org.b2bforum.base.ui.PhoneColumns;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.Role;
import org.b2bforum.company.Cities;
import org.b2bforum.company.CityChoice;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.company.Sector;
import org.b2bforum.registration.IdentityChanges;
import org.b2bforum.registration.RegistrationFilter;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.registration.RegistrationSummary;
import org.springframework.data.domain.Sort;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import jakarta.annotation.security.RolesAllowed;

/** Organizers' approval queue: every application, pending ones first by default, loaded page by page. */
@Route("registrations")
@Menu(title = "menu.registrations", icon = "CLIPBOARD_USER", order = 1)
@RolesAllowed(Role.ORGANIZER_NAME)
class ApprovalQueueView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    final TextField search = new TextField();
    final Select<RegistrationStatus> status = new Select<>();
    final ComboBox<String> city = new ComboBox<>();
    final Select<Sector> sector = new Select<>();
    final Grid<RegistrationSummary> grid = new Grid<>();
    final Span count = new Span();
    /** Status, city and sector: in the row beside the search on a wide screen, folded behind {@link #filtersToggle} on a phone. */
    final Div refine = new Div();
    final Button filtersToggle = new Button();
    private final RegistrationService registrations;
    private boolean applyingAddress;
    private final List<String> cities;

    /** The new names, countries and tax numbers approved companies proposed (mend53a); hidden when there are none. */
    final IdentityProposalsSection proposals;

    ApprovalQueueView(RegistrationService registrations, IdentityChanges identityChanges, ForumTime time) {
        this.registrations = registrations;
        addClassName("page");
        setSizeFull();

        // with a hundred applications waiting, the one a company phones about is found by its name, UNP/INN or e-mail
        search.setLabel(getTranslation("queue.filter.search"));
        search.setPlaceholder(getTranslation("queue.filter.search-placeholder"));
        search.setId("filter-search");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("queue-search");

        status.setLabel(getTranslation("queue.filter.status"));
        status.setId("filter-status");
        status.setItems(RegistrationStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("queue.filter.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("queue.filter.any") : getTranslation(s.translationKey()));
        status.setValue(RegistrationStatus.PENDING);

        city.setLabel(getTranslation("queue.filter.city"));
        city.setId("filter-city");
        cities = new ArrayList<>(Cities.KNOWN.stream().map(Cities.City::name).toList());
        city.setItems(cities);
        city.setItemLabelGenerator(name -> Cities.inLanguage(name, this::getTranslation));
        city.setAllowCustomValue(true);
        city.setClearButtonVisible(true);
        city.setPlaceholder(getTranslation("queue.filter.any")); // empty, it read as a field to fill in
        city.addCustomValueSetListener(e -> setCity(e.getDetail()));

        sector.setLabel(getTranslation("queue.filter.sector"));
        sector.setId("filter-sector");
        sector.setItems(Sector.values());
        sector.setEmptySelectionAllowed(true);
        sector.setEmptySelectionCaption(getTranslation("queue.filter.any"));
        sector.setItemLabelGenerator(s -> s == null ? getTranslation("queue.filter.any") : getTranslation(s.translationKey()));

        grid.setId("registrations-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        // the company first and frozen: the row's company stays in sight when a narrow window scrolls sideways; on a
        // phone its city under its name (shown by forum.css there), for the city's column is left out
        grid.addColumn(LitRenderer.<RegistrationSummary>of("""
                <span class="queue-company-name">${item.name}</span>\
                <span class="queue-company-place">${item.place}</span>""")
                .withProperty("name", RegistrationSummary::shortName).withProperty("place", this::place))
                .setHeader(getTranslation("queue.column.company"))
                .setSortProperty("shortName").setKey("shortName").setWidth("10rem").setFlexGrow(1).setFrozen(true)
                .setTooltipGenerator(RegistrationSummary::fullName);
        // the status second, beside the company: last, it was off the screen on a tablet (768 px: the five columns are
        // 832 px wide in 720), and what the organizer looks for was found by scrolling each row sideways (ux89)
        grid.addColumn(new ComponentRenderer<>(r -> r.awaitingEmailConfirmation() ? unconfirmed(r)
                : new StatusBadge(r.status())))
                .setHeader(getTranslation("queue.column.status")).setSortProperty("status").setKey("status")
                .setAutoWidth(true);
        Grid.Column<RegistrationSummary> submitted = grid.addColumn(r -> time.format(r.submittedAt(), getLocale()))
                .setHeader(getTranslation("queue.column.submitted")).setSortProperty("submittedAt")
                .setKey("submittedAt").setWidth("8rem").setFlexGrow(0); // date and time on two lines
        // a width, not the content's: that is read from the lazy grid's first rows, a longer city further down was cut
        Grid.Column<RegistrationSummary> place = grid.addColumn(this::place)
                .setHeader(getTranslation("queue.column.city")).setSortProperty("city").setKey("city")
                .setWidth("9rem").setFlexGrow(1);
        Grid.Column<RegistrationSummary> sectors = grid.addColumn(r -> r.sectors().stream()
                .map(s -> getTranslation(s.translationKey())).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("queue.column.sectors")).setKey("sectors").setWidth("14rem")
                .setFlexGrow(2); // as wide as 'Пищевая промышленность' in one piece
        // at 390 px the five columns scrolled sideways: the status, what the organizer looks for, off the screen and
        // the city cut ("Minsk, Be", ux80); a phone shows the company with its city, and the status beside it
        PhoneColumns.leaveOut(grid, submitted, place, sectors);
        // the filter and the sort go along: the application's way back keeps them, and its "next application" is the
        // first row of this order (it followed the submission order whatever the organizer had sorted by)
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RegistrationDetailView.class,
                new RouteParameters("id", String.valueOf(e.getItem().id())), QueueParameters.of(filter(), sort()))));
        grid.addSortListener(e -> {
            if (!applyingAddress) {
                showInAddress();
            }
        });
        grid.setEmptyStateText(getTranslation("queue.empty"));
        grid.setSizeFull();

        search.addValueChangeListener(e -> filterChanged());
        status.addValueChangeListener(e -> filterChanged());
        city.addValueChangeListener(e -> filterChanged());
        sector.addValueChangeListener(e -> filterChanged());

        count.setId("queue-count");
        count.addClassName("queue-count");
        // at forum scale on a phone the four filters stacked one a row took 60 % of the first screen (4 rows of the grid
        // in sight), and at 1280 px the sector wrapped to a line of its own: the search first, the other three in
        // one row with it on a wide screen and folded behind "Filters (n)" on a phone, two a row when unfolded
        refine.add(status, city, sector);
        FilterFold.fold(filtersToggle, "queue-filters-toggle", refine, "queue-refine");
        HorizontalLayout filters = new HorizontalLayout(search, filtersToggle, refine);
        filters.setId("queue-filters");
        filters.addClassName("queue-filters");
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWidthFull();
        proposals = new IdentityProposalsSection(identityChanges.pending());
        add(new H1(getTranslation("queue.title")), proposals, filters, count, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RegistrationFilter filter = QueueParameters.from(event.getLocation().getQueryParameters());
        applyingAddress = true;
        try {
            search.setValue(filter.text() == null ? "" : filter.text());
            status.setValue(filter.status());
            setCity(filter.city());
            sector.setValue(filter.sector());
            Sort sort = QueueParameters.sort(event.getLocation().getQueryParameters());
            grid.sort(sort.stream().map(order -> new GridSortOrder<>(grid.getColumnByKey(order.getProperty()),
                    order.isDescending() ? SortDirection.DESCENDING : SortDirection.ASCENDING)).toList());
        } finally {
            applyingAddress = false;
        }
        refresh();
    }

    /**
     * The city typed or in the address, in either language ("Gomel" filters by the stored "Гомель"); blank: any city
     * (it added an empty item to the list).
     */
    private void setCity(String value) {
        CityChoice.set(city, cities, value, this::getTranslation);
    }

    RegistrationFilter filter() {
        return new RegistrationFilter(status.getValue(), city.getValue(), sector.getValue(), search.getValue());
    }

    /** The grid's sort as the queue's pages are read in it (the first column sorted by). */
    Sort sort() {
        return grid.getSortOrder().stream().findFirst().map(order -> Sort.by(
                order.getDirection() == SortDirection.DESCENDING ? Sort.Direction.DESC : Sort.Direction.ASC,
                order.getSorted().getKey())).orElse(Sort.unsorted());
    }

    private void filterChanged() {
        if (applyingAddress) {
            return;
        }
        refresh();
        // new rows from the top: the grid kept its scroll offset and showed the new first row half hidden
        GridTop.scrollToTop(grid);
        showInAddress();
    }

    /** A reload, or the way back from an application, finds the same filter and sort. */
    private void showInAddress() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(RouteConfiguration.forSessionScope().getUrl(ApprovalQueueView.class),
                        QueueParameters.of(filter(), sort()))));
    }

    private void refresh() {
        RegistrationFilter filter = filter();
        long total = registrations.count(filter);
        count.setText(getTranslation("queue.count", total));
        // folded on a phone, the button says how many filters narrow the list beyond the default (pending)
        long narrowing = java.util.stream.Stream.of(city.getValue(), sector.getValue()).filter(v -> v != null
                && !v.toString().isBlank()).count() + (status.getValue() == RegistrationStatus.PENDING ? 0 : 1);
        filtersToggle.setText(narrowing == 0 ? getTranslation("queue.filters")
                : getTranslation("queue.filters-active", narrowing));
        grid.setItems(query -> registrations.queue(filter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) registrations.count(filter));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("queue.title") + " · " + getTranslation("app.short-title");
    }

    /** The company's city and country: "Гомель, Беларусь". */
    private String place(RegistrationSummary r) {
        return Cities.inLanguage(r.city(), this::getTranslation) + ", " + getTranslation(r.country().translationKey());
    }

    /** The status, and under it that the company's e-mail is not confirmed yet (it cannot be approved meanwhile). */
    private Div unconfirmed(RegistrationSummary r) {
        Span note = new Span(getTranslation("registration.email-not-confirmed"));
        note.addClassNames("status-badge", "status-changes-requested", "email-not-confirmed");
        Div both = new Div(new StatusBadge(r.status()), note);
        both.addClassName("queue-status-unconfirmed");
        return both;
    }
}
