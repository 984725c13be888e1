package org.b2bforum.fair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2bforum.company.Country;
import org.b2bforum.company.Sector;
import org.b2bforum.fair.FairFigures.ExhibitorFigure;
import org.b2bforum.fair.FairFigures.SectorFigure;
import org.b2bforum.fair.FairFigures.VisitorCityFigure;
import org.b2bforum.fair.FairFigures.ZoneFigure;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fair's read model for the results report: it joins the fair's stands and leads with
 * companies, delegates and meetings, reading only. Leads count for exhibitors that have a stand,
 * from visitors of approved companies; meetings at a stand count once confirmed between two
 * approved companies.
 */
@Component
public class FairFiguresReadModel {

    private static final MapSqlParameterSource NONE = new MapSqlParameterSource();

    /** The leads an exhibitor with a stand collected from visitors of approved companies. */
    private static final String LEADS = """
            select l.exhibitor_company_id, l.visitor_delegate_id, v.id visitor_company_id, v.city, v.country
            from fair_lead l
            join fair_stand_assignment a on a.company_id = l.exhibitor_company_id
            join company e on e.id = l.exhibitor_company_id and e.status = 'APPROVED'
            join delegate d on d.id = l.visitor_delegate_id
            join company v on v.id = d.company_id and v.status = 'APPROVED'
            """;

    private final NamedParameterJdbcTemplate jdbc;

    FairFiguresReadModel(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The fair's figures as of now. Organizers only. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public FairFigures figures() {
        Map<Long, long[]> standsOfZone = new LinkedHashMap<>();
        Map<Long, FairZone> zones = new LinkedHashMap<>();
        jdbc.query("""
                select z.id, z.name_ru, z.name_en, count(s.id) stands
                from fair_zone z left join fair_stand s on s.zone_id = z.id
                group by z.id, z.name_ru, z.name_en, z.sort_order
                order by z.sort_order, z.name_ru""", NONE, rs -> {
                    zones.put(rs.getLong("id"), new FairZone(rs.getLong("id"), rs.getString("name_ru"),
                            rs.getString("name_en")));
                    standsOfZone.put(rs.getLong("id"), new long[] {rs.getLong("stands")});
                });
        long stands = standsOfZone.values().stream().mapToLong(s -> s[0]).sum();
        if (stands == 0) {
            return FairFigures.none();
        }

        Map<Long, Long> leadsOf = new HashMap<>();
        Map<String, long[]> cities = new LinkedHashMap<>();
        Map<String, Set<Long>> visitorsOfCity = new HashMap<>();
        Set<Long> visitors = new HashSet<>();
        Set<Long> visitorCompanies = new HashSet<>();
        jdbc.query(LEADS, NONE, rs -> {
            leadsOf.merge(rs.getLong("exhibitor_company_id"), 1L, Long::sum);
            String key = rs.getString("city") + "\n" + rs.getString("country");
            cities.computeIfAbsent(key, k -> new long[1])[0]++;
            visitorsOfCity.computeIfAbsent(key, k -> new HashSet<>()).add(rs.getLong("visitor_delegate_id"));
            visitors.add(rs.getLong("visitor_delegate_id"));
            visitorCompanies.add(rs.getLong("visitor_company_id"));
        });
        List<VisitorCityFigure> visitorCities = new ArrayList<>();
        cities.forEach((key, leads) -> {
            String[] cityCountry = key.split("\n", 2);
            visitorCities.add(new VisitorCityFigure(cityCountry[0], Country.valueOf(cityCountry[1]),
                    visitorsOfCity.get(key).size(), leads[0]));
        });
        visitorCities.sort(Comparator.comparingLong(VisitorCityFigure::leads).reversed()
                .thenComparing(VisitorCityFigure::city));

        List<ExhibitorFigure> exhibitors = jdbc.query("""
                select c.id, c.short_name, c.city, s.number, s.zone_id,
                       coalesce(m.meetings, 0) meetings, coalesce(m.held, 0) held
                from fair_stand_assignment a
                join fair_stand s on s.id = a.stand_id
                join company c on c.id = a.company_id and c.status = 'APPROVED'
                left join (select m.stand_id, count(*) meetings, coalesce(sum(m.attendance = 'HELD'), 0) held
                           from meeting m
                           join company r on r.id = m.requester_company_id and r.status = 'APPROVED'
                           join company p on p.id = m.partner_company_id and p.status = 'APPROVED'
                           where m.stand_id is not null and m.status = 'CONFIRMED'
                           group by m.stand_id) m on m.stand_id = s.id""", NONE,
                (rs, i) -> new ExhibitorFigure(rs.getLong("id"), rs.getString("short_name"), rs.getString("city"),
                        rs.getString("number"), zones.get(rs.getLong("zone_id")), rs.getLong("meetings"),
                        rs.getLong("held"), leadsOf.getOrDefault(rs.getLong("id"), 0L)));
        // the exhibitors who collected most first
        exhibitors = new ArrayList<>(exhibitors);
        exhibitors.sort(Comparator.comparingLong(ExhibitorFigure::leads).reversed()
                .thenComparing(Comparator.comparingLong(ExhibitorFigure::meetings).reversed())
                .thenComparing(ExhibitorFigure::company).thenComparing(ExhibitorFigure::stand));

        Map<Long, long[]> byZone = new HashMap<>();
        Map<Long, ExhibitorFigure> byCompany = new HashMap<>();
        for (ExhibitorFigure exhibitor : exhibitors) {
            long[] sums = byZone.computeIfAbsent(exhibitor.zone().id(), k -> new long[4]);
            sums[0]++;
            sums[1] += exhibitor.meetings();
            sums[2] += exhibitor.held();
            sums[3] += exhibitor.leads();
            byCompany.put(exhibitor.companyId(), exhibitor);
        }
        List<ZoneFigure> zoneFigures = new ArrayList<>();
        zones.forEach((id, zone) -> {
            long[] sums = byZone.getOrDefault(id, new long[4]);
            zoneFigures.add(new ZoneFigure(zone, standsOfZone.get(id)[0], sums[0], sums[1], sums[2], sums[3]));
        });

        Map<Sector, long[]> bySector = new EnumMap<>(Sector.class);
        jdbc.query("select company_id, sector from company_sector where company_id in "
                + "(select company_id from fair_stand_assignment)", NONE, rs -> {
                    ExhibitorFigure exhibitor = byCompany.get(rs.getLong("company_id"));
                    if (exhibitor != null) {
                        long[] sums = bySector.computeIfAbsent(Sector.valueOf(rs.getString("sector")), k -> new long[3]);
                        sums[0]++;
                        sums[1] += exhibitor.meetings();
                        sums[2] += exhibitor.leads();
                    }
                });
        List<SectorFigure> sectors = new ArrayList<>();
        bySector.forEach((sector, sums) -> sectors.add(new SectorFigure(sector, sums[0], sums[1], sums[2])));
        sectors.sort(Comparator.comparingLong(SectorFigure::exhibitors).reversed()
                .thenComparing(Comparator.comparingLong(SectorFigure::leads).reversed())
                .thenComparing(SectorFigure::sector));

        return new FairFigures(stands, visitors.size(), visitorCompanies.size(), zoneFigures, sectors,
                List.copyOf(exhibitors), visitorCities);
    }
}
