package org.b2bforum.fair;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.text.Texts;
import org.b2bforum.company.ForumAccess;
import org.b2bforum.company.LogoRejectedException;
import org.b2bforum.company.LogoService;
import org.b2bforum.company.Sector;
import org.b2bforum.company.TextAnalysis;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exhibitors' product catalogues: name, description (Russian and English), category and a photo
 * checked as logos are. Products are searched in any Russian or English word form, as companies
 * are in the directory (their stems in {@code product_search}).
 */
@Service
public class ProductService {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4000;
    /** Product photos are scaled to fit this square (logos: 256). */
    public static final int PHOTO_SIDE = 640;

    private static final String SELECT = """
            select p.id, p.company_id, c.short_name, s.number stand_number, p.name_ru, p.name_en, p.description_ru,
                   p.description_en, p.category, ph.product_id is not null has_photo, p.updated_at
            from product p join company c on c.id = p.company_id
            left join fair_stand_assignment a on a.company_id = p.company_id left join fair_stand s on s.id = a.stand_id
            left join product_photo ph on ph.product_id = p.id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ForumAccess access;
    private final FairAccess fairAccess;
    private final Clock clock;

    ProductService(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser, ForumAccess access, FairAccess fairAccess,
            Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.access = access;
        this.fairAccess = fairAccess;
        this.clock = clock;
    }

    /** The logged-in company's products. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<Product> myProducts() {
        return query("where p.company_id = :c order by p.name_ru, p.id",
                new MapSqlParameterSource("c", currentUser.requireCompanyId()));
    }

    /**
     * Adds a product to the logged-in approved company's catalogue ({@code productId} null) or
     * changes one of its products, with a new photo if {@code photo} is given (else the photo stays).
     * Every field and the photo are checked before anything is written.
     *
     * @throws InvalidProductException naming each field that is wrong
     * @throws ProductRemovedException when the product edited was removed meanwhile (another tab, another
     *         representative): nothing stored (before: {@code AccessDeniedException}, the error page, the text lost);
     *         the same for another company's product, so that a forged id does not learn which ids exist (review69)
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional
    public long save(Long productId, ProductForm form, byte[] photo) {
        long company = access.requireApprovedCompany();
        Map<String, String> errors = new LinkedHashMap<>();
        String nameRu = required(errors, "nameRu", Texts.singleLine(form.nameRu()), MAX_NAME);
        String nameEn = required(errors, "nameEn", Texts.singleLine(form.nameEn()), MAX_NAME);
        String descriptionRu = required(errors, "descriptionRu", Texts.multiLine(form.descriptionRu()), MAX_DESCRIPTION);
        String descriptionEn = required(errors, "descriptionEn", Texts.multiLine(form.descriptionEn()), MAX_DESCRIPTION);
        if (form.category() == null) {
            errors.put("category", "product.error.category");
        }
        byte[] png = null;
        if (photo != null) {
            try {
                png = LogoService.checkedPng(photo, PHOTO_SIDE);
            } catch (LogoRejectedException e) {
                errors.put("photo", e.key());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidProductException(errors);
        }
        Timestamp now = Timestamp.from(clock.instant());
        MapSqlParameterSource params = new MapSqlParameterSource("c", company).addValue("nameRu", nameRu)
                .addValue("nameEn", nameEn).addValue("descriptionRu", descriptionRu)
                .addValue("descriptionEn", descriptionEn).addValue("category", form.category().name())
                .addValue("now", now);
        long id;
        if (productId == null) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.update("""
                    insert into product (company_id, name_ru, name_en, description_ru, description_en, category,
                        created_at, updated_at)
                    values (:c, :nameRu, :nameEn, :descriptionRu, :descriptionEn, :category, :now, :now)""",
                    params, keys, new String[] {"id"});
            id = keys.getKey().longValue();
        } else {
            id = productId;
            int updated = jdbc.update("""
                    update product set name_ru = :nameRu, name_en = :nameEn, description_ru = :descriptionRu,
                        description_en = :descriptionEn, category = :category, updated_at = :now
                    where id = :id and company_id = :c""", params.addValue("id", id));
            if (updated == 0) {
                throw new ProductRemovedException(id);
            }
        }
        jdbc.update("""
                insert into product_search (product_id, stems) values (:id, :stems)
                on duplicate key update stems = values(stems)""",
                new MapSqlParameterSource("id", id).addValue("stems",
                        TextAnalysis.stemText(nameRu, nameEn, descriptionRu, descriptionEn)));
        if (png != null) {
            jdbc.update("""
                    insert into product_photo (product_id, image, updated_at) values (:id, :image, :now)
                    on duplicate key update image = values(image), updated_at = values(updated_at)""",
                    new MapSqlParameterSource("id", id).addValue("image", png).addValue("now", now));
        }
        return id;
    }

    private static String required(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            errors.put(field, "product.error.required");
        } else if (value.length() > max) {
            errors.put(field, "product.error.too-long");
        }
        return value;
    }

    /**
     * Removes one of the logged-in company's products, with its photo; one removed already (in another tab) stays
     * removed, nothing to say. Another company's product is not touched and answers as one that is not there: until
     * review69 it was refused ({@code AccessDeniedException}) while a missing id was not, so a forged id learnt which
     * product ids exist.
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional
    public void delete(long productId) {
        jdbc.update("delete from product where id = :id and company_id = :c",
                new MapSqlParameterSource("id", productId).addValue("c", currentUser.requireCompanyId()));
    }

    /** A product's photo as PNG, for whoever may see its company's products ({@link #productsOf}). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<byte[]> photo(long productId) {
        List<Long> company = jdbc.queryForList("select company_id from product where id = :id",
                new MapSqlParameterSource("id", productId), Long.class);
        if (company.isEmpty() || !fairAccess.maySee(company.getFirst())) {
            return Optional.empty();
        }
        return jdbc.query("select image from product_photo where product_id = :id",
                new MapSqlParameterSource("id", productId), (rs, i) -> rs.getBytes(1)).stream().findFirst();
    }

    /**
     * The products of an approved company for the fair's visitors (see {@link #search}), one's own, or any
     * company's for organizers; empty for anyone else.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Product> productsOf(long companyId) {
        if (!fairAccess.maySee(companyId)) {
            return List.of();
        }
        return query("where p.company_id = :c order by p.name_ru, p.id", new MapSqlParameterSource("c", companyId));
    }

    /**
     * Products of approved companies matching the words (every word, in any Russian or English
     * form: "станки" finds "станок") and the category, exhibitors at a stand first, then by name.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Product> search(String text, Sector category, int offset, int limit) {
        fairAccess.requireVisitor();
        MapSqlParameterSource params = new MapSqlParameterSource("offset", offset).addValue("limit", limit);
        return query(where(text, category, params)
                + " order by s.number is null, c.short_name, p.name_ru, p.id limit :limit offset :offset", params);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int count(String text, Sector category) {
        fairAccess.requireVisitor();
        MapSqlParameterSource params = new MapSqlParameterSource();
        return jdbc.queryForObject("select count(*) from product p join company c on c.id = p.company_id "
                + where(text, category, params), params, Integer.class);
    }

    private static String where(String text, Sector category, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("where c.status = 'APPROVED'");
        String query = TextAnalysis.searchQuery(text);
        if (!query.isEmpty()) {
            params.addValue("q", query);
            where.append(" ").append("""
                     and exists (select 1 from product_search ps where ps.product_id = p.id
                                 and match(ps.stems) against (:q in boolean mode))""");
        } else if (text != null && !text.isBlank()) {
            where.append(" and false"); // only stop words: nothing to look for
        }
        if (category != null) {
            params.addValue("category", category.name());
            where.append(" and p.category = :category");
        }
        return where.toString();
    }

    private List<Product> query(String where, MapSqlParameterSource params) {
        return jdbc.query(SELECT + where, params, ProductService::product);
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(rs.getLong("id"), rs.getLong("company_id"), rs.getString("short_name"),
                rs.getString("stand_number"), rs.getString("name_ru"), rs.getString("name_en"),
                rs.getString("description_ru"), rs.getString("description_en"), Sector.valueOf(rs.getString("category")),
                rs.getBoolean("has_photo"), rs.getTimestamp("updated_at").getTime());
    }
}
