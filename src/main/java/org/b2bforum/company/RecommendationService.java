package org.b2bforum.company;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.domain.Company;
import org.b2bforum.company.domain.CompanyRepository;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Suggested partners": approved companies ranked by a transparent match score of at most 100
 * points:
 * <ul>
 * <li>up to 40 for how well what they offer matches what you seek,</li>
 * <li>up to 40 for how well what you offer matches what they seek,</li>
 * <li>10 for complementary sectors (e.g. a machinery maker and a utility), or 6 for a shared one,</li>
 * <li>10 for being on the other side (Moscow for Minsk and the reverse).</li>
 * </ul>
 * The text parts compare Russian and English word stems (Lucene's Snowball stemmers) with
 * MariaDB's FULLTEXT relevance, which weighs rare words above common ones; the best candidate of
 * each part gets its full points and the others in proportion. Each suggestion quotes both
 * texts around the words that matched ({@link MatchPhrases}).
 */
@Service
public class RecommendationService {

    private static final int CANDIDATES = 150;

    private final NamedParameterJdbcTemplate jdbc;
    private final ForumAccess access;
    private final CompanyRepository companies;

    RecommendationService(NamedParameterJdbcTemplate jdbc, ForumAccess access, CompanyRepository companies) {
        this.jdbc = jdbc;
        this.access = access;
        this.companies = companies;
    }

    /** Suggestions for the logged-in company. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public List<Suggestion> mySuggestions(int limit) {
        return suggest(access.requireApprovedCompany(), limit);
    }

    /** Suggestions for any company; organizers may ask for anyone, a company only for itself. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Suggestion> suggestionsFor(long companyId, int limit) {
        ForumUser viewer = access.requireParticipant();
        if (!viewer.isOrganizer() && (viewer.companyId() == null || viewer.companyId() != companyId)) {
            throw new AccessDeniedException("Suggestions of another company");
        }
        return suggest(companyId, limit);
    }

    private List<Suggestion> suggest(long companyId, int limit) {
        Company me = companies.findById(companyId).orElseThrow(() -> new CompanyNotFoundException(companyId));
        String mySeeks = TextAnalysis.stemText(me.getSeeks());
        String myOffers = TextAnalysis.stemText(me.getOffers());
        Set<Sector> mySectors = EnumSet.copyOf(me.getSectors());
        Set<Sector> complements = EnumSet.noneOf(Sector.class);
        mySectors.forEach(s -> complements.addAll(SectorAffinity.complementsOf(s)));

        MapSqlParameterSource params = new MapSqlParameterSource("me", companyId)
                .addValue("seeks", mySeeks.isEmpty() ? "-" : mySeeks)
                .addValue("offers", myOffers.isEmpty() ? "-" : myOffers)
                .addValue("sectors", sectorNames(mySectors, complements))
                .addValue("limit", CANDIDATES);
        // The candidates are picked on their scores alone; texts and sectors are then read for them
        // only, not for every company of a related sector.
        List<Candidate> candidates = jdbc.query("""
                select c.id, c.short_name, c.city, c.country, c.offers, c.seeks,
                       (select group_concat(cs.sector) from company_sector cs where cs.company_id = c.id) sectors,
                       exists (select 1 from company_logo l where l.company_id = c.id) has_logo,
                       p.offer_match, p.need_match
                from (select c.id,
                             match(x.offers_stems) against (:seeks) offer_match,
                             match(x.seeks_stems) against (:offers) need_match,
                             match(x.offers_stems) against (:seeks) * 2 + match(x.seeks_stems) against (:offers) score
                      from company c join company_search x on x.company_id = c.id
                      where c.status = 'APPROVED' and c.id <> :me
                        and (match(x.offers_stems) against (:seeks) or match(x.seeks_stems) against (:offers)
                             or exists (select 1 from company_sector s where s.company_id = c.id and s.sector in (:sectors)))
                      order by match(x.offers_stems) against (:seeks) * 2 + match(x.seeks_stems) against (:offers) desc, c.id
                      limit :limit) p
                join company c on c.id = p.id
                order by p.score desc, p.id""", params, RecommendationService::candidate);

        double bestOffer = candidates.stream().mapToDouble(Candidate::offerMatch).max().orElse(0);
        double bestNeed = candidates.stream().mapToDouble(Candidate::needMatch).max().orElse(0);
        List<Suggestion> suggestions = new ArrayList<>();
        for (Candidate c : candidates) {
            List<Suggestion.Reason> reasons = new ArrayList<>();
            double score = 0;
            if (c.offerMatch() > 0 && bestOffer > 0) {
                score += 40 * c.offerMatch() / bestOffer;
                reason(reasons, "suggestion.reason.they-offer", c.offers(), me.getSeeks());
            }
            if (c.needMatch() > 0 && bestNeed > 0) {
                score += 40 * c.needMatch() / bestNeed;
                reason(reasons, "suggestion.reason.they-seek", c.seeks(), me.getOffers());
            }
            Set<Sector> shared = EnumSet.noneOf(Sector.class);
            shared.addAll(c.sectors());
            shared.retainAll(mySectors);
            Set<Sector> complementary = EnumSet.noneOf(Sector.class);
            complementary.addAll(c.sectors());
            complementary.retainAll(complements);
            complementary.removeAll(shared);
            if (!complementary.isEmpty()) {
                score += 10;
                reasons.add(new Suggestion.Reason("suggestion.reason.complementary-sectors",
                        List.of(sectorKeys(complementary))));
            } else if (!shared.isEmpty()) {
                score += 6;
                reasons.add(new Suggestion.Reason("suggestion.reason.shared-sectors", List.of(sectorKeys(shared))));
            }
            if (c.country() != me.getCountry()) {
                score += 10;
                reasons.add(new Suggestion.Reason("suggestion.reason.other-side", List.of(c.city())));
            }
            if (score > 0 && !reasons.isEmpty()) {
                suggestions.add(new Suggestion(c.id(), c.shortName(), c.city(), c.country(), c.sectors(),
                        (int) Math.round(Math.min(100, score)), reasons, c.hasLogo()));
            }
        }
        suggestions.sort(Comparator.comparingInt(Suggestion::score).reversed().thenComparing(Suggestion::shortName));
        return suggestions.size() > limit ? List.copyOf(suggestions.subList(0, limit)) : suggestions;
    }

    /** Adds "they offer «X»; you seek «Y»", quoting both texts around the words they share, if any. */
    private static void reason(List<Suggestion.Reason> reasons, String key, String theirText, String myText) {
        MatchPhrases.of(theirText, myText).ifPresent(pair ->
                reasons.add(new Suggestion.Reason(key, List.of(pair.theirs(), pair.mine()))));
    }

    private static List<String> sectorNames(Set<Sector> mine, Set<Sector> complements) {
        Set<Sector> all = EnumSet.noneOf(Sector.class);
        all.addAll(mine);
        all.addAll(complements);
        all.remove(Sector.OTHER);
        return all.isEmpty() ? List.of("-") : all.stream().map(Sector::name).toList();
    }

    private static String sectorKeys(Set<Sector> sectors) {
        return sectors.stream().map(Sector::name).collect(Collectors.joining(","));
    }

    private record Candidate(long id, String shortName, String city, Country country, String offers, String seeks,
            Set<Sector> sectors, boolean hasLogo, double offerMatch, double needMatch) {
    }

    private static Candidate candidate(ResultSet rs, int row) throws SQLException {
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        String list = rs.getString("sectors");
        if (list != null) {
            for (String s : list.split(",")) {
                sectors.add(Sector.valueOf(s));
            }
        }
        return new Candidate(rs.getLong("id"), rs.getString("short_name"), rs.getString("city"),
                Country.valueOf(rs.getString("country")), rs.getString("offers"), rs.getString("seeks"), sectors,
                rs.getBoolean("has_logo"), rs.getDouble("offer_match"), rs.getDouble("need_match"));
    }
}
