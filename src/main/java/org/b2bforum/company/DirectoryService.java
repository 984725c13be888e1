package org.b2bforum.company;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.domain.Company;
import org.b2bforum.company.domain.CompanyRepository;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The company directory: approved companies only, searched with Russian and English word forms,
 * filtered and paged in the database. Open to organizers and approved companies.
 */
@Service
public class DirectoryService {

    /** Offers and needs are cut to this length in lists; one character more tells that there was more. */
    public static final int SNIPPET = 280;

    private final NamedParameterJdbcTemplate jdbc;
    private final ForumAccess access;
    private final CompanyRepository companies;
    private final ConfirmedMeetings confirmedMeetings;
    private final CompanyCards cards;
    private final Clock clock;

    DirectoryService(NamedParameterJdbcTemplate jdbc, ForumAccess access, CompanyRepository companies,
            ConfirmedMeetings confirmedMeetings, CompanyCards cards, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.access = access;
        this.companies = companies;
        this.confirmedMeetings = confirmedMeetings;
        this.cards = cards;
    }

    /**
     * One page of companies matching the query, never the viewer's own company. One statement (after the
     * approval check), so it runs in the caller's transaction or, from a view, in none: a read-only
     * transaction of its own added a {@code set autocommit} pair and a commit to each page and each count,
     * four of a directory search's statements (bench/README.md, issue 17).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<DirectoryEntry> search(DirectoryQuery query, Pageable page) {
        List<DirectoryEntry> entries = new ArrayList<>();
        page(query, page.getPageSize(), page.getOffset(), false, (entry, total) -> entries.add(entry));
        return entries;
    }

    /** The first {@code size} companies matching the query, and how many match in all. */
    public record FirstPage(List<DirectoryEntry> entries, long total) {
    }

    /**
     * The first page of {@link #search} and the {@link #count} of the same query in one statement (the total as a
     * window over the matching rows, before the limit): a directory opened or searched read both, one after the other,
     * two of a booking rush user's statements each time (bench/README.md, issue 17).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public FirstPage firstPage(DirectoryQuery query, int size) {
        List<DirectoryEntry> entries = new ArrayList<>();
        long[] total = {0};
        page(query, size, 0, true, (entry, matching) -> {
            entries.add(entry);
            total[0] = matching;
        });
        return new FirstPage(List.copyOf(entries), total[0]);
    }

    private interface PageRows {
        void row(DirectoryEntry entry, long total);
    }

    private void page(DirectoryQuery query, int limit, long offset, boolean withTotal, PageRows rows) {
        ForumUser viewer = access.requireParticipant();
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(query, viewer, params);
        List<SortKey> order = order(query, params);
        // without a search the other side first is OWN_SIDE, BY_NAME, BY_ID: each side read apart on the name's index
        boolean bySide = effective(query.sort()) == DirectorySort.OTHER_SIDE_FIRST && !params.hasValue("q");
        // The page is picked on the sort keys alone; snippets and sectors are then read for its rows
        // only, not for every company that matches (thousands for a common word).
        String pageIds = bySide ? pageIdsBySide(where, params, offset + limit)
                : "select " + sqlList(order, k -> k.expression() + " " + k.alias())
                        + (withTotal ? ", count(*) over () matching" : "") + " from company c"
                        + join(params) + where + " order by " + sqlList(order, k -> k.expression() + k.direction())
                        + " limit :limit offset :offset";
        String total = bySide ? ", (select count(*) from company c" + where + ") matching" : ", p.matching";
        String sql = "select c.id, c.short_name, c.full_name, c.city, c.country, left(c.offers, " + (SNIPPET + 1)
                + ") offers, left(c.seeks, " + (SNIPPET + 1) + ") seeks,"
                + " (select group_concat(cs.sector) from company_sector cs where cs.company_id = c.id) sectors,"
                + " exists (select 1 from company_logo l where l.company_id = c.id) has_logo,"
                + " exists (select 1 from shortlist_entry s where s.company_id = :viewer and s.target_company_id = c.id) starred"
                + (withTotal ? total : "")
                + " from (" + pageIds + ") p join company c on c.id = p.id"
                + " order by " + sqlList(order, k -> "p." + k.alias() + k.direction());
        params.addValue("limit", limit).addValue("offset", offset);
        jdbc.query(sql, params, (RowCallbackHandler) rs -> rows.row(entry(rs, rs.getRow()),
                withTotal ? rs.getLong("matching") : 0));
    }

    /**
     * The page of the directory without a search, the other side first: each side's first {@code end} companies by
     * name, read in the order of an index on the name (a side is a country), then merged. Sorting every approved
     * company on the side's expression for each page was the largest statement of a booking rush user: a thousand rows
     * sorted, and counted by a window over them, for twenty shown (bench/README.md, issue 17). The total is counted
     * apart, on the status's index.
     */
    private static String pageIdsBySide(String where, MapSqlParameterSource params, long end) {
        params.addValue("end", end);
        return side(where, false) + " union all " + side(where, true)
                + " order by own_side, short_name, id limit :limit offset :offset";
    }

