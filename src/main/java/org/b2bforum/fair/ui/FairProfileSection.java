package org.b2bforum.fair.ui;

import java.util.List;
import java.util.Optional;

import org.b2bforum.company.ProfileSection;
import org.b2bforum.fair.FairService;
import org.b2bforum.fair.Product;
import org.b2bforum.fair.ProductService;
import org.b2bforum.fair.StandLabel;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** On a company's profile: "Стенд B-14" with its zone and a link to the map, and the company's products. */
@Component
class FairProfileSection implements ProfileSection {

    private final FairService fair;
    private final ProductService products;

    FairProfileSection(FairService fair, ProductService products) {
        this.fair = fair;
        this.products = products;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> forCompany(long companyId) {
        Optional<StandLabel> stand = fair.standOf(companyId);
        List<Product> catalogue = products.productsOf(companyId);
        if (stand.isEmpty() && catalogue.isEmpty()) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        Div section = new FairBlock();
        section.setId("profile-fair");
        section.addClassName("profile-fair");
        stand.ifPresent(s -> {
            Paragraph label = new Paragraph(ui.getTranslation("fair.stand.label", s.number()) + " · "
                    + s.zone().name(ui.getLocale()));
            label.setId("profile-stand");
            label.addClassName("profile-stand");
            // the map opens on the stand: the whole map left the visitor to look for it again
            Anchor map = new Anchor("fair?stand=" + s.number(), ui.getTranslation("fair.stand.on-map"));
            map.setId("profile-stand-on-map");
            section.add(label, new Paragraph(map)); // a paragraph's margin keeps the products' heading off the link
        });
        if (!catalogue.isEmpty()) {
            H2 heading = new H2(ui.getTranslation("profile.products"));
            heading.addClassName("profile-section");
            Div list = new Div();
            list.setId("profile-products");
            list.addClassName("product-list");
            catalogue.forEach(p -> list.add(new ProductCard(p, products, false, false)));
            section.add(heading, list);
        }
        return Optional.of(section);
    }

    /** The section's box, which brings the fair's styles along to the profile page. */
    @StyleSheet("styles/fair.css")
    private static final class FairBlock extends Div {
    }
}
