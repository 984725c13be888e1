package org.b2bforum.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.b2bforum.BookingFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.TestCompanies.TestCompany;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@ForumSpringTest
class LogoServiceTest {

    @Autowired
    LogoService logos;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;
    @Autowired
    DirectoryService directory;

    @Autowired
    TestCompanies companies;
    @Autowired
    VenueFixture venue;
    TestCompany mine;
    TestCompany other;

    @BeforeEach
    void setUp() {
        mine = companies.approved(Country.RU);
        other = companies.approved(Country.BY);
    }

    private static BufferedImage picture(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(image, format, out)).as("a writer for " + format).isTrue();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String formatOf(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            return reader.getFormatName().toLowerCase();
        }
    }

    private byte[] storedLogo(TestCompany company) {
        return logos.logo(company.id()).orElseThrow(() -> new AssertionError("no logo stored"));
    }

    private void assertRefused(byte[] content, String key) {
        assertThatThrownBy(() -> logos.upload(content)).isInstanceOfSatisfying(LogoRejectedException.class,
                e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void a_png_is_stored_scaled_to_fit_256_pixels() throws IOException {
        companies.logInAs(mine);

        logos.upload(encode(picture(800, 400, Color.BLUE), "png"));

        byte[] stored = storedLogo(mine);
        assertThat(formatOf(stored)).isEqualTo("png");
        BufferedImage image = decode(stored);
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(128);
        assertThat(new Color(image.getRGB(5, 5))).as("the colour survives").isEqualTo(Color.BLUE);
    }

    @Test
    void a_jpeg_is_stored_as_a_png_scaled_to_fit_256_pixels() throws IOException {
        companies.logInAs(mine);

        logos.upload(encode(picture(400, 800, Color.RED), "jpeg"));

        byte[] stored = storedLogo(mine);
        assertThat(formatOf(stored)).isEqualTo("png");
        BufferedImage image = decode(stored);
        assertThat(image.getWidth()).isEqualTo(128);
        assertThat(image.getHeight()).isEqualTo(256);
    }

    @Test
    void a_small_logo_is_not_enlarged() {
        companies.logInAs(mine);

        logos.upload(encode(picture(120, 60, Color.GREEN), "png"));

        BufferedImage image = decode(storedLogo(mine));
        assertThat(image.getWidth()).isEqualTo(120);
        assertThat(image.getHeight()).isEqualTo(60);
    }

    @Test
    void a_new_logo_replaces_the_old_one() {
        companies.logInAs(mine);
        logos.upload(encode(picture(800, 400, Color.BLUE), "png"));

        logos.upload(encode(picture(300, 300, Color.RED), "png"));

        BufferedImage image = decode(storedLogo(mine));
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
    }

    @Test
    void a_text_file_named_png_is_refused() {
        companies.logInAs(mine);

        assertRefused("not an image".getBytes(StandardCharsets.UTF_8), "logo.error.not-an-image");
        assertThat(logos.logo(mine.id())).isEmpty();
    }

    @Test
    void a_gif_is_refused() {
        companies.logInAs(mine);

        assertRefused(encode(picture(100, 100, Color.BLUE), "gif"), "logo.error.not-an-image");
    }

    @Test
    void a_broken_png_is_refused() {
        companies.logInAs(mine);
        byte[] png = encode(picture(800, 400, Color.BLUE), "png");

        assertRefused(Arrays.copyOf(png, 60), "logo.error.not-an-image");
    }

    @Test
    void an_empty_file_is_refused() {
        companies.logInAs(mine);

        assertRefused(new byte[0], "logo.error.empty");
        assertRefused(null, "logo.error.empty");
    }

    @Test
    void a_file_over_2_mb_is_refused() {
        companies.logInAs(mine);
        byte[] png = encode(picture(800, 400, Color.BLUE), "png");
        byte[] padded = Arrays.copyOf(png, LogoService.MAX_BYTES + 1);
        byte[] noise = new byte[2 * 1024 * 1024 + 1];
        new Random(42).nextBytes(noise);

        assertRefused(padded, "logo.error.too-large");
        assertRefused(noise, "logo.error.too-large");
        assertThat(logos.logo(mine.id())).isEmpty();
    }

    @Test
    void a_file_of_exactly_2_mb_is_accepted() {
        companies.logInAs(mine);
        byte[] png = encode(picture(800, 400, Color.BLUE), "png");

        logos.upload(Arrays.copyOf(png, LogoService.MAX_BYTES));

        assertThat(decode(storedLogo(mine)).getWidth()).isEqualTo(256);
    }

    @Test
    void an_image_of_too_many_pixels_is_refused_from_its_header_even_when_the_file_is_small() {
        companies.logInAs(mine);
        for (int side : new int[] {8000, 6000}) { // 64 and 36 megapixels
            byte[] huge = encode(new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY), "png");
            assertThat(huge.length).isLessThan(LogoService.MAX_BYTES);

            assertRefused(huge, "logo.error.too-many-pixels");
        }
        assertThat(logos.logo(mine.id())).isEmpty();
    }

    @Test
    void a_large_photo_is_decoded_at_a_fraction_of_its_pixels() {
        companies.logInAs(mine);
        byte[] photo = encode(picture(5000, 4000, Color.ORANGE), "jpg"); // 20 megapixels, 60 MB decoded in full
        assertThat(photo.length).isLessThan(LogoService.MAX_BYTES);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        byte[] png = LogoService.scaledPng(photo, LogoService.MAX_SIDE);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(decode(png).getWidth()).isEqualTo(256);
        assertThat(allocated).as("bytes allocated to decode and scale").isLessThan(20L * 1024 * 1024);
    }

    @Test
    void a_refused_upload_keeps_the_old_logo() {
        companies.logInAs(mine);
        logos.upload(encode(picture(800, 400, Color.BLUE), "png"));
        byte[] before = storedLogo(mine);

        assertRefused("not an image".getBytes(StandardCharsets.UTF_8), "logo.error.not-an-image");

        assertThat(storedLogo(mine)).isEqualTo(before);
    }

    @Test
    void a_company_changes_only_its_own_logo() {
        companies.logInAs(other);
        logos.upload(encode(picture(300, 300, Color.GREEN), "png"));
        byte[] othersLogo = storedLogo(other);

        companies.logInAs(mine);
        logos.upload(encode(picture(800, 400, Color.BLUE), "png"));
        assertThat(storedLogo(other)).isEqualTo(othersLogo);

        logos.remove();
        assertThat(logos.logo(mine.id())).isEmpty();
        assertThat(storedLogo(other)).isEqualTo(othersLogo);
    }

    @Test
    void a_logo_shows_in_the_directory_and_the_profile() {
        companies.logInAs(mine);
        logos.upload(encode(picture(800, 400, Color.BLUE), "png"));

        companies.logInAs(other);

        assertThat(directory.profile(mine.id()).hasLogo()).isTrue();
        assertThat(directory.profile(other.id()).hasLogo()).isFalse();
    }

    @Test
    void the_logo_of_an_unapproved_company_is_shown_only_to_itself_and_organizers() {
        TestCompany pending = companies.pending(Country.BY);
        companies.logInAs(pending);
        logos.upload(encode(picture(300, 300, Color.RED), "png"));
        assertThat(logos.logo(pending.id())).isPresent();

        companies.logInAs(mine);
        assertThat(logos.logo(pending.id())).isEmpty();

        companies.logInAsOrganizer();
        assertThat(logos.logo(pending.id())).isPresent();
    }

    @Test
    void an_approved_companys_logo_is_shown_to_whoever_sees_the_directory_not_to_a_company_awaiting_approval_nor_staff_nor_delegates() {
        companies.logInAs(mine);
        logos.upload(encode(picture(300, 300, Color.GREEN), "png"));
        BookingFixture.TestCompany pending = venue.booking().pendingCompany();
        BookingFixture.TestCompany approved = venue.booking().approvedCompany();
        ForumUser staff = venue.staff();
        ForumUser delegate = venue.delegateAccount(approved.firstDelegate());

        assertThat(venue.booking().as(approved, () -> logos.logo(mine.id()))).isPresent();
        assertThat(venue.booking().asOrganizer(() -> logos.logo(mine.id()))).isPresent();
        // none of them may open the directory or a profile, so none gets the logo either
        assertThat(venue.booking().as(pending, () -> logos.logo(mine.id()))).isEmpty();
        assertThat(venue.booking().as(staff, () -> logos.logo(mine.id()))).isEmpty();
        assertThat(venue.booking().as(delegate, () -> logos.logo(mine.id()))).isEmpty();
        // a company awaiting approval still sees its own
        venue.booking().as(pending, () -> logos.upload(encode(picture(300, 300, Color.RED), "png")));
        assertThat(venue.booking().as(pending, () -> logos.logo(pending.id()))).isPresent();
    }

    @Test
    void organizers_upload_no_logos() {
        companies.logInAsOrganizer();

        assertThatThrownBy(() -> logos.upload(encode(picture(800, 400, Color.BLUE), "png")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> logos.remove()).isInstanceOf(AccessDeniedException.class);
    }
}
