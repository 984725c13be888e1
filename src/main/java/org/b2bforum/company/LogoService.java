package org.b2bforum.company;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import net.coobird.thumbnailator.Thumbnails;

/**
 * Company logos: PNG or JPEG up to 2 MB and 20 megapixels, recognised by their content (not their
 * file name), scaled on the server to fit 256 × 256 and stored as PNG.
 */
@Service
public class LogoService {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_SIDE = 256;
    private static final List<String> ACCEPTED_FORMATS = List.of("png", "jpeg");
    /**
     * Read from the image's header before anything is decoded: a small file can claim a huge image
     * (a 2 MB PNG of 40 megapixels took 160 MB of heap to decode).
     */
    public static final long MAX_PIXELS = 20_000_000L;

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ForumAccess access;
    private final CompanyCards cards;
    private final Clock clock;

    LogoService(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser, ForumAccess access, CompanyCards cards,
            Clock clock) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.currentUser = currentUser;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Replaces the logged-in company's logo.
     *
     * @throws LogoRejectedException with the reason as a translation key
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional
    public void upload(byte[] content) {
        long companyId = currentUser.requireCompanyId();
        byte[] png = scaledPng(content, MAX_SIDE);
        jdbc.update("""
                insert into company_logo (company_id, image, updated_at) values (:id, :image, :at)
                on duplicate key update image = values(image), updated_at = values(updated_at)""",
                new MapSqlParameterSource("id", companyId).addValue("image", png)
                        .addValue("at", Timestamp.from(clock.instant())));
        cards.changed(companyId);
    }

    @PreAuthorize("hasRole('COMPANY')")
    @Transactional
    public void remove() {
        long companyId = currentUser.requireCompanyId();
        jdbc.update("delete from company_logo where company_id = :id", new MapSqlParameterSource("id", companyId));
        cards.changed(companyId);
    }

    /**
     * A logo as PNG bytes, for whoever may see the company in the directory ({@link DirectoryService#profile}):
     * organizers any company's, a company its own, and an approved company the other approved ones; empty for
     * anyone else (a company awaiting approval, venue staff and delegates, who see no directory).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<byte[]> logo(long companyId) {
        ForumUser viewer = currentUser.require();
        boolean own = viewer.companyId() != null && viewer.companyId() == companyId;
        if (!viewer.isOrganizer() && !own && !(access.isApproved(viewer.companyId()) && access.isApproved(companyId))) {
            return Optional.empty();
        }
        return jdbc.query("select image from company_logo where company_id = :id",
                new MapSqlParameterSource("id", companyId), (rs, row) -> rs.getBytes(1)).stream().findFirst();
    }

    /**
     * An uploaded picture checked as logos are (PNG or JPEG by content, at most {@link #MAX_BYTES}
     * and {@link #MAX_PIXELS}) and scaled to fit {@code maxSide} × {@code maxSide}, as PNG; for
     * other features' pictures (product photos).
     *
     * @throws LogoRejectedException with the reason as a translation key
     */
    public static byte[] checkedPng(byte[] content, int maxSide) {
        return scaledPng(content, maxSide);
    }

    static byte[] scaledPng(byte[] content, int maxSide) {
        if (content == null || content.length == 0) {
            throw new LogoRejectedException("logo.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new LogoRejectedException("logo.error.too-large");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new LogoRejectedException("logo.error.not-an-image");
            }
            ImageReader reader = readers.next();
            try {
                if (!ACCEPTED_FORMATS.contains(reader.getFormatName().toLowerCase())) {
                    throw new LogoRejectedException("logo.error.not-an-image");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw new LogoRejectedException("logo.error.too-many-pixels");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                // decoded at most four times the side wanted (every n-th pixel), enough to scale well
                int step = Math.max(1, Math.max(width, height) / (4 * maxSide));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Thumbnails.of(image).size(Math.min(maxSide, image.getWidth()), Math.min(maxSide, image.getHeight()))
                        .keepAspectRatio(true).outputFormat("png").toOutputStream(out);
                return out.toByteArray();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof LogoRejectedException rejected) {
                throw rejected;
            }
            throw new LogoRejectedException("logo.error.not-an-image");
        }
    }
}
