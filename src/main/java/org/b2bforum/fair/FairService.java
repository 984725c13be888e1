package org.b2bforum.fair;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.text.Texts;
import org.b2bforum.company.ForumAccess;
import org.b2bforum.company.Sector;
import org.b2bforum.company.TextAnalysis;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exhibition-fair's plan: organizers set up zones (halls) with numbered stands on a grid and
 * assign stands to approved companies; visitors read the plan as a map, searched and filtered. A
 * stand has at most one company and a company at most one stand (the database's keys say so too).
 */
@Service
public class FairService {

    /** "B-14", "A1", "П-3": letters or digits, an optional dash and more, up to 20 characters. */
    private static final Pattern STAND_NUMBER = Pattern.compile("[\\p{L}\\d]{1,8}(-[\\p{L}\\d]{1,8})?");
    public static final int MAX_GRID = 50;

    private final NamedParameterJdbcTemplate jdbc;
    private final FairAccess fairAccess;
    private final ForumAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final StandMeetingsAhead meetingsAhead;

    FairService(NamedParameterJdbcTemplate jdbc, FairAccess fairAccess, ForumAccess access, CurrentUser currentUser,
            Clock clock, StandMeetingsAhead meetingsAhead) {
        this.jdbc = jdbc;
        this.fairAccess = fairAccess;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
        this.meetingsAhead = meetingsAhead;
    }

    // ---------------------------------------------------------------- setting up

    /** Adds a zone (a hall of the fair) with its Russian and English names. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public long addZone(String nameRu, String nameEn) {
        String[] names = zoneNames(nameRu, nameEn);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.update("""
                    insert into fair_zone (name_ru, name_en, sort_order)
                    select :ru, :en, coalesce(max(sort_order), 0) + 1 from fair_zone""",
                    new MapSqlParameterSource("ru", names[0]).addValue("en", names[1]), keys, new String[] {"id"});
        } catch (DuplicateKeyException e) {
            throw new FairRefusedException("fair.error.zone-exists", names[0]);
        }
        return keys.getKey().longValue();
    }

    /** Renames a zone, in Russian and English; its stands stay where they are. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void renameZone(long zoneId, String nameRu, String nameEn) {
        String[] names = zoneNames(nameRu, nameEn);
        try {
            int updated = jdbc.update("update fair_zone set name_ru = :ru, name_en = :en where id = :id",
                    new MapSqlParameterSource("ru", names[0]).addValue("en", names[1]).addValue("id", zoneId));
            if (updated == 0) {
                throw new FairRefusedException("fair.error.no-zone");
            }
        } catch (DuplicateKeyException e) {
            throw new FairRefusedException("fair.error.zone-exists", names[0]);
        }
    }

    /**
     * Removes a zone that has no stands; one with stands is refused with their number (its stands would be lost, with
     * their companies and meetings). The zone's row is locked first, so a stand added meanwhile waits and then fails.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void removeZone(long zoneId) {
        List<String> name = jdbc.queryForList("select name_ru from fair_zone where id = :id for update",
                new MapSqlParameterSource("id", zoneId), String.class);
        if (name.isEmpty()) {
            throw new FairRefusedException("fair.error.no-zone");
        }
        int stands = jdbc.queryForObject("select count(*) from fair_stand where zone_id = :id",
                new MapSqlParameterSource("id", zoneId), Integer.class);
        if (stands > 0) {
            throw new FairRefusedException("fair.error.zone-has-stands", name.getFirst(), stands);
        }
        jdbc.update("delete from fair_zone where id = :id", new MapSqlParameterSource("id", zoneId));
    }

    /** The zone's Russian and English names, single-lined, or a refusal. */
    private static String[] zoneNames(String nameRu, String nameEn) {
        String ru = Texts.singleLine(nameRu);
        String en = Texts.singleLine(nameEn);
        if (ru == null || ru.isEmpty() || en == null || en.isEmpty()) {
            throw new FairRefusedException("fair.error.zone-name");
        }
        if (ru.length() > 100 || en.length() > 100) {
            throw new FairRefusedException("fair.error.zone-name-long");
        }
        return new String[] {ru, en};
    }

    /**
     * Adds a stand to a zone: its number, unique across the fair ("B-14"), and its place on the
     * zone's grid (row and column from 1 to {@value #MAX_GRID}), which no other stand of the zone has.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public long addStand(long zoneId, String number, int row, int column) {
        String normalized = Texts.singleLine(number) == null ? "" : Texts.singleLine(number).toUpperCase(Locale.ROOT);
        if (!STAND_NUMBER.matcher(normalized).matches()) {
            throw new FairRefusedException("fair.error.stand-number");
        }
        if (row < 1 || row > MAX_GRID || column < 1 || column > MAX_GRID) {
            throw new FairRefusedException("fair.error.stand-place", MAX_GRID);
        }
        if (zones().stream().noneMatch(z -> z.id() == zoneId)) {
            throw new FairRefusedException("fair.error.no-zone");
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.update("""
                    insert into fair_stand (zone_id, number, grid_row, grid_column) values (:zone, :number, :row, :col)""",
                    new MapSqlParameterSource("zone", zoneId).addValue("number", normalized).addValue("row", row)
                            .addValue("col", column), keys, new String[] {"id"});
        } catch (DuplicateKeyException e) {
            boolean numberTaken = Boolean.TRUE.equals(jdbc.queryForObject(
                    "select exists (select 1 from fair_stand where number = :n)",
                    new MapSqlParameterSource("n", normalized), Boolean.class));
            throw numberTaken ? new FairRefusedException("fair.error.stand-number-taken", normalized)
                    : new FairRefusedException("fair.error.stand-place-taken", row, column);
        }
        return keys.getKey().longValue();
    }

    /**
     * Gives the stand to an approved company. Assigning it again to the same company changes
     * nothing; a stand that has another company, or a company that has another stand, is refused
     * with their names. The primary and unique keys of the assignment refuse a concurrent second
     * assignment the same way.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void assign(long standId, long companyId) {
        if (!access.isApproved(companyId)) {
            throw new FairRefusedException("fair.error.company-not-approved");
        }
        String number = standNumber(standId);
        Optional<String> holder = jdbc.queryForList("""
                select concat(a.company_id, '|', c.short_name) from fair_stand_assignment a
                join company c on c.id = a.company_id where a.stand_id = :s""",
                new MapSqlParameterSource("s", standId), String.class).stream().findFirst();
        if (holder.isPresent()) {
            String[] parts = holder.get().split("\\|", 2);
            if (Long.parseLong(parts[0]) == companyId) {
                return;
            }
            throw new FairRefusedException("fair.error.stand-taken", number, parts[1]);
        }
        Optional<String> otherStand = jdbc.queryForList("""
                select s.number from fair_stand_assignment a join fair_stand s on s.id = a.stand_id
                where a.company_id = :c""", new MapSqlParameterSource("c", companyId), String.class)
                .stream().findFirst();
        if (otherStand.isPresent()) {
            throw new FairRefusedException("fair.error.company-has-stand", otherStand.get());
        }
        try {
            jdbc.update("""
                    insert into fair_stand_assignment (stand_id, company_id, assigned_at, assigned_by)
                    values (:s, :c, :now, :by)""",
                    new MapSqlParameterSource("s", standId).addValue("c", companyId)
                            .addValue("now", Timestamp.from(clock.instant())).addValue("by", currentUser.require().id()));
        } catch (DuplicateKeyException e) {
            // another organizer assigned the stand, or gave the company a stand, at the same moment
            throw new FairRefusedException("fair.error.stand-taken-meanwhile", number);
        }
    }

    /**
     * Frees a stand. Refused while meetings confirmed at the stand lie ahead: they would lose their
     * place (the list names how many).
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void unassign(long standId) {
        int ahead = meetingsAhead.startingAfter(standId, clock.instant());
        if (ahead > 0) {
            throw new FairRefusedException("fair.error.stand-has-meetings", standNumber(standId), ahead);
        }
        jdbc.update("delete from fair_stand_assignment where stand_id = :s", new MapSqlParameterSource("s", standId));
    }

    /**
     * Approved companies whose name contains {@code filter}, by name, with the stand each has: a page of them for the
     * organizers' lazily loaded choice of an exhibitor (a forum of 2,000 companies held them all in each open tab).
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<CompanyChoice> approvedCompanies(String filter, int offset, int limit) {
        return jdbc.query("""
                select c.id, c.short_name, c.city, s.number from company c
                left join fair_stand_assignment a on a.company_id = c.id left join fair_stand s on s.id = a.stand_id
                where c.status = 'APPROVED' and c.short_name like :filter
                order by c.short_name, c.id limit :limit offset :offset""",
                new MapSqlParameterSource("filter", Texts.likeContaining(filter)).addValue("limit", Math.max(0, limit))
                        .addValue("offset", Math.max(0, offset)),
                (rs, i) -> new CompanyChoice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    // ---------------------------------------------------------------- the map

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<FairZone> zones() {
        return jdbc.query("select id, name_ru, name_en from fair_zone order by sort_order, id",
                new MapSqlParameterSource(), (rs, i) -> new FairZone(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /**
     * Every stand of the fair, zone by zone in grid order, each marked whether it answers the
     * filter: the words in the company's name, its stand number, its profile or its products (in
     * any Russian or English word form, as the directory searches), and the sector of the company
     * or of one of its products. For organizers, staff and the people of approved companies.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<FairStand> map(FairMapFilter filter) {
        fairAccess.requireVisitor();
        Map<Long, FairZone> zones = new HashMap<>();
        zones().forEach(z -> zones.put(z.id(), z));
        Map<Long, Set<Sector>> sectors = new HashMap<>();
        jdbc.query("""
                select a.company_id, cs.sector from fair_stand_assignment a join company_sector cs on cs.company_id = a.company_id""",
                rs -> {
                    sectors.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Sector.class))
                            .add(Sector.valueOf(rs.getString(2)));
                });
        Set<Long> matching = filter.isEmpty() ? null : matchingStands(filter);
        List<FairStand> stands = new ArrayList<>();
        jdbc.query("""
                select s.id, s.zone_id, s.number, s.grid_row, s.grid_column, a.company_id, c.short_name
                from fair_stand s join fair_zone z on z.id = s.zone_id
                left join fair_stand_assignment a on a.stand_id = s.id
                left join company c on c.id = a.company_id and c.status = 'APPROVED'
                order by z.sort_order, z.id, s.grid_row, s.grid_column""", rs -> {
                    long id = rs.getLong("id");
                    Long company = rs.getString("short_name") == null ? null : rs.getLong("company_id");
                    stands.add(new FairStand(id, zones.get(rs.getLong("zone_id")), rs.getString("number"),
                            rs.getInt("grid_row"), rs.getInt("grid_column"), company, rs.getString("short_name"),
                            company == null ? Set.of() : sectors.getOrDefault(company, Set.of()),
                            matching == null || matching.contains(id)));
                });
        return stands;
    }

    private Set<Long> matchingStands(FairMapFilter filter) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        String text = filter.text() == null ? "" : filter.text().trim();
        if (!text.isEmpty()) {
            String query = TextAnalysis.searchQuery(text);
            params.addValue("number", text.toUpperCase(Locale.ROOT)).addValue("name", "%" + text + "%");
            StringBuilder words = new StringBuilder("(s.number = :number or c.short_name like :name");
            if (!query.isEmpty()) {
                params.addValue("q", query);
                words.append(" ").append("""
                         or exists (select 1 from company_search x where x.company_id = c.id
                                    and match(x.all_stems) against (:q in boolean mode))
                         or exists (select 1 from product p join product_search ps on ps.product_id = p.id
                                    where p.company_id = c.id and match(ps.stems) against (:q in boolean mode))""");
            }
            conditions.add(words.append(")").toString());
        }
        if (filter.sector() != null) {
            params.addValue("sector", filter.sector().name());
            conditions.add("""
                    (exists (select 1 from company_sector cs where cs.company_id = c.id and cs.sector = :sector)
                     or exists (select 1 from product p where p.company_id = c.id and p.category = :sector))""");
        }
        return Set.copyOf(jdbc.queryForList("""
                select s.id from fair_stand s join fair_stand_assignment a on a.stand_id = s.id
                join company c on c.id = a.company_id and c.status = 'APPROVED'
                where """ + String.join(" and ", conditions), params, Long.class));
    }

    /**
     * The company's stand, if it exhibits; for its profile. Empty for whoever may not see its products
     * ({@link ProductService#productsOf}): a company that is not approved (a stand stays assigned while its
     * company is back in review or rejected) shows its stand to itself and organizers only, as on the map.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<StandLabel> standOf(long companyId) {
        if (!fairAccess.maySee(companyId)) {
            return Optional.empty();
        }
        return jdbc.query("""
                select s.id, s.number, z.id zone_id, z.name_ru, z.name_en from fair_stand_assignment a
                join fair_stand s on s.id = a.stand_id join fair_zone z on z.id = s.zone_id
                where a.company_id = :c""", new MapSqlParameterSource("c", companyId),
                (rs, i) -> new StandLabel(rs.getLong(1), rs.getString(2),
                        new FairZone(rs.getLong(3), rs.getString(4), rs.getString(5)))).stream().findFirst();
    }

    /** Whether the logged-in person may visit the fair's map and catalogue (see {@link #map}). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean canVisit() {
        try {
            fairAccess.requireVisitor();
            return true;
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return false;
        }
    }

    /**
     * The company the logged-in representative or delegate acts for; empty for organizers and staff. The map offers
     * its people "Write a message" to every exhibitor but their own.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Long> visitorCompany() {
        return fairAccess.companyOfUser();
    }

    /** Whether the logged-in person belongs to an exhibiting company (it has a stand). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean isExhibitor() {
        return fairAccess.exhibitor().isPresent();
    }

    /** Per zone, how many stands it has and how many are assigned: the organizers' overview. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public Map<Long, int[]> occupancy() {
        Map<Long, int[]> result = new LinkedHashMap<>();
        jdbc.query("""
                select s.zone_id, count(*), count(a.stand_id) from fair_stand s
                left join fair_stand_assignment a on a.stand_id = s.id group by s.zone_id""",
                rs -> {
                    result.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return result;
    }

    private String standNumber(long standId) {
        return jdbc.queryForList("select number from fair_stand where id = :s", new MapSqlParameterSource("s", standId),
                String.class).stream().findFirst().orElseThrow(() -> new FairRefusedException("fair.error.no-stand"));
    }
}
