package org.b2bforum.fair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.venue.VenueFixture;
import org.b2bforum.company.Sector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Exhibitors' product catalogues: checked fields, photos checked as logos are, search in any word form. */
@ForumSpringTest
class ProductServiceTest {

    @Autowired
    ProductService products;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BookingFixture booking;
    @Autowired
    VenueFixture venue;


    @Test
    void a_product_is_found_in_any_russian_or_english_word_form_and_by_category() {
        TestCompany maker = booking.approvedCompany();
        String unique = word();
        long id = booking.as(maker, () -> products.save(null, form("Снегоуборочная техника " + unique,
                "Snow clearing machinery " + unique, Sector.ROAD_MUNICIPAL_MACHINERY), null));

        assertThat(booking.as(maker, () -> products.search("снегоуборочной техники", null, 0, 500)))
                .extracting(Product::id).contains(id);
        assertThat(booking.as(maker, () -> products.search("machines " + unique, null, 0, 50)))
                .extracting(Product::id).containsExactly(id);
        assertThat(booking.as(maker, () -> products.search(unique, Sector.ROAD_MUNICIPAL_MACHINERY, 0, 50)))
                .extracting(Product::id).containsExactly(id);
        assertThat(booking.as(maker, () -> products.search(unique, Sector.FOOD_AGRICULTURE, 0, 50))).isEmpty();
        assertThat(booking.as(maker, () -> products.count(unique, null))).isOne();
    }

    @Test
    void a_photo_that_is_not_an_image_is_refused_in_words_and_nothing_is_saved() {
        TestCompany maker = booking.approvedCompany();
        byte[] text = "<html>not a picture</html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> booking.as(maker, () -> products.save(null, form("Каток", "Roller",
                Sector.MANUFACTURING), text))).isInstanceOfSatisfying(InvalidProductException.class,
                        e -> assertThat(e.errors()).containsEntry("photo", "logo.error.not-an-image"));
        assertThat(jdbc.queryForObject("select count(*) from product where company_id = ?", Integer.class, maker.id()))
                .isZero();
    }

    @Test
    void a_photo_is_scaled_to_fit_640_pixels_and_stored_as_png_and_kept_when_the_product_changes() throws IOException {
        TestCompany maker = booking.approvedCompany();
        byte[] photo = jpeg(2000, 1000);
        long id = booking.as(maker, () -> products.save(null, form("Каток", "Roller", Sector.MANUFACTURING), photo));
        booking.as(maker, () -> products.save(id, form("Каток дорожный", "Road roller", Sector.MANUFACTURING), null));

        byte[] png = booking.as(maker, () -> products.photo(id)).orElseThrow();
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(stored.getWidth()).isEqualTo(640);
        assertThat(stored.getHeight()).isEqualTo(320);
        assertThat(booking.as(maker, () -> products.myProducts())).singleElement()
                .satisfies(p -> {
                    assertThat(p.nameRu()).isEqualTo("Каток дорожный");
                    assertThat(p.hasPhoto()).isTrue();
                });
    }

    @Test
    void every_missing_field_is_named_and_nothing_is_saved() {
        TestCompany maker = booking.approvedCompany();
        assertThatThrownBy(() -> booking.as(maker, () -> products.save(null,
                new ProductForm(" ", "Roller", "", "Road roller", null), null)))
                .isInstanceOfSatisfying(InvalidProductException.class, e -> assertThat(e.errors()).containsOnlyKeys(
                        "nameRu", "descriptionRu", "category"));
        assertThat(jdbc.queryForObject("select count(*) from product where company_id = ?", Integer.class, maker.id()))
                .isZero();
    }

    @Test
    void another_company_cannot_change_or_remove_a_product_and_products_of_an_unapproved_company_are_not_shown() {
        TestCompany maker = booking.approvedCompany();
        TestCompany other = booking.approvedCompany();
        long id = booking.as(maker, () -> products.save(null, form("Каток", "Roller", Sector.MANUFACTURING), null));

        assertThatThrownBy(() -> booking.as(other, () -> products.save(id, form("Чужой", "Not mine",
                Sector.MANUFACTURING), null))).isInstanceOf(ProductRemovedException.class);
        booking.as(other, () -> products.delete(id));
        assertThat(booking.as(other, () -> products.productsOf(maker.id()))).extracting(Product::nameRu)
                .containsExactly("Каток");

        booking.withdrawApproval(maker);
        assertThat(booking.as(other, () -> products.productsOf(maker.id()))).isEmpty();
        assertThat(booking.as(other, () -> products.photo(id))).isEmpty();
    }

    @Test
    void another_companys_product_id_answers_exactly_as_an_id_that_does_not_exist_and_stays_as_it_was() {
        TestCompany maker = booking.approvedCompany();
        TestCompany other = booking.approvedCompany();
        long id = booking.as(maker, () -> products.save(null, form("Каток", "Roller", Sector.MANUFACTURING), null));
        long missing = booking.as(maker, () -> products.save(null, form("Грейдер", "Grader", Sector.MANUFACTURING),
                null));
        booking.as(maker, () -> products.delete(missing));

        // a forged id learns nothing: another company's product and a removed one give the same answer, in words
        Class<?> forMissing = answer(other, missing);
        assertThat(forMissing).isEqualTo(ProductRemovedException.class);
        assertThat(answer(other, id)).isEqualTo(forMissing);
        booking.as(other, () -> products.delete(missing));
        booking.as(other, () -> products.delete(id));

        assertThat(booking.as(maker, () -> products.myProducts())).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(id);
            assertThat(p.nameRu()).isEqualTo("Каток");
        });
    }

    private Class<?> answer(TestCompany who, long productId) {
        try {
            booking.as(who, () -> products.save(productId, form("Чужой", "Not mine", Sector.MANUFACTURING), null));
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    @Test
    void a_company_awaiting_approval_reads_no_catalogue_and_staff_read_none_of_a_rejected_company() throws IOException {
        TestCompany maker = booking.approvedCompany();
        TestCompany waiting = booking.pendingCompany();
        byte[] photo = jpeg(100, 100);
        long id = booking.as(maker, () -> products.save(null, form("Каток", "Roller", Sector.MANUFACTURING), photo));
        ForumUser staff = venue.staff();

        assertThat(booking.as(waiting, () -> products.productsOf(maker.id()))).isEmpty();
        assertThat(booking.as(waiting, () -> products.photo(id))).isEmpty();
        assertThat(booking.as(staff, () -> products.productsOf(maker.id()))).extracting(Product::id)
                .containsExactly(id);

        booking.withdrawApproval(maker);
        assertThat(booking.as(staff, () -> products.productsOf(maker.id()))).isEmpty();
        assertThat(booking.as(staff, () -> products.photo(id))).isEmpty();
        assertThat(booking.asOrganizer(() -> products.productsOf(maker.id()))).extracting(Product::id)
                .containsExactly(id);
        assertThat(booking.as(maker, () -> products.productsOf(maker.id()))).extracting(Product::id)
                .containsExactly(id);
    }

    /** A made-up word unique in the test run, letters only ("zqkx3a-12" as "zqkxdabc"). */
    static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (char c : TestData.unique().toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.isDigit(c) ? (char) ('a' + c - '0') : c);
            }
        }
        return word.toString();
    }

    private static ProductForm form(String ru, String en, Sector category) {
        return new ProductForm(ru, en, "Описание: " + ru, "Description: " + en, category);
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
