package org.b2bforum.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.b2bforum.company.Sector;
import org.b2bforum.company.TaxNumbers;
import org.b2bforum.company.TextAnalysis;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Approved companies for the benchmarks, with ids 1..n, their delegates, search rows (stemmed by the
 * application's own {@link TextAnalysis}, as {@code CompanySearchIndex} does) and log-ins
 * ({@link #login}), inserted with JDBC batches: one bcrypt hash is shared by all accounts.
 */
final class BenchCompanies {

    private static final String[] CITIES = {"Москва", "Минск", "Казань", "Гомель", "Брест", "Санкт-Петербург"};
    private static final String[] WHAT = {"дорожной техники", "строительных материалов", "программного обеспечения",
            "логистических услуг", "продуктов питания", "медицинского оборудования", "мебели", "упаковки",
            "сельхозтехники", "электротехники"};

    private BenchCompanies() {
    }

    /** Inserts {@code companies} approved companies (ids 1..companies) with their delegates, sectors, search rows and log-ins. */
    static void insert(JdbcTemplate jdbc, String hash, int companies, int delegatesPerCompany) {
        Instant submitted = Instant.now().minus(Duration.ofDays(30));
        int batch = 500;
        for (int from = 0; from < companies; from += batch) {
            List<Object[]> rows = new ArrayList<>();
            List<Object[]> sectors = new ArrayList<>();
            List<Object[]> delegates = new ArrayList<>();
            List<Object[]> search = new ArrayList<>();
            List<Object[]> users = new ArrayList<>();
            for (int i = from; i < Math.min(companies, from + batch); i++) {
                long id = i + 1;
                boolean belarus = i % 2 == 1;
                String shortName = "Компания " + (i + 1);
                String what = WHAT[i % WHAT.length];
                String description = "Производство и поставка " + what + " для предприятий региона.";
                String offers = "Поставки " + what + ", сервис и обучение.";
                String seeks = "Дилеров и заказчиков " + WHAT[(i + 3) % WHAT.length] + ".";
                String site = "company-" + id + (belarus ? ".by" : ".ru");
                String taxNumber = belarus ? String.format(Locale.ROOT, "3%08d", i)
                        : TaxNumbers.innFromNineDigits(String.format(Locale.ROOT, "6%08d", i));
                rows.add(new Object[] {id, "ООО «" + shortName + "»", shortName, CITIES[i % CITIES.length],
                        belarus ? "BY" : "RU", description, offers, seeks, "https://" + site, taxNumber,
                        "Директор " + id, "info@" + site, "+7 495 000-00-00", Timestamp.from(submitted),
                        Timestamp.from(submitted), Timestamp.from(submitted.plus(Duration.ofDays(1)))});
                sectors.add(new Object[] {id, Sector.values()[i % (Sector.values().length - 1)].name()});
                for (int d = 0; d < delegatesPerCompany; d++) {
                    delegates.add(new Object[] {id, d, "Делегат " + id + "-" + (d + 1), d == 0 ? "Директор" : "Менеджер",
                            "delegate" + (d + 1) + "@" + site, "+7 495 000-00-0" + d});
                }
                search.add(new Object[] {id, TextAnalysis.stemText("ООО «" + shortName + "»", shortName, description,
                        offers, seeks), TextAnalysis.stemText(offers), TextAnalysis.stemText(seeks)});
                users.add(new Object[] {login(id), hash, "Директор " + id, id, Timestamp.from(submitted)});
            }
            jdbc.batchUpdate("""
                    insert into company (id, version, full_name, short_name, city, country, description, offers, seeks,
                        website, tax_number, contact_person, email, phone, status, consent_given_at, submitted_at,
                        decided_at)
                    values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPROVED', ?, ?, ?)""", rows);
            jdbc.batchUpdate("insert into company_sector (company_id, sector) values (?, ?)", sectors);
            jdbc.batchUpdate("insert into delegate (company_id, sort_order, full_name, position, email, phone)"
                    + " values (?, ?, ?, ?, ?, ?)", delegates);
            jdbc.batchUpdate("insert into company_search (company_id, all_stems, offers_stems, seeks_stems)"
                    + " values (?, ?, ?, ?)", search);
            jdbc.batchUpdate("""
                    insert into app_user (email, password_hash, display_name, role, company_id, demo, enabled, created_at)
                    values (?, ?, ?, 'COMPANY', ?, false, true, ?)""", users);
        }
        jdbc.execute("analyze table company, company_sector, company_search, delegate, app_user");
    }

    static String login(long companyId) {
        return "company-" + companyId + "@bench.forum";
    }
}
