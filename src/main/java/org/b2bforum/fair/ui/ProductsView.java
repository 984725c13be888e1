package org.b2bforum.fair.ui;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.company.Sector;
import org.b2bforum.fair.FairService;
import org.b2bforum.fair.Product;
import org.b2bforum.fair.ProductService;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
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
 * The fair's product catalogue: every exhibitor's products, searched in any Russian or English word
 * form and filtered by category; {@code ?company=<id>} shows one company's products, under its name with the ways
 * on: its profile, its stand on the map and the whole catalogue.
 */
@Route("fair/products")
@Menu(title = "menu.fair-products", icon = "PACKAGE", order = 9.1)
@PermitAll
@StyleSheet("styles/fair.css")
class ProductsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE = 60;

    final TextField search = new TextField();
    final ComboBox<Sector> category = new ComboBox<>();
    final Div list = new Div();
    final Paragraph count = new Paragraph();
    final Div exhibitor = new Div();

    private final ProductService products;
    private final FairService fair;
    private final boolean visitor;
    private final boolean opensProfiles;
    private Long company;

    ProductsView(ProductService products, FairService fair, CurrentUser currentUser) {
        this.products = products;
        this.fair = fair;
        this.visitor = fair.canVisit();
        this.opensProfiles = currentUser.require().opensProfiles();
        addClassName("page");
        search.setId("product-search");
        search.setPlaceholder(getTranslation("products.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(100%, 24em)");
        search.addValueChangeListener(e -> refresh());
        category.setId("product-category");
        category.setPlaceholder(getTranslation("products.category.all"));
        category.setItems(Sector.values());
        category.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
        category.setClearButtonVisible(true);
        category.addValueChangeListener(e -> refresh());
        list.setId("product-list");
        list.addClassName("product-list");
        count.setId("product-count");
        count.addClassName("hint");
        HorizontalLayout filters = new HorizontalLayout(search, category);
        filters.setWrap(true);
        add(new H1(getTranslation("menu.fair-products")));
        if (!visitor) {
            add(new Paragraph(getTranslation("fair.not-yet")));
            return;
        }
        exhibitor.setId("products-exhibitor");
        exhibitor.setVisible(false);
        add(exhibitor, filters, count, list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        company = event.getLocation().getQueryParameters().getSingleParameter("company").flatMap(v -> {
            try {
                return java.util.Optional.of(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }).orElse(null);
        search.setVisible(company == null);
        if (visitor) {
            showExhibitor();
            refresh();
        }
    }

    /**
     * Whose products these are, and the ways on: the map's "Products" and a profile led here to a page that named
     * neither the company nor its stand and offered no way back (ux60).
     */
    private void showExhibitor() {
        exhibitor.removeAll();
        exhibitor.setVisible(company != null);
        if (company == null) {
            return;
        }
        products.productsOf(company).stream().findFirst().ifPresent(product ->
                exhibitor.add(new H2(getTranslation("products.of", product.companyName()))));
        Div links = new Div();
        links.addClassName("fair-stand-links");
        if (opensProfiles) {
            Anchor profile = new Anchor("companies/" + company, getTranslation("fair.stand.profile"));
            profile.setId("products-profile");
            links.add(profile);
        }
        fair.standOf(company).ifPresent(stand -> {
            Anchor onMap = new Anchor("fair?stand=" + stand.number(), getTranslation("fair.stand.label", stand.number())
                    + " · " + stand.zone().name(getLocale()));
            onMap.setId("products-stand");
            links.add(onMap);
        });
        Anchor all = new Anchor("fair/products", getTranslation("products.all"));
        all.setId("products-all");
        links.add(all);
        exhibitor.add(links);
    }

    void refresh() {
        list.removeAll();
        java.util.List<Product> found;
        if (company != null) {
            found = products.productsOf(company).stream()
                    .filter(p -> category.getValue() == null || p.category() == category.getValue()).toList();
        } else {
            found = products.search(search.getValue(), category.getValue(), 0, PAGE);
        }
        int total = company != null ? found.size() : products.count(search.getValue(), category.getValue());
        count.setText(getTranslation("products.count", total));
        found.forEach(p -> list.add(new ProductCard(p, products, company == null, opensProfiles)));
        if (found.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("products.empty"));
            empty.setId("products-empty");
            empty.addClassName("empty-hint");
            list.add(empty);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.fair-products") + " · " + getTranslation("app.short-title");
    }
}
