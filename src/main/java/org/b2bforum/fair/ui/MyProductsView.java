package org.b2bforum.fair.ui;

import java.util.Map;
import java.util.Optional;

import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.ApprovedCompaniesOnly;
import org.b2bforum.base.ui.ComponentTexts;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.company.LogoService;
import org.b2bforum.company.Sector;
import org.b2bforum.fair.InvalidProductException;
import org.b2bforum.fair.ProductRemovedException;
import org.b2bforum.fair.Product;
import org.b2bforum.fair.ProductForm;
import org.b2bforum.fair.ProductService;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.RolesAllowed;

/**
 * A company's own product catalogue: add, change and remove products in Russian and English with a
 * category and a photo (PNG or JPEG, checked as logos are). Nothing is saved while a field or the
 * photo is refused; the reason stands next to it.
 */
@Route("fair/my-products")
@Menu(title = "menu.my-products", icon = "PACKAGE", order = 5.5)
@RolesAllowed(Role.COMPANY_NAME)
@ApprovedCompaniesOnly
@StyleSheet("styles/fair.css")
class MyProductsView extends VerticalLayout implements HasDynamicTitle {

    final TextField nameRu = new TextField();
    final TextField nameEn = new TextField();
    final TextArea descriptionRu = new TextArea();
    final TextArea descriptionEn = new TextArea();
    final ComboBox<Sector> category = new ComboBox<>();
    final Upload photo;
    final Span photoState = new Span();
    final Div photoError = new Div();
    final Button save = new Button();
    final Button cancel = new Button();
    final H2 formTitle = new H2();
    final Div list = new Div();

    private final ProductService products;
    private Long editing;
    private byte[] photoBytes;

