package org.b2bforum.fair.ui;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import org.b2bforum.fair.Product;
import org.b2bforum.fair.ProductService;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/** One product: photo, name, category, company and stand, description, in the reader's language. */
@StyleSheet("styles/fair.css")
class ProductCard extends Div {

    /** {@code linkProfile}: the company's name leads to its profile (for those who open profiles). */
    ProductCard(Product product, ProductService products, boolean showCompany, boolean linkProfile) {
        addClassName("product-card");
        setId("product-" + product.id());
        if (product.hasPhoto()) {
            Image photo = new Image(DownloadHandler.fromInputStream(event -> {
                Optional<byte[]> png = products.photo(product.id());
                return png.map(bytes -> new DownloadResponse(new ByteArrayInputStream(bytes), "product-" + product.id()
                        + ".png", "image/png", bytes.length)).orElse(DownloadResponse.error(404));
            }), product.name(getLocale()));
            add(photo);
        }
        Span name = new Span(product.name(getLocale()));
        name.addClassName("product-name");
        Span category = new Span(getTranslation(product.category().translationKey()));
        category.addClassName("product-meta");
        add(name, category);
        if (showCompany) {
            Div company = new Div(linkProfile ? new Anchor("companies/" + product.companyId(), product.companyName())
                    : new Span(product.companyName()));
            company.addClassName("product-meta");
            if (product.standNumber() != null) {
                company.add(new Span(" · "), new Anchor("fair?stand=" + product.standNumber(),
                        getTranslation("fair.stand.label", product.standNumber())));
            }
            add(company);
        }
        Paragraph description = new Paragraph(product.description(getLocale()));
        description.addClassName("product-description");
        add(description);
    }
}
