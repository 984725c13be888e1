package org.b2bforum.fair.ui;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.Sector;
import org.b2bforum.fair.FairMapFilter;
import org.b2bforum.fair.FairService;
import org.b2bforum.fair.FairStand;
import org.b2bforum.fair.FairZone;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.BookingWindow;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * The fair map: each zone a grid of its stands, drawn on the server. Visitors search by words (a
 * company, a product, a stand number) and filter by sector; matching stands stand out, the others
 * fade. A stand opens its exhibitor: profile, products, "meet at the stand" and "write a message";
 * {@code ?stand=B-14} opens the map on that stand (a profile's and a product's "show on the map").
 */
@Route("fair")
@Menu(title = "menu.fair", icon = "SHOP", order = 9)
@PermitAll
@StyleSheet("styles/fair.css")
class FairMapView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final TextField search = new TextField();
    final ComboBox<Sector> sector = new ComboBox<>();
    static final int FOUND_NAMED = 8;

    final Div map = new Div();
    final Div detail = new Div();
    final Paragraph summary = new Paragraph();
    /** The stands a search found, each opening its exhibitor: the map's faded halls hid them (ux75). */
    final Div found = new Div();

    private final FairService fair;
    private final BookingWindow bookingWindow;
    private final ForumTime forumTime;
    private final Clock clock;
    private final ForumUser user;
    private List<FairStand> shown = List.of();
    /** The stand whose exhibitor is open, marked on the map; null while none is. */
    private String selected;

    FairMapView(FairService fair, CurrentUser currentUser, BookingWindow bookingWindow, ForumTime forumTime,
            Clock clock) {
        this.fair = fair;
        this.bookingWindow = bookingWindow;
        this.forumTime = forumTime;
        this.clock = clock;
        this.user = currentUser.require();
        addClassName("page");
        addClassName("fair-map-view");

        search.setId("fair-search");
        search.setPlaceholder(getTranslation("fair.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(100%, 24em)");
        search.addValueChangeListener(e -> refresh());
        search.addKeyPressListener(Key.ENTER, e -> refresh());

        sector.setId("fair-sector");
        sector.setPlaceholder(getTranslation("fair.sector.all"));
        sector.setItems(Sector.values());
        sector.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
        sector.setClearButtonVisible(true);
        sector.addValueChangeListener(e -> refresh());

        HorizontalLayout filters = new HorizontalLayout(search, sector);
        filters.setWrap(true);
        // as wide as the page: shrunk to its widest field, the row wrapped the sector under the search at 1280 px (ux87)
        filters.setWidthFull();
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        Div legend = new Div(legendItem("stand-match", "fair.legend.exhibitor"),
                legendItem("stand-free", "fair.legend.free"), legendItem("stand-dim", "fair.legend.other"));
        legend.addClassName("fair-legend");

        map.setId("fair-map");
        map.addClassName("fair-map");
        detail.setId("fair-stand-detail");
        detail.addClassName("fair-stand-detail");
        detail.setVisible(false);
        summary.setId("fair-summary");
        summary.addClassName("hint");
        found.setId("fair-found");
        found.addClassName("fair-found");
        add(new H1(getTranslation("fair.title")));
        if (!fair.canVisit()) {
            Paragraph notYet = new Paragraph(getTranslation("fair.not-yet"));
            notYet.setId("fair-not-yet");
            add(notYet);
            return;
        }
        add(new Paragraph(getTranslation("fair.intro")), filters, summary, found, legend, detail, map);
        refresh();
    }

    private Span legendItem(String className, String key) {
        Span swatch = new Span();
        swatch.addClassNames("fair-swatch", className);
        Span item = new Span(swatch, new Span(getTranslation(key)));
        item.addClassName("fair-legend-item");
        return item;
    }

    void refresh() {
        FairMapFilter filter = new FairMapFilter(search.getValue(), sector.getValue());
        List<FairStand> stands = fair.map(filter);
        shown = stands;
        map.removeAll();
        Map<Long, List<FairStand>> byZone = new LinkedHashMap<>();
        Map<Long, FairZone> zones = new LinkedHashMap<>();
        for (FairZone zone : fair.zones()) {
            zones.put(zone.id(), zone);
            byZone.put(zone.id(), new java.util.ArrayList<>());
        }
        stands.forEach(s -> byZone.computeIfAbsent(s.zone().id(), k -> new java.util.ArrayList<>()).add(s));
        byZone.forEach((zoneId, zoneStands) -> map.add(zone(zones.get(zoneId), zoneStands, !filter.isEmpty())));
        markHallsThatScroll();
        List<FairStand> matching = stands.stream().filter(s -> s.assigned() && s.matches()).toList();
        summary.setText(filter.isEmpty() ? getTranslation("fair.summary.all", stands.stream().filter(FairStand::assigned)
                .count(), stands.size()) : getTranslation("fair.summary.found", matching.size()));
        showFound(filter.isEmpty() ? List.of() : matching);
        if (stands.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("fair.empty"));
            empty.setId("fair-empty");
            empty.addClassName("empty-hint");
            map.add(empty);
        }
    }

    /**
     * Names the stands a search found, each a button that opens its exhibitor. On the map they stood among faded halls:
     * "каток" found B-14, in the second hall's last column, four screens below the field on a phone and under the fold at
     * 1280 px, and the visitor read "Found: 1" and saw none (ux75). The first {@value #FOUND_NAMED}; the count says if
     * there are more.
     */
    private void showFound(List<FairStand> matching) {
        found.removeAll();
        matching.stream().limit(FOUND_NAMED).forEach(stand -> {
            Button open = new Button(stand.number() + " · " + stand.companyName(), e -> showDetail(stand));
            open.setId("found-" + stand.number());
            open.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            found.add(open);
        });
        if (matching.size() > FOUND_NAMED) {
            found.add(new Span(getTranslation("fair.found.more", matching.size() - FOUND_NAMED)));
        }
        found.setVisible(!matching.isEmpty());
    }

    private Div zone(FairZone zone, List<FairStand> stands, boolean searched) {
        Div section = new Div();
        section.addClassName("fair-zone");
        H2 name = new H2(zone.name(getLocale()));
        name.addClassName("fair-zone-name");
        Div grid = new Div();
        grid.addClassName("fair-grid");
        int columns = stands.stream().mapToInt(FairStand::column).max().orElse(1);
        grid.getStyle().set("grid-template-columns", "repeat(" + columns + ", minmax(7.5em, 1fr))");
        for (FairStand stand : stands) {
            grid.add(stand(stand));
        }
        if (searched) {
            // its first stand found is scrolled to, not left out of sight
            stands.stream().filter(s -> s.assigned() && s.matches()).findFirst()
                    .ifPresent(found -> bringIntoView(found.number()));
        }
        Span scrolls = new Span(VaadinIcon.ARROWS_LONG_H.create(), new Span(getTranslation("fair.scroll-hint")));
        scrolls.addClassName("fair-scroll-hint");
        section.add(name, scrolls, grid);
        return section;
    }

    /**
     * A hall wider than its view scrolls sideways, and on a phone nothing said so: a visitor saw three columns of five and
     * took them for the hall (ux63). Each hall is marked while it scrolls (on the phone, a narrow window, a long hall on a
     * desktop), and its hint "scroll sideways" shows only then; a hall that fits shows none. The browser measures: only
     * it knows the width, and it measures again when the window changes or the style sheet arrives.
     */
    private void markHallsThatScroll() {
        map.getElement().executeJs("""
                const zones = this.querySelectorAll('.fair-zone');
                const watch = new ResizeObserver(() => zones.forEach(zone => {
                  const grid = zone.querySelector('.fair-grid');
                  zone.classList.toggle('fair-zone-scrolls', !!grid && grid.scrollWidth > grid.clientWidth + 1);
                }));
                if (this.$hallWatch) {
                  this.$hallWatch.disconnect();
                }
                this.$hallWatch = watch;
                zones.forEach(zone => watch.observe(zone.querySelector('.fair-grid') || zone));""");
    }

    private Button stand(FairStand stand) {
        Span number = new Span(stand.number());
        number.addClassName("fair-stand-number");
        Span company = new Span(stand.assigned() ? stand.companyName() : getTranslation("fair.stand.free"));
        company.addClassName("fair-stand-company");
        Button cell = new Button();
        cell.getElement().appendChild(number.getElement(), company.getElement());
        cell.setId("stand-" + stand.number());
        cell.addClassName("fair-stand");
        cell.addClassName(!stand.assigned() ? "stand-free" : stand.matches() ? "stand-match" : "stand-dim");
        cell.setClassName("stand-selected", stand.number().equals(selected));
        cell.getStyle().set("grid-row", String.valueOf(stand.row())).set("grid-column", String.valueOf(stand.column()));
        cell.getElement().setAttribute("aria-label", getTranslation("fair.stand.label", stand.number())
                + (stand.assigned() ? " · " + stand.companyName() : ""));
        cell.setEnabled(stand.assigned());
        cell.addClickListener(e -> showDetail(stand));
        return cell;
    }

    /**
     * Opens the stand of {@code ?stand=} (a profile's "show on the fair map" and a product's stand link lead here): the
     * visitor came for that exhibitor, and the whole map without it left them to look for the stand again.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("stand").ifPresent(number -> shown.stream()
                .filter(s -> s.assigned() && s.number().equalsIgnoreCase(number.strip())).findFirst()
                .ifPresent(this::showDetail));
    }

    void showDetail(FairStand stand) {
        detail.removeAll();
        detail.setVisible(true);
        mark(stand.number());
        bringIntoView(stand.number());
        H2 heading = new H2(getTranslation("fair.stand.label", stand.number()) + " · " + stand.companyName());
        Paragraph where = new Paragraph(stand.zone().name(getLocale()) + (stand.sectors().isEmpty() ? ""
                : " · " + String.join(", ", stand.sectors().stream().map(s -> getTranslation(s.translationKey())).toList())));
        Anchor products = new Anchor("fair/products?company=" + stand.companyId(), getTranslation("fair.stand.products"));
        products.setId("fair-stand-products");
        Div links = new Div(products);
        if (user.opensProfiles()) { // a delegate's or the staff's "Company profile" ended on "no access" (ux60)
            Anchor profile = new Anchor("companies/" + stand.companyId(), getTranslation("fair.stand.profile"));
            profile.setId("fair-stand-profile");
            links.addComponentAsFirst(profile);
        }
        links.addClassName("fair-stand-links");
        Optional<Long> asking = Optional.ofNullable(user.companyId()).filter(me -> !me.equals(stand.companyId()));
        // a visitor's company, the delegates' too: they see why no meeting can be requested while booking is closed
        Optional<Long> visiting = fair.visitorCompany().filter(mine -> !mine.equals(stand.companyId()));
        BookingSettings booking = visiting.isPresent() ? bookingWindow.settings() : null;
        Optional<BookingSettings.Closed> closedNow = booking == null ? Optional.empty()
                : booking.closedAt(clock.instant());
        if (asking.isPresent() && closedNow.isEmpty()) {
            Anchor meet = new Anchor("meetings/new?with=" + stand.companyId() + "&at=stand",
                    getTranslation("fair.stand.meet"));
            meet.setId("fair-stand-meet");
            meet.addClassName("fair-meet-link");
            links.add(meet);
        }
        // a question before the visit, or after it, goes to the exhibitor's conversation; delegates too write in their
        // company's name (they request no meetings: the representative does)
        visiting.ifPresent(mine -> {
            Anchor write = new Anchor("messages/" + stand.companyId(), getTranslation("messages.write"));
            write.setId("fair-stand-write");
            links.add(write);
        });
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            detail.setVisible(false);
            mark(null);
        });
        close.addThemeVariants(ButtonVariant.TERTIARY);
        close.getElement().setAttribute("aria-label", getTranslation("fair.stand.close"));
        HorizontalLayout top = new HorizontalLayout(heading, close);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        detail.add(top, where, links);
        closedNow.ifPresent(why -> {
            // said on the stand, not at the foot of a filled-in request form (stop 52's walk of the fair's days)
            Paragraph closed = new Paragraph(switch (why) {
                case WISHES_PHASE -> getTranslation("meeting.error.wishes-phase");
                case NOT_YET_OPEN -> getTranslation("fair.stand.meet-opens",
                        forumTime.format(booking.opensAt(), getLocale()));
                case OVER -> getTranslation("fair.stand.meet-closed");
            });
            closed.setId("fair-stand-meet-closed");
            closed.addClassName("hint");
            detail.add(closed);
        });
        if (user.companyId() == null && visiting.isPresent() && closedNow.isEmpty()) {
            // a delegate found no "Meet at the stand" and no word why (ux79): their company's representative books it
            Paragraph meetHint = new Paragraph(getTranslation("fair.stand.meet-by-representative"));
            meetHint.setId("fair-stand-meet-hint");
            meetHint.addClassName("hint");
            detail.add(meetHint);
        }
        // the exhibitor opens above the map: on a phone a stand of the second hall was screens below it. Only the
        // layout's scroller moves, and only when the box's top is out of its view: scrollIntoView() moved the document
        // too, which brought the skip link into view and pushed the whole layout down (Chromium, 390 and 1280 px)
        detail.getElement().executeJs("""
                const box = this.getBoundingClientRect();
                for (let e = this; (e = e.assignedSlot || e.parentElement || e.getRootNode().host);) {
                  const overflow = getComputedStyle(e).overflowY;
                  if ((overflow === 'auto' || overflow === 'scroll') && e.scrollHeight > e.clientHeight) {
                    const top = e.getBoundingClientRect().top;
                    if (box.top < top || box.top > top + e.clientHeight - 48) {
                      e.scrollTop += box.top - top - 16;
                    }
                    return;
                  }
                }""");
    }

    /**
     * A hall wider than a phone scrolls sideways: the stand's hall is scrolled to it when it is out of the hall's view.
     * A stand opened by its number (a profile's "show on the fair map", a product's stand) was marked in red where the
     * phone did not show it: B-14 stood in the fifth of five columns, the phone showed three (ux63).
     */
    private void bringIntoView(String number) {
        // on a page just opened the map may not be drawn with its style sheet yet (its hall no scrolling grid then; the
        // script run at once left B-14 out of view): the script waits for a hall wider than its view, at most two seconds
        map.getElement().executeJs("""
                let tries = 0;
                const bring = () => {
                  const stand = this.querySelector('#' + CSS.escape($0)), grid = stand && stand.closest('.fair-grid');
                  if (!grid || getComputedStyle(grid).overflowX !== 'auto' || grid.scrollWidth <= grid.clientWidth) {
                    if (tries++ < 40) {
                      setTimeout(bring, 50);
                    }
                    return;
                  }
                  const plan = grid.getBoundingClientRect(), box = stand.getBoundingClientRect();
                  if (box.left < plan.left || box.right > plan.right) {
                    grid.scrollLeft += box.left - plan.left - (grid.clientWidth - box.width) / 2;
                  }
                };
                bring();""", "stand-" + number);
    }

    /** Marks the stand whose exhibitor is open, and only it. */
    private void mark(String number) {
        selected = number;
        map.getChildren().forEach(zone -> zone.getChildren().forEach(child -> child.getChildren()
                .filter(cell -> cell instanceof Button).forEach(cell -> ((Button) cell).setClassName("stand-selected",
                        cell.getId().filter(id -> id.equals("stand-" + number)).isPresent()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("fair.title") + " · " + getTranslation("app.short-title");
    }
}
