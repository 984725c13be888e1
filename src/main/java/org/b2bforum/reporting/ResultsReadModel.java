package org.b2bforum.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2bforum.company.Country;
import org.b2bforum.company.Sector;
import org.b2bforum.fair.FairFiguresReadModel;
import org.b2bforum.meeting.UnansweredRequests;
import org.b2bforum.reporting.ForumResults.CityFigure;
import org.b2bforum.reporting.ForumResults.CityPair;
import org.b2bforum.reporting.ForumResults.CountryFigure;
import org.b2bforum.reporting.ForumResults.MeetingFigures;
import org.b2bforum.reporting.ForumResults.OutcomeMeeting;
import org.b2bforum.reporting.ForumResults.RoundTableFigure;
import org.b2bforum.reporting.ForumResults.SectorPair;
import org.b2bforum.venue.Outcome;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The results report's read model: it joins companies, delegates, check-ins, meetings, outcomes and
 * program items across their features, reading only; the fair's figures come from the fair's own
 * read model. Approved companies only; meetings count once
 * confirmed (requests in any state count as requested).
 */
@Component
class ResultsReadModel {

    private static final MapSqlParameterSource NONE = new MapSqlParameterSource();

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final FairFiguresReadModel fair;

    ResultsReadModel(NamedParameterJdbcTemplate jdbc, Clock clock, FairFiguresReadModel fair) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.fair = fair;
    }

    ForumResults read() {
        Instant at = clock.instant();
        LocalDate[] days = forumDays();
        List<CityFigure> cities = cities();
        Map<Country, long[]> byCountry = new EnumMap<>(Country.class);
        for (CityFigure city : cities) {
            long[] sums = byCountry.computeIfAbsent(city.country(), k -> new long[3]);
            sums[0] += city.companies();
            sums[1] += city.delegates();
            sums[2] += city.checkedIn();
        }
        List<CountryFigure> countries = new ArrayList<>();
        byCountry.forEach((country, sums) -> countries.add(new CountryFigure(country, sums[0], sums[1], sums[2])));

        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        Map<Outcome, Set<Long>> companies = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
            companies.put(outcome, new HashSet<>());
        }
        List<OutcomeMeeting> outcomeMeetings = new ArrayList<>();
        jdbc.query("""
                select m.id, s.starts_at, m.requester_company_id a_id, a.short_name a_name, a.city a_city,
                       m.partner_company_id b_id, b.short_name b_name, b.city b_city,
                       oa.outcome a_outcome, ob.outcome b_outcome
                from meeting m
                join slot s on s.id = m.slot_id
                join company a on a.id = m.requester_company_id
                join company b on b.id = m.partner_company_id
                left join meeting_outcome oa on oa.meeting_id = m.id and oa.company_id = m.requester_company_id
                left join meeting_outcome ob on ob.meeting_id = m.id and ob.company_id = m.partner_company_id
                where m.status = 'CONFIRMED' and a.status = 'APPROVED' and b.status = 'APPROVED'
                  and (oa.outcome is not null or ob.outcome is not null)
                order by s.starts_at, m.id""", NONE, rs -> {
                    Outcome best = best(rs.getString("a_outcome"), rs.getString("b_outcome"));
                    outcomes.merge(best, 1L, Long::sum);
                    companies.get(best).add(rs.getLong("a_id"));
                    companies.get(best).add(rs.getLong("b_id"));
                    if (best != Outcome.NO_INTEREST) {
                        outcomeMeetings.add(new OutcomeMeeting(rs.getLong("id"),
                                rs.getTimestamp("starts_at").toInstant(), rs.getString("a_name"),
                                rs.getString("a_city"), rs.getString("b_name"), rs.getString("b_city"), best));
                    }
                });
        // the strongest results first, each kind in time order
        outcomeMeetings.sort(Comparator.comparing((OutcomeMeeting m) -> m.outcome()).reversed()
                .thenComparing(OutcomeMeeting::startsAt).thenComparing(OutcomeMeeting::meetingId));
        Map<Outcome, Long> outcomeCompanies = new EnumMap<>(Outcome.class);
        companies.forEach((outcome, ids) -> outcomeCompanies.put(outcome, (long) ids.size()));

        return new ForumResults(days[0], days[1], at, cities, countries, meetings(at), sectorPairs(), cityPairs(),
                outcomes, outcomeCompanies, outcomeMeetings, roundTables(), fair.figures());
    }

    private LocalDate[] forumDays() {
        return jdbc.queryForObject("select min(day) first_day, max(day) last_day from forum_day", NONE,
                (rs, i) -> new LocalDate[] {localDate(rs.getDate("first_day")), localDate(rs.getDate("last_day"))});
    }

    private List<CityFigure> cities() {
        return jdbc.query("""
                select c.city, c.country, count(*) companies, sum(d.delegates) delegates, sum(d.checked_in) checked_in
                from company c
                join (select d.company_id, count(*) delegates, count(ci.delegate_id) checked_in
                      from delegate d left join delegate_check_in ci on ci.delegate_id = d.id
                      group by d.company_id) d on d.company_id = c.id
                where c.status = 'APPROVED'
                group by c.city, c.country
                order by companies desc, c.city""", NONE,
                (rs, i) -> new CityFigure(rs.getString("city"), Country.valueOf(rs.getString("country")),
                        rs.getLong("companies"), rs.getLong("delegates"), rs.getLong("checked_in")));
    }

    /** The requests still awaiting an answer at {@code at} apart from those whose time came unanswered. */
    private MeetingFigures meetings(Instant at) {
        return jdbc.queryForObject("""
                select count(*) requested,
                       coalesce(sum(m.status = 'CONFIRMED'), 0) confirmed,
                       coalesce(sum(m.status = 'CONFIRMED' and m.attendance = 'HELD'), 0) held,
                       coalesce(sum(m.status = 'CONFIRMED' and m.attendance = 'NO_SHOW'), 0) no_shows,
                       coalesce(sum(m.status = 'DECLINED'), 0) declined,
                       coalesce(sum(m.status = 'CANCELLED'), 0) cancelled,
                       coalesce(sum(""" + UnansweredRequests.awaitingAnswerSql("m.status", "s.starts_at", ":now") + """
                       ), 0) open,
                       coalesce(sum(""" + UnansweredRequests.unansweredSql("m.status", "s.starts_at", ":now") + """
                       ), 0) unanswered
                from meeting m
                join slot s on s.id = m.slot_id
                join company a on a.id = m.requester_company_id
                join company b on b.id = m.partner_company_id
                where a.status = 'APPROVED' and b.status = 'APPROVED'""",
                new MapSqlParameterSource("now", Timestamp.from(at)),
                (rs, i) -> new MeetingFigures(rs.getLong("requested"), rs.getLong("confirmed"), rs.getLong("held"),
                        rs.getLong("no_shows"), rs.getLong("declined"), rs.getLong("cancelled"), rs.getLong("open"),
                        rs.getLong("unanswered")));
    }

    private List<SectorPair> sectorPairs() {
        return jdbc.query("""
                select least(sa.sector, sb.sector) first_sector, greatest(sa.sector, sb.sector) second_sector,
                       count(distinct m.id) meetings,
                       count(distinct case when m.attendance = 'HELD' then m.id end) held
                from meeting m
                join company a on a.id = m.requester_company_id
                join company b on b.id = m.partner_company_id
                join company_sector sa on sa.company_id = m.requester_company_id
                join company_sector sb on sb.company_id = m.partner_company_id
                where m.status = 'CONFIRMED' and a.status = 'APPROVED' and b.status = 'APPROVED'
                group by first_sector, second_sector
                order by meetings desc, first_sector, second_sector""", NONE,
                (rs, i) -> new SectorPair(Sector.valueOf(rs.getString("first_sector")),
                        Sector.valueOf(rs.getString("second_sector")), rs.getLong("meetings"), rs.getLong("held")));
    }

    /** City pairs with the Russian city first when the two are in different countries: "Москва × Минск". */
    private List<CityPair> cityPairs() {
        Map<List<String>, long[]> pairs = new LinkedHashMap<>();
        jdbc.query("""
                select a.city a_city, a.country a_country, b.city b_city, b.country b_country,
                       count(*) meetings, coalesce(sum(m.attendance = 'HELD'), 0) held
                from meeting m
                join company a on a.id = m.requester_company_id
                join company b on b.id = m.partner_company_id
                where m.status = 'CONFIRMED' and a.status = 'APPROVED' and b.status = 'APPROVED'
                group by a.city, a.country, b.city, b.country""", NONE, rs -> {
                    String a = rs.getString("a_city");
                    String b = rs.getString("b_city");
                    List<String> key = cityOrder(a, rs.getString("a_country"), b, rs.getString("b_country"));
                    long[] sums = pairs.computeIfAbsent(key, k -> new long[2]);
                    sums[0] += rs.getLong("meetings");
                    sums[1] += rs.getLong("held");
                });
        List<CityPair> result = new ArrayList<>();
        pairs.forEach((key, sums) -> result.add(new CityPair(key.get(0), key.get(1), sums[0], sums[1])));
        result.sort(Comparator.comparingLong(CityPair::meetings).reversed().thenComparing(CityPair::first)
                .thenComparing(CityPair::second));
        return result;
    }

    static List<String> cityOrder(String a, String aCountry, String b, String bCountry) {
        if (!aCountry.equals(bCountry)) {
            return Country.RU.name().equals(aCountry) ? List.of(a, b) : List.of(b, a);
        }
        return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
    }

    private List<RoundTableFigure> roundTables() {
        return jdbc.query("""
                select p.title, p.title_en, p.starts_at, p.place, p.place_en, count(d.id) signed_up,
                       count(ci.delegate_id) checked_in
                from program_item p
                left join program_item_attendee pa on pa.program_item_id = p.id
                left join delegate d on d.id = pa.delegate_id
                     and d.company_id in (select id from company where status = 'APPROVED')
                left join delegate_check_in ci on ci.delegate_id = d.id
                where p.kind = 'ROUND_TABLE'
                group by p.id, p.title, p.title_en, p.starts_at, p.place, p.place_en
                order by p.starts_at, p.id""", NONE,
                (rs, i) -> new RoundTableFigure(rs.getString("title"), rs.getString("title_en"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getString("place"), rs.getString("place_en"),
                        rs.getLong("signed_up"), rs.getLong("checked_in")));
    }

    private static Outcome best(String a, String b) {
        Outcome first = a == null ? null : Outcome.valueOf(a);
        Outcome second = b == null ? null : Outcome.valueOf(b);
        if (first == null) {
            return second;
        }
        return second == null || first.compareTo(second) >= 0 ? first : second;
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
