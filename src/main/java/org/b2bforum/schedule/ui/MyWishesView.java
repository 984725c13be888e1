package org.b2bforum.schedule.ui;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.b2bforum.base.ui.Notices;
import org.b2bforum.company.Cities;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.ApprovedCompaniesOnly;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.schedule.ScheduleRefusedException;
import org.b2bforum.schedule.Wish;
import org.b2bforum.schedule.WishCandidate;
import org.b2bforum.schedule.WishPriority;
import org.b2bforum.schedule.WishService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The companies the logged-in company wants to meet, each must-meet or nice to have. While the
 * organizers collect wishes, the company adds and removes them here ({@code wishes?add=<id>}
 * comes from a profile or a card with that company chosen); otherwise the list is read-only.
 */
@Route("wishes")
@Menu(title = "menu.wishes", icon = "HEART", order = 5)
@RolesAllowed(Role.COMPANY_NAME)
@ApprovedCompaniesOnly
class MyWishesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final ComboBox<WishCandidate> company = new ComboBox<>();
    final RadioButtonGroup<WishPriority> priority = new RadioButtonGroup<>();
    final Button add = new Button();
    final Grid<Wish> wishes = new Grid<>();
    final Paragraph phase = new Paragraph();
    /**
     * While wishes are not collected, where meetings are asked for instead: the page said only "read-only", and a new
     * company that opened it first (its menu offers it to every company) did not know where to turn (ux64).
     */
    final Paragraph instead = new Paragraph();
    final HorizontalLayout form;
    private final WishService service;
    private final BookingWindow bookingWindow;
    private final Clock clock;
    private boolean open;

    MyWishesView(WishService service, BookingWindow bookingWindow, Clock clock) {
        this.service = service;
        this.bookingWindow = bookingWindow;
        this.clock = clock;
        addClassName("page");
        addClassName("wishes-page");

        phase.setId("wishes-phase-note");
        phase.addClassName("hint");

        company.setId("wish-company");
        company.setLabel(getTranslation("wishes.company"));
        company.setPlaceholder(getTranslation("wishes.company.placeholder"));
        company.setItemLabelGenerator(c -> c.shortName() + " · "
                + Cities.inLanguage(c.city(), this::getTranslation));
        company.setItems(query -> service.candidates(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                .stream());
        company.setWidth("min(100%, 28em)");
        priority.setId("wish-priority");
        priority.setLabel(getTranslation("wishes.priority"));
        priority.setItems(WishPriority.values());
        priority.setItemLabelGenerator(p -> getTranslation(p.translationKey()));
        priority.setValue(WishPriority.NICE);
        add.setText(getTranslation("wishes.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.setId("wish-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(e -> addWish());
        form = new HorizontalLayout(company, priority, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        form.setId("wish-form");

        wishes.setId("wishes");
        // names wrap rather than end in "…" where the columns leave the company little room (a phone)
        wishes.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        // the city under the name: a column of its own left the name ~80 px on a phone ("СтолД…")
        wishes.addColumn(new ComponentRenderer<>(this::companyCell)).setHeader(getTranslation("wishes.company"))
                .setFlexGrow(2).setKey("company");
        wishes.addColumn(new ComponentRenderer<>(this::priorityCell)).setHeader(getTranslation("wishes.priority"))
                .setAutoWidth(true).setKey("priority");
        wishes.addColumn(new ComponentRenderer<>(this::removeButton)).setAutoWidth(true).setFlexGrow(0).setKey("remove");
        wishes.setEmptyStateText(getTranslation("wishes.empty"));
        wishes.setAllRowsVisible(true);

        instead.setId("wishes-instead");
        instead.addClassName("inline-links");
        instead.add(new Span(getTranslation("wishes.instead") + " "),
                new Anchor("partners", getTranslation("menu.partners")), new Span(" · "),
                new Anchor("directory", getTranslation("menu.directory")));

        add(new H1(getTranslation("menu.wishes")), new Paragraph(getTranslation("wishes.intro")), phase, instead, form,
                wishes);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        open = service.collectingWishes();
        phase.setText(getTranslation(open ? "wishes.phase.open" : "wishes.phase.closed"));
        form.setVisible(open);
        // only while a company may request: with the booking window closed as well, "request directly" sent it to a
        // button that refuses (review67)
        instead.setVisible(!open && bookingWindow.settings().isOpenAt(clock.instant()));
        wishes.getColumnByKey("remove").setVisible(open);
        refresh();
        if (open) {
            event.getLocation().getQueryParameters().getSingleParameter("add").flatMap(MyWishesView::parseId)
                    .flatMap(this::candidate).ifPresent(company::setValue);
        }
    }

    private Optional<WishCandidate> candidate(long id) {
        return service.candidate(id);
    }

    private void addWish() {
        if (company.getValue() == null) {
            company.setInvalid(true);
            company.setErrorMessage(getTranslation("wishes.company.required"));
            return;
        }
        WishCandidate target = company.getValue();
        try {
            service.wish(target.id(), priority.getValue());
            Notices.success(getTranslation("wishes.added", target.shortName()));
            company.clear();
            company.setInvalid(false);
            company.getDataProvider().refreshAll();
            refresh();
        } catch (ScheduleRefusedException e) {
            error(e);
        }
    }

    private Div companyCell(Wish wish) {
        Span city = new Span(Cities.inLanguage(wish.targetCity(), this::getTranslation));
        city.addClassName("wish-city");
        return new Div(new Anchor("companies/" + wish.targetId(), wish.targetName()), city);
    }

    private Select<WishPriority> priorityCell(Wish wish) {
        Select<WishPriority> select = new Select<>();
        select.setItems(WishPriority.values());
        select.setItemLabelGenerator(p -> getTranslation(p.translationKey()));
        select.setValue(wish.priority());
        select.setEnabled(open);
        select.setId("wish-priority-" + wish.targetId());
        select.setAriaLabel(getTranslation("wishes.priority"));
        select.setWidth("11em"); // "Nice to meet" whole; the default width left the company's column ~80 px on a phone
        select.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() != wish.priority()) {
                try {
                    service.wish(wish.targetId(), e.getValue());
                    refresh();
                } catch (ScheduleRefusedException ex) {
                    error(ex);
                }
            }
        });
        return select;
    }

    private Button removeButton(Wish wish) {
        Button remove = new Button(getTranslation("wishes.remove"), VaadinIcon.TRASH.create(), e -> {
            try {
                service.remove(wish.targetId());
                company.getDataProvider().refreshAll();
                refresh();
            } catch (ScheduleRefusedException ex) {
                error(ex);
            }
        });
        remove.setId("wish-remove-" + wish.targetId());
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        remove.setEnabled(open);
        return remove;
    }

    private void refresh() {
        List<Wish> mine = service.myWishes();
        wishes.setItems(mine);
    }

    private void error(ScheduleRefusedException e) {
        Notices.error(getTranslation(e.key(), e.args()));
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.wishes") + " · " + getTranslation("app.short-title");
    }
}
