package org.b2bforum.fair.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.Sector;
import org.b2bforum.fair.CompanyChoice;
import org.b2bforum.fair.FairFixture;
import org.b2bforum.fair.ProductForm;
import org.b2bforum.fair.ProductService;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.ProgramService;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;

/** The fair's pages as their users see them: the map, the stand set-up, the catalogue, the profile. */
@ForumSpringTest
class FairViewsTest extends ForumBrowserlessTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ProductService products;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FairFixture fair;
    @Autowired
    BookingFixture booking;
    @Autowired
    ProgramService program;
    @Autowired
    BookingWindow bookingWindow;
    @Autowired
    VenueFixture venue;


    @Test
    void a_visitor_searches_the_map_and_opens_a_stand_to_meet_there() {
        booking.openBooking(false); // the stand offers a meeting while booking is open (ux88)
        TestCompany exhibitor = booking.approvedCompany();
        FairFixture.Stand stand = fair.standFor(exhibitor);
        TestCompany visitor = booking.approvedCompany();
        booking.as(exhibitor, () -> products.save(null, new ProductForm("Тракторы колёсные", "Wheeled tractors",
                "Тракторы для ферм", "Tractors for farms", Sector.FOOD_AGRICULTURE), null));
        BookingFixture.logInAs(visitor);

        FairMapView view = navigate(FairMapView.class);
        Button cell = find(Button.class).id("stand-" + stand.number());
        assertThat(cell.getClassNames()).contains("stand-match");

        test(view.search).setValue("трактора");
        assertThat(find(Button.class).id("stand-" + stand.number()).getClassNames()).contains("stand-match");
        test(view.search).setValue("нечтонесуществующее");
        assertThat(find(Button.class).id("stand-" + stand.number()).getClassNames()).contains("stand-dim");
        assertThat(view.summary.getText()).isEqualTo("Найдено экспонентов: 0");

        test(view.search).clear();
        test(find(Button.class).id("stand-" + stand.number())).click();
        assertThat(view.detail.isVisible()).isTrue();
        assertThat(view.detail.getElement().getTextRecursively()).contains("Стенд " + stand.number());
        assertThat(find(Anchor.class).id("fair-stand-meet").getHref())
                .isEqualTo("meetings/new?with=" + exhibitor.id() + "&at=stand");

        // the request form opens on the stand, and no longer says a table is assigned (ux47)
        UI.getCurrent().navigate("meetings/new",
                QueryParameters.simple(Map.of("with", String.valueOf(exhibitor.id()), "at", "stand")));
        Paragraph hint = find(Paragraph.class).id("request-hint");
        if (!bookingWindow.settings().instantBooking()) { // set by other classes of the run; then the hint is another
            assertThat(hint.getText()).endsWith("Встреча пройдёт на стенде " + stand.number() + ", стол не нужен.");
            RadioButtonGroup<?> place = find(RadioButtonGroup.class).id("request-place");
            setFirst(place);
            assertThat(hint.getText()).endsWith("Стол назначается, когда встречу подтвердят.");
        }
        // at the stand the list gives times only, and the field asked for "Время и зал" there too (ux87)
        UI.getCurrent().navigate("meetings/new",
                QueryParameters.simple(Map.of("with", String.valueOf(exhibitor.id()), "at", "stand")));
        Select<?> slot = find(Select.class).id("request-slot");
        assertThat(slot.getLabel()).isEqualTo("Время");
        setFirst(find(RadioButtonGroup.class).id("request-place"));
        assertThat(slot.getLabel()).isEqualTo("Время и зал");
    }

    @Test
    void with_booking_closed_the_stand_and_the_request_form_say_so_first_instead_of_a_form_that_cannot_be_sent() {
        TestCompany exhibitor = booking.approvedCompany();
        FairFixture.Stand stand = fair.standFor(exhibitor);
        TestCompany visitor = booking.approvedCompany();
        BookingSettings before = booking.as(visitor, bookingWindow::settings);
        Instant now = Instant.now();
        try {
            booking.bookingSettings(new BookingSettings(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)),
                    200, false));
            BookingFixture.logInAs(visitor);
            FairMapView view = navigate(FairMapView.class);
            test(find(Button.class).id("stand-" + stand.number())).click();
            assertThat(find(Anchor.class).withId("fair-stand-meet").exists()).as("no link to a form not to be sent")
                    .isFalse();
            assertThat(find(Paragraph.class).id("fair-stand-meet-closed").getText())
                    .startsWith("Запись на встречи сейчас закрыта");
            assertThat(view.detail.getElement().getTextRecursively()).contains("Запись на встречи сейчас закрыта");
            // a delegate reads it too, not "your representative books it" (mend52d)
            BookingFixture.logInAs(venue.delegateAccount(visitor.firstDelegate()));
            UI.getCurrent().navigate("notifications"); // a new map for the new user
            UI.getCurrent().navigate("fair", QueryParameters.simple(Map.of("stand", stand.number())));
            assertThat(find(Paragraph.class).id("fair-stand-meet-closed").getText())
                    .startsWith("Запись на встречи сейчас закрыта");
            assertThat(find(Paragraph.class).withId("fair-stand-meet-hint").exists()).isFalse();
            BookingFixture.logInAs(visitor);

            // the form reached by its address says it first, and shows no fields to fill in
            UI.getCurrent().navigate("meetings/new",
                    QueryParameters.simple(Map.of("with", String.valueOf(exhibitor.id()), "at", "stand")));
            assertThat(find(Div.class).id("request-error").getText()).isEqualTo("Запись на встречи сейчас закрыта");
            assertThat(find(Select.class).withId("request-slot").exists()).isFalse();
            assertThat(find(Button.class).withId("request-submit").exists()).isFalse();

            // before the window opens, both say when it does
            booking.bookingSettings(new BookingSettings(now.plus(Duration.ofDays(30)), null, 200, false));
            navigate(FairMapView.class);
            test(find(Button.class).id("stand-" + stand.number())).click();
            assertThat(find(Paragraph.class).id("fair-stand-meet-closed").getText())
                    .startsWith("Встречу на стенде можно будет запросить, когда откроется запись на встречи: ")
                    .endsWith(" — обновите страницу в это время.");
            UI.getCurrent().navigate("meetings/new",
                    QueryParameters.simple(Map.of("with", String.valueOf(exhibitor.id()))));
            // information, not an error: no alert, and that the form appears then (the page becomes it by itself, ux89)
            assertThat(find(Paragraph.class).id("request-opens").getText()).startsWith("Запись на встречи откроется ")
                    .endsWith(": тогда здесь появится форма запроса.");
            assertThat(find(Div.class).withId("request-error").exists()).isFalse();
            assertThat(find(Select.class).withId("request-slot").exists()).isFalse();
        } finally {
            booking.bookingSettings(before);
        }
    }

    @Test
    void a_search_names_the_stands_it_found_and_each_opens_its_exhibitor() {
        TestCompany exhibitor = booking.approvedCompany();
        FairFixture.Stand stand = fair.standFor(exhibitor);
        booking.as(exhibitor, () -> products.save(null, new ProductForm("Катки дорожные вибрационные",
                "Vibratory road rollers", "Катки для асфальта", "Rollers for asphalt", Sector.CONSTRUCTION), null));
        BookingFixture.logInAs(booking.approvedCompany());

        FairMapView view = navigate(FairMapView.class);
        assertThat(view.found.isVisible()).as("no search, no list of stands found").isFalse();
        // the found stand stood among faded halls, screens below the field on a phone: "Found: 1", and none in sight
        test(view.search).setValue("каток");
        assertThat(view.found.isVisible()).isTrue();
        Button found = find(Button.class).id("found-" + stand.number());
        assertThat(found.getText()).startsWith(stand.number() + " · ");
        test(found).click();
        assertThat(view.detail.isVisible()).isTrue();
        assertThat(view.detail.getElement().getTextRecursively()).contains("Стенд " + stand.number());
        assertThat(find(Button.class).id("stand-" + stand.number()).getClassNames()).contains("stand-selected");

        test(view.search).setValue("нечтонесуществующее");
        assertThat(view.found.isVisible()).isFalse();
    }

    @Test
    void every_hall_carries_a_hint_to_scroll_it_sideways_which_the_browser_shows_while_the_hall_is_wider_than_its_view() {
        // the browser marks the hall that scrolls (FairMapView.markHallsThatScroll), which alone shows it (fair.css)
        TestCompany exhibitor = booking.approvedCompany();
        fair.standFor(exhibitor);
        BookingFixture.logInAs(booking.approvedCompany());

        FairMapView view = navigate(FairMapView.class);

        List<Div> halls = view.map.getChildren().filter(hall -> hall.hasClassName("fair-zone")).map(Div.class::cast)
                .toList();
        assertThat(halls).isNotEmpty().allSatisfy(hall -> assertThat(hall.getChildren()
                .filter(child -> child.hasClassName("fair-scroll-hint")).map(hint -> hint.getElement().getTextRecursively()))
                .containsExactly("Зал шире экрана: прокрутите его вбок, чтобы увидеть все стенды."));

        UI.getCurrent().setLocale(Languages.ENGLISH);
        UI.getCurrent().navigate("notifications");
        view = navigate(FairMapView.class);
        assertThat(view.map.getElement().getTextRecursively())
                .contains("This hall is wider than the screen: scroll it sideways to see every stand.");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void setFirst(RadioButtonGroup place) {
        place.setValue(place.getListDataView().getItems().findFirst().orElseThrow());
    }

    @Test
    void an_organizer_assigning_a_taken_stand_reads_why_next_to_the_field() {
        TestCompany first = booking.approvedCompany();
        TestCompany second = booking.approvedCompany();
        FairFixture.Stand stand = fair.standFor(first);
        TestData.logInAsOrganizer(accounts);

        FairSetupView view = navigate(FairSetupView.class);
        view.assignStand.setValue(view.assignStand.getListDataView().getItems()
                .filter(s -> s.number().equals(stand.number())).findFirst().orElseThrow());
        String secondName = jdbc.queryForObject("select short_name from company where id = ?", String.class,
                second.id());
        assertThat(view.assignCompany.getDataProvider().isInMemory())
                .as("a forum of 2,000 companies: read a page as the list opens, not all of them into each tab").isFalse();
        test(view.assignCompany).setFilter(secondName);
        assertThat(test(view.assignCompany).getSuggestionItems()).extracting(CompanyChoice::id)
                .containsExactly(second.id());
        test(view.assignCompany).selectItem(secondName + " · Москва");
        test(view.assign).click();

        assertThat(view.assignStand.isInvalid()).isTrue();
        assertThat(view.assignStand.getErrorMessage()).startsWith("Стенд " + stand.number() + " уже закреплён за компанией");
        assertThat(jdbc.queryForObject("select company_id from fair_stand_assignment where stand_id = ?", Long.class,
                stand.id())).isEqualTo(first.id());

        UI.getCurrent().setLocale(Languages.ENGLISH);
        view = navigate(FairSetupView.class);
        test(view.assignCompany).setFilter(secondName);
        assertThat(test(view.assignCompany).getSuggestions()).as("the city in the reader's language")
                .containsExactly(secondName + " · Moscow");
    }

    @Test
    void an_organizer_sees_the_zones_renames_one_and_removes_one_only_while_it_has_no_stands() {
        long empty = fair.zone();
        TestCompany exhibitor = booking.approvedCompany();
        FairFixture.Stand stand = fair.standFor(exhibitor);
        long full = jdbc.queryForObject("select zone_id from fair_stand where id = ?", Long.class, stand.id());
        String fullName = jdbc.queryForObject("select name_ru from fair_zone where id = ?", String.class, full);
        TestData.logInAsOrganizer(accounts);

        FairSetupView view = navigate(FairSetupView.class);
        assertThat(view.zones.getListDataView().getItems().map(z -> z.id())).contains(empty, full);
        // at 390 px the stands' exhibitor and "Free" were off the screen (ux89): a phone leaves the zone and place out
        assertThat(view.stands.getColumns().stream()
                .filter(column -> column.getElement().getClassList().contains(org.b2bforum.base.ui.PhoneColumns.WIDE_ONLY))
                .map(com.vaadin.flow.component.grid.Grid.Column::getKey)).containsExactly("zone", "place");

        zoneButton(view, empty, "rename-zone-").click();
        TextField ru = find(TextField.class)
                .id("rename-zone-ru");
        test(ru).setValue(fullName);
        test(find(Button.class).id("save-zone")).click();
        assertThat(ru.isInvalid()).isTrue();
        assertThat(ru.getErrorMessage()).isEqualTo("Зона «" + fullName + "» уже есть");
        String renamed = "Павильон переименованный " + empty;
        test(ru).setValue(renamed);
        test(find(TextField.class).id("rename-zone-en")).setValue("Renamed " + empty);
        test(find(Button.class).id("save-zone")).click();
        assertThat(jdbc.queryForObject("select concat(name_ru, '|', name_en) from fair_zone where id = ?", String.class,
                empty)).isEqualTo(renamed + "|Renamed " + empty);
        assertThat(view.zones.getListDataView().getItems().filter(z -> z.id() == empty).findFirst().orElseThrow()
                .nameRu()).isEqualTo(renamed);

        // a zone with a stand: refused in words, the zone and its stand stay
        zoneButton(view, full, "remove-zone-").click();
        assertThat(notifications()).anyMatch(n -> n.equals("В зоне «" + fullName
                + "» есть стенды (1): зону со стендами удалить нельзя."));
        assertThat(jdbc.queryForObject("select count(*) from fair_zone where id = ?", Integer.class, full)).isOne();

        zoneButton(view, empty, "remove-zone-").click();
        test(find(ConfirmDialog.class).id("confirm-remove-zone")).confirm();
        assertThat(jdbc.queryForObject("select count(*) from fair_zone where id = ?", Integer.class, empty)).isZero();
        assertThat(view.zones.getListDataView().getItems().map(z -> z.id())).doesNotContain(empty).contains(full);
    }

    @Test
    void a_profile_shows_the_stand_and_the_products() {
        TestCompany exhibitor = booking.approvedCompany();
        FairFixture.Stand stand = standWithRoller(exhibitor);
        BookingFixture.logInAs(booking.approvedCompany());

        UI.getCurrent().navigate("companies/" + exhibitor.id());
        assertThat(find(Paragraph.class).id("profile-stand").getText()).startsWith("Стенд " + stand.number() + " · ");
        assertThat(find(Div.class).id("profile-products").getElement().getTextRecursively())
                .contains("Каток дорожный", "Каток массой 12 т");
    }

    /**
     * A profile's "show on the fair map" opened the whole map, where the visitor looked for the stand again; the
     * stand's exhibitor offered no way to write to it (ux60).
     */
    @Test
    void a_profile_opens_the_map_on_the_exhibitors_stand_which_offers_a_message_to_every_visiting_company() {
        booking.openBooking(false); // the stand offers a meeting while booking is open (ux88)
        TestCompany exhibitor = booking.approvedCompany();
        FairFixture.Stand stand = fair.standFor(exhibitor);
        TestCompany visitor = booking.approvedCompany();
        BookingFixture.logInAs(visitor);

        UI.getCurrent().navigate("companies/" + exhibitor.id());
        assertThat(find(Anchor.class).id("profile-stand-on-map").getHref()).isEqualTo("fair?stand=" + stand.number());
        UI.getCurrent().navigate("fair", QueryParameters.simple(Map.of("stand", stand.number())));
        FairMapView view = (FairMapView) getCurrentView();
        assertThat(scriptsSinceLastLook()).as("its hall scrolled sideways to it, on a phone out of view (ux63)")
                .anyMatch(call -> call.getExpression().contains("scrollLeft")
                        && call.getParameters().contains("stand-" + stand.number()));
        assertThat(view.detail.isVisible()).isTrue();
        assertThat(view.detail.getElement().getTextRecursively()).contains("Стенд " + stand.number());
        assertThat(find(Button.class).id("stand-" + stand.number()).getClassNames()).contains("stand-selected");
        assertThat(find(Anchor.class).id("fair-stand-write").getHref()).isEqualTo("messages/" + exhibitor.id());
        assertThat(find(Anchor.class).id("fair-stand-meet").getHref())
                .isEqualTo("meetings/new?with=" + exhibitor.id() + "&at=stand");

        // a delegate writes in the company's name, and requests no meetings (the representative does)
        BookingFixture.logInAs(venue.delegateAccount(visitor.firstDelegate()));
        UI.getCurrent().navigate("notifications"); // a new map for the new user, not the last one's again
        UI.getCurrent().navigate("fair", QueryParameters.simple(Map.of("stand", stand.number().toLowerCase())));
        assertThat(find(Anchor.class).id("fair-stand-write").getHref()).isEqualTo("messages/" + exhibitor.id());
        assertThat(find(Anchor.class).all()).as("no meeting to request, no profile to open (a delegate's: no access)")
                .noneMatch(a -> a.getId().filter(id -> id.equals("fair-stand-meet") || id.equals("fair-stand-profile"))
                        .isPresent());
        assertThat(find(Anchor.class).id("fair-stand-products").getHref())
                .isEqualTo("fair/products?company=" + exhibitor.id());
        // and reads why there is no "Meet at the stand" (ux79: no button and no word why)
        assertThat(find(Paragraph.class).id("fair-stand-meet-hint").getText())
                .startsWith("Встречу на стенде запрашивает представитель вашей компании");

        // the exhibitor's own people do not write to themselves
        BookingFixture.logInAs(venue.delegateAccount(exhibitor.firstDelegate()));
        UI.getCurrent().navigate("notifications");
        UI.getCurrent().navigate("fair", QueryParameters.simple(Map.of("stand", stand.number())));
        assertThat(((FairMapView) getCurrentView()).detail.isVisible()).isTrue();
        assertThat(find(Anchor.class).all()).noneMatch(a -> a.getId().filter("fair-stand-write"::equals).isPresent());
        assertThat(find(Paragraph.class).withId("fair-stand-meet-hint").exists()).as("nothing to meet at their own")
                .isFalse();
    }

    /** The map's "Products" led to a page that named neither the company nor its stand, with no way back (ux60). */
    @Test
    void one_exhibitors_products_are_headed_by_its_name_with_its_stand_on_the_map_and_the_whole_catalogue() {
        TestCompany exhibitor = booking.approvedCompany();
        FairFixture.Stand stand = standWithRoller(exhibitor);
        String name = jdbc.queryForObject("select short_name from company where id = ?", String.class, exhibitor.id());
        BookingFixture.logInAs(booking.approvedCompany());

        UI.getCurrent().navigate("fair/products", QueryParameters.simple(Map.of("company",
                String.valueOf(exhibitor.id()))));
        ProductsView view = (ProductsView) getCurrentView();
        assertThat(view.exhibitor.isVisible()).isTrue();
        assertThat(view.exhibitor.getElement().getTextRecursively()).startsWith("Продукция компании «" + name + "»");
        assertThat(find(Anchor.class).id("products-stand").getHref()).isEqualTo("fair?stand=" + stand.number());
        assertThat(find(Anchor.class).id("products-stand").getText()).startsWith("Стенд " + stand.number() + " · ");
        assertThat(find(Anchor.class).id("products-all").getHref()).isEqualTo("fair/products");
        assertThat(find(Anchor.class).id("products-profile").getHref()).isEqualTo("companies/" + exhibitor.id());

        // the whole catalogue: the card's stand opens the map on it
        UI.getCurrent().navigate("fair/products");
        assertThat(view.exhibitor.isVisible()).isFalse();
        test(view.search).setValue("каток массой");
        assertThat(find(Anchor.class).all()).anyMatch(a -> ("fair?stand=" + stand.number()).equals(a.getHref()));

        // a delegate is not offered the profile they may not open, on the page or on a card
        BookingFixture.logInAs(venue.delegateAccount(booking.approvedCompany().firstDelegate()));
        UI.getCurrent().navigate("notifications");
        UI.getCurrent().navigate("fair/products", QueryParameters.simple(Map.of("company",
                String.valueOf(exhibitor.id()))));
        assertThat(find(Anchor.class).id("products-stand").getHref()).isEqualTo("fair?stand=" + stand.number());
        UI.getCurrent().navigate("fair/products");
        test(((ProductsView) getCurrentView()).search).setValue("каток массой");
        assertThat(find(Anchor.class).all()).noneMatch(a -> a.getHref().startsWith("companies/")
                || a.getId().filter("products-profile"::equals).isPresent());
    }

    /** Gives the company a stand and a road roller in its catalogue. */
    private FairFixture.Stand standWithRoller(TestCompany exhibitor) {
        FairFixture.Stand stand = fair.standFor(exhibitor);
        booking.as(exhibitor, () -> products.save(null, new ProductForm("Каток дорожный", "Road roller",
                "Каток массой 12 т", "A 12-tonne roller", Sector.ROAD_MUNICIPAL_MACHINERY), null));
        return stand;
    }

    @Test
    void a_product_photo_that_is_not_an_image_is_refused_in_words_and_the_product_is_not_saved() {
        TestCompany exhibitor = booking.approvedCompany();
        BookingFixture.logInAs(exhibitor);

        MyProductsView view = navigate(MyProductsView.class);
        test(view.nameRu).setValue("Каток");
        test(view.nameEn).setValue("Roller");
        test(view.descriptionRu).setValue("Каток массой 12 т");
        test(view.descriptionEn).setValue("A 12-tonne roller");
        view.category.setValue(Sector.MANUFACTURING);
        view.photoChosen("%PDF-1.7 not a picture".getBytes(StandardCharsets.US_ASCII));
        test(view.save).click();

        assertThat(view.photoError.isVisible()).isTrue();
        assertThat(view.photoError.getText()).isEqualTo("Это не изображение PNG или JPEG");
        assertThat(jdbc.queryForObject("select count(*) from product where company_id = ?", Integer.class,
                exhibitor.id())).isZero();

        view.photoChosen(null);
        test(view.save).click();
        assertThat(jdbc.queryForObject("select count(*) from product where company_id = ?", Integer.class,
                exhibitor.id())).isOne();
    }

    /**
     * A product removed in another tab while this one edits it: Save says so and keeps the text (before: an
     * AccessDeniedException, the error page, the text lost), and its Remove in this tab is no error either.
     */
    @Test
    void a_product_removed_in_another_tab_is_not_an_error_page_and_the_text_being_edited_is_kept() {
        TestCompany exhibitor = booking.approvedCompany();
        BookingFixture.logInAs(exhibitor);
        long roller = products.save(null, new ProductForm("Каток", "Roller", "Каток массой 12 т", "A 12-tonne roller",
                Sector.MANUFACTURING), null);
        long paver = products.save(null, new ProductForm("Асфальтоукладчик", "Paver", "Ширина 9 м", "9 m wide",
                Sector.MANUFACTURING), null);
        MyProductsView view = navigate(MyProductsView.class);
        products.delete(paver); // the other tab
        test(find(Button.class).id("remove-product-" + paver)).click(); // removed already: nothing to say
        test(find(Button.class).id("edit-product-" + roller)).click();
        products.delete(roller); // the other tab

        test(view.descriptionRu).setValue("Каток массой 14 т");
        test(view.save).click();

        assertThat(find(Notification.class).all().stream().map(n -> test(n).getText()).toList())
                .anyMatch(text -> text.startsWith("Этот товар тем временем удалён"));
        assertThat(view.descriptionRu.getValue()).isEqualTo("Каток массой 14 т");
        assertThat(jdbc.queryForObject("select count(*) from product where company_id = ?", Integer.class,
                exhibitor.id())).isZero();
        test(view.save).click(); // the kept text, as a new product
        assertThat(jdbc.queryForList("select description_ru from product where company_id = ?", String.class,
                exhibitor.id())).containsExactly("Каток массой 14 т");
    }

    @Test
    void the_product_photo_upload_speaks_russian_in_the_russian_ui() {
        BookingFixture.logInAs(booking.approvedCompany());

        MyProductsView view = navigate(MyProductsView.class);

        assertThat(view.photo.getDropLabel().getElement().getText()).isEqualTo("или перетащите файл сюда");
        assertThat(view.photo.getI18n().getDropFiles().getOne()).isEqualTo("Перетащите файл сюда");
    }

    /** A button of the zone's row in the grid of zones, as the grid renders it. */
    private Button zoneButton(FairSetupView view, long zoneId, String prefix) {
        var grid = test(view.zones);
        for (int row = 0; row < grid.size(); row++) {
            if (grid.getRow(row).id() == zoneId) {
                return (Button) grid.getCellComponent(row, 2).getChildren()
                        .filter(c -> c.getId().orElse("").equals(prefix + zoneId)).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("no row for zone " + zoneId);
    }

    private List<String> notifications() {
        return find(Notification.class).all().stream()
                .map(n -> test(n).getText()).toList();
    }
}