    MyProductsView(ProductService products) {
        this.products = products;
        addClassName("page");
        nameRu.setId("product-name-ru");
        nameRu.setLabel(getTranslation("product.nameRu"));
        nameRu.setMaxLength(ProductService.MAX_NAME);
        nameEn.setId("product-name-en");
        nameEn.setLabel(getTranslation("product.nameEn"));
        nameEn.setMaxLength(ProductService.MAX_NAME);
        descriptionRu.setId("product-description-ru");
        descriptionRu.setLabel(getTranslation("product.descriptionRu"));
        descriptionRu.setMaxLength(ProductService.MAX_DESCRIPTION);
        descriptionEn.setId("product-description-en");
        descriptionEn.setLabel(getTranslation("product.descriptionEn"));
        descriptionEn.setMaxLength(ProductService.MAX_DESCRIPTION);
        category.setId("product-category");
        category.setLabel(getTranslation("product.category"));
        category.setItems(Sector.values());
        category.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
        nameRu.setRequiredIndicatorVisible(true);
        nameEn.setRequiredIndicatorVisible(true);
        descriptionRu.setRequiredIndicatorVisible(true);
        descriptionEn.setRequiredIndicatorVisible(true);
        category.setRequiredIndicatorVisible(true);

        photo = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> photoChosen(bytes));
        }));
        photo.setId("product-photo");
        photo.setMaxFiles(1);
        photo.setMaxFileSize(LogoService.MAX_BYTES);
        photo.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        photo.addFileRejectedListener(e -> showPhotoError("logo.error.too-large-or-type"));
        photo.setUploadButton(new Button(getTranslation("product.photo.upload")));
        ComponentTexts.localize(photo);
        photoState.setId("product-photo-state");
        photoState.addClassName("hint");
        photoError.setId("product-photo-error");
        photoError.addClassName("field-error");
        photoError.setVisible(false);

        save.setId("product-save");
        save.setText(getTranslation("product.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        cancel.setId("product-cancel");
        cancel.setText(getTranslation("product.cancel"));
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        cancel.addClickListener(e -> startNew());

        FormLayout form = new FormLayout(nameRu, nameEn, descriptionRu, descriptionEn, category);
        Div photoBox = new Div(new Span(getTranslation("product.photo")), photo, photoState, photoError);
        list.setId("my-products");
        list.addClassName("product-list");
        add(new H1(getTranslation("menu.my-products")), new Paragraph(getTranslation("my-products.intro")),
                formTitle, form, photoBox, new Div(save, cancel), new H2(getTranslation("my-products.list")), list);
        startNew();
        reload();
    }

    void photoChosen(byte[] bytes) {
        photoBytes = bytes;
        photoError.setVisible(false);
        photoState.setText(getTranslation("product.photo.chosen"));
    }

    private void showPhotoError(String key) {
        photoError.setText(getTranslation(key));
        photoError.setVisible(true);
    }

    private void startNew() {
        editing = null;
        formTitle.setText(getTranslation("my-products.new"));
        nameRu.clear();
        nameEn.clear();
        descriptionRu.clear();
        descriptionEn.clear();
        category.clear();
        resetPhoto();
        cancel.setVisible(false);
        clearErrors();
    }

    private void resetPhoto() {
        photoBytes = null;
        photo.clearFileList();
        photoState.setText("");
        photoError.setVisible(false);
    }

    private void edit(Product product) {
        editing = product.id();
        formTitle.setText(getTranslation("my-products.edit", product.nameRu()));
        nameRu.setValue(product.nameRu());
        nameEn.setValue(product.nameEn());
        descriptionRu.setValue(product.descriptionRu());
        descriptionEn.setValue(product.descriptionEn());
        category.setValue(product.category());
        resetPhoto();
        photoState.setText(product.hasPhoto() ? getTranslation("product.photo.kept") : "");
        cancel.setVisible(true);
        clearErrors();
    }

    void save() {
        clearErrors();
        try {
            products.save(editing, new ProductForm(nameRu.getValue(), nameEn.getValue(), descriptionRu.getValue(),
                    descriptionEn.getValue(), category.getValue()), photoBytes);
            Notices.success(getTranslation("product.saved"));
            startNew();
            reload();
        } catch (InvalidProductException e) {
            showErrors(e.errors());
        } catch (ProductRemovedException e) {
            // removed in another tab: the text stays in the form, to be saved as a new product if wanted
            editing = null;
            formTitle.setText(getTranslation("my-products.new"));
            cancel.setVisible(false);
            Notices.warning(getTranslation("product.removed-meanwhile"));
            reload();
        }
    }

    private void showErrors(Map<String, String> errors) {
        errors.forEach((field, key) -> {
            if ("photo".equals(field)) {
                photo.clearFileList(); // the refused file leaves room for another
                photoBytes = null;
                photoState.setText("");
                showPhotoError(key);
                return;
            }
            field(field).ifPresent(f -> {
                f.setErrorMessage(getTranslation(key));
                f.setInvalid(true);
            });
        });
    }

    private Optional<HasValidation> field(String name) {
        return Optional.ofNullable(switch (name) {
            case "nameRu" -> nameRu;
            case "nameEn" -> nameEn;
            case "descriptionRu" -> descriptionRu;
            case "descriptionEn" -> descriptionEn;
            case "category" -> category;
            default -> null;
        });
    }

    private void clearErrors() {
        for (HasValidation f : new HasValidation[] {nameRu, nameEn, descriptionRu, descriptionEn, category}) {
            f.setInvalid(false);
        }
        photoError.setVisible(false);
    }

    private void reload() {
        list.removeAll();
        var mine = products.myProducts();
        for (Product product : mine) {
            ProductCard card = new ProductCard(product, products, false, false);
            Button change = new Button(getTranslation("product.edit"), VaadinIcon.EDIT.create(), e -> edit(product));
            change.addThemeVariants(ButtonVariant.TERTIARY);
            change.setId("edit-product-" + product.id());
            Button remove = new Button(getTranslation("product.remove"), VaadinIcon.TRASH.create(), e -> {
                products.delete(product.id());
                if (Long.valueOf(product.id()).equals(editing)) {
                    startNew();
                }
                reload();
            });
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setId("remove-product-" + product.id());
            card.add(new Div(change, remove));
            list.add(card);
        }
        if (mine.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("my-products.empty"));
            empty.addClassName("empty-hint");
            list.add(empty);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.my-products") + " · " + getTranslation("app.short-title");
    }
}