    /** One side's first {@code :end} companies by name: the own side's ({@code own}) or the other one's. */
    private static String side(String where, boolean own) {
        return "(select " + own + " own_side, c.short_name short_name, c.id id from company c" + where + " and "
                + (own ? "" : "not ") + OWN_SIDE.expression() + " order by c.short_name, c.id limit :end)";
    }

    /** How many companies match the query; one statement, as {@link #search}. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public long count(DirectoryQuery query) {
        ForumUser viewer = access.requireParticipant();
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(query, viewer, params);
        Long count = jdbc.queryForObject("select count(*) from company c" + join(params) + where, params, Long.class);
        return count == null ? 0 : count;
    }

    /**
     * A company's profile. Unapproved companies are visible only to organizers and to themselves;
     * contact details only to organizers, to the company itself and after a confirmed meeting. The
     * company's data comes from this node's cache ({@link CompanyCards}); these rules are applied to
     * each viewer on what the database says now.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public CompanyProfile profile(long companyId) {
        ForumUser viewer = access.requireParticipant();
        boolean own = viewer.companyId() != null && viewer.companyId() == companyId;
        // whether it is approved is read each time, not from the cache: a rejection hides it on every node at once
        CompanyCards.Card card = cards.card(companyId, this::card)
                .filter(c -> own || viewer.isOrganizer() || access.isApproved(companyId))
                .orElseThrow(() -> new CompanyNotFoundException(companyId));
        boolean contacts = viewer.isOrganizer() || own
                || confirmedMeetings.exist(viewer.companyId(), companyId);
        boolean starred = !own && viewer.companyId() != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from shortlist_entry where company_id = :viewer and target_company_id = :id)",
                new MapSqlParameterSource("viewer", viewer.companyId()).addValue("id", companyId), Boolean.class));
        return new CompanyProfile(card.id(), card.fullName(), card.shortName(), card.city(), card.country(),
                card.sectors(), card.description(), card.offers(), card.seeks(), card.website(), card.hasLogo(),
                contacts ? card.delegates() : card.delegates().stream()
                        .map(d -> new CompanyProfile.Person(d.fullName(), d.position(), null, null)).toList(),
                contacts ? card.contacts() : null,
                starred, own);
    }

    /** The company as stored, contacts included: what {@link CompanyCards} keeps. */
    private Optional<CompanyCards.Card> card(long companyId) {
        return companies.findById(companyId).map(company -> new CompanyCards.Card(company.getId(),
                company.getFullName(), company.getShortName(), company.getCity(), company.getCountry(),
                Set.copyOf(company.getSectors()), company.getDescription(), company.getOffers(),
                company.getSeeks(), company.getWebsite(), hasLogo(companyId),
                company.getDelegates().stream().map(d -> new CompanyProfile.Person(d.getFullName(), d.getPosition(),
                        d.getEmail(), d.getPhone())).toList(),
                new CompanyProfile.Contacts(company.getContactPerson(), company.getEmail(), company.getPhone())));
    }

