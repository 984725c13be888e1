package org.b2bforum.company.domain;

import org.b2bforum.company.TextAnalysis;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the stemmed search text of a company in step with its profile; call after every change. */
@Component
public class CompanySearchIndex {

    private final JdbcTemplate jdbc;

    CompanySearchIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void index(Company company) {
        jdbc.update("""
                insert into company_search (company_id, all_stems, offers_stems, seeks_stems) values (?, ?, ?, ?)
                on duplicate key update all_stems = values(all_stems), offers_stems = values(offers_stems),
                                        seeks_stems = values(seeks_stems)""",
                company.getId(),
                TextAnalysis.stemText(company.getFullName(), company.getShortName(), company.getDescription(),
                        company.getOffers(), company.getSeeks()),
                TextAnalysis.stemText(company.getOffers()),
                TextAnalysis.stemText(company.getSeeks()));
    }
}