    private boolean hasLogo(long companyId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from company_logo where company_id = :id)",
                new MapSqlParameterSource("id", companyId), Boolean.class));
    }

    private String where(DirectoryQuery query, ForumUser viewer, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("c.status = 'APPROVED'");
        params.addValue("viewer", viewer.companyId() == null ? -1L : viewer.companyId());
        conditions.add("c.id <> :viewer");
        String q = StringUtils.hasText(query.text()) ? TextAnalysis.searchQuery(query.text()) : "";
        if (!q.isEmpty()) {
            params.addValue("q", q);
            conditions.add(textMatch(query));
        }
        if (StringUtils.hasText(query.city())) {
            params.addValue("city", query.city().trim());
            conditions.add("c.city = :city");
        }
        if (query.country() != null) {
            params.addValue("country", query.country().name());
            conditions.add("c.country = :country");
        }
        if (query.sector() != null) {
            params.addValue("sector", query.sector().name());
            conditions.add("exists (select 1 from company_sector f where f.company_id = c.id and f.sector = :sector)");
        }
        if (query.withFreeSlots()) {
            // the meeting limit and the slots belong to the program; read here in one query
            params.addValue("now", java.sql.Timestamp.from(clock.instant()));
            conditions.add("""
                    (select count(*) from company_slot_booking b where b.company_id = c.id and b.starts_at > :now)
                    < least((select count(*) from slot fs where fs.starts_at > :now),
                            (select meeting_limit from booking_settings where id = 1))""");
        }
        if (query.shortlistOnly()) {
            conditions.add("exists (select 1 from shortlist_entry o where o.company_id = :viewer and o.target_company_id = c.id)");
        }
        return " where " + String.join(" and ", conditions);
    }

    private static String join(MapSqlParameterSource params) {
        return params.hasValue("q") ? " join company_search x on x.company_id = c.id" : "";
    }

    /** A key of the directory's order: an expression on the company and its search row, named for the outer query. */
    private record SortKey(String expression, String alias, boolean descending) {

        String direction() {
            return descending ? " desc" : "";
        }
    }

    private static final SortKey BY_NAME = new SortKey("c.short_name", "short_name", false);
    private static final SortKey BY_ID = new SortKey("c.id", "id", false);
    // the viewer's own country read in the same statement (:viewer is -1 for organizers: no company, no side first),
    // not by a query of its own before it: one statement and a Hibernate query less per page
    private static final SortKey OWN_SIDE = new SortKey(
            "(c.country = coalesce((select o.country from company o where o.id = :viewer), ''))", "own_side", false);

    /** The search's words in the part of the profile the query searches, each part with a full-text index of its own. */
    private static String textMatch(DirectoryQuery query) {
        return "match(x." + query.searchIn().column + ") against (:q in boolean mode)";
    }

    private List<SortKey> order(DirectoryQuery query, MapSqlParameterSource params) {
        DirectorySort effective = effective(query.sort());
        SortKey relevance = params.hasValue("q") ? new SortKey(textMatch(query), "relevance", true) : null;
        return switch (effective) {
            case OTHER_SIDE_FIRST -> keys(OWN_SIDE, relevance, BY_NAME, BY_ID);
            case RELEVANCE -> keys(relevance, BY_NAME, BY_ID);
            case NAME -> keys(BY_NAME, BY_ID);
            case NEWEST -> keys(new SortKey("c.submitted_at", "submitted_at", true), new SortKey("c.id", "id", true));
        };
    }

    private static DirectorySort effective(DirectorySort sort) {
        return sort == null ? DirectorySort.OTHER_SIDE_FIRST : sort;
    }

    private static List<SortKey> keys(SortKey... keys) {
        return Arrays.stream(keys).filter(Objects::nonNull).toList();
    }

    private static String sqlList(List<SortKey> keys, Function<SortKey, String> part) {
        return keys.stream().map(part).collect(Collectors.joining(", "));
    }

    private static DirectoryEntry entry(ResultSet rs, int row) throws SQLException {
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        String sectorList = rs.getString("sectors");
        if (sectorList != null) {
            for (String sector : sectorList.split(",")) {
                sectors.add(Sector.valueOf(sector));
            }
        }
        return new DirectoryEntry(rs.getLong("id"), rs.getString("short_name"), rs.getString("full_name"),
                rs.getString("city"), Country.valueOf(rs.getString("country")), sectors, rs.getString("offers"),
                rs.getString("seeks"), rs.getBoolean("has_logo"), rs.getBoolean("starred"));
    }
}
