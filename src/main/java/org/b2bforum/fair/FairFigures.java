package org.b2bforum.fair;

import java.util.List;

import org.b2bforum.company.Country;
import org.b2bforum.company.Sector;

/**
 * The exhibition-fair's results, for the results report: stands and exhibitors by zone and by
 * sector, meetings held at the stands, the leads each exhibitor collected and the visitors' cities.
 * Approved companies only; a lead counts once per exhibitor and visitor. The fair has no gate of
 * its own, so a visit is a visitor whose badge a stand scanned (with consent).
 */
public record FairFigures(long stands, long visitors, long visitorCompanies, List<ZoneFigure> zones,
        List<SectorFigure> sectors, List<ExhibitorFigure> exhibitors, List<VisitorCityFigure> visitorCities) {

    /** A zone: its stands, those with an exhibitor, the meetings at them (confirmed, held) and their leads. */
    public record ZoneFigure(FairZone zone, long stands, long exhibitors, long meetings, long held, long leads) {
    }

    /** Exhibitors of a sector (a company may have several sectors and counts in each), their meetings and leads. */
    public record SectorFigure(Sector sector, long exhibitors, long meetings, long leads) {
    }

    /** An exhibitor at its stand: the meetings at the stand (confirmed, held) and the leads it collected. */
    public record ExhibitorFigure(long companyId, String company, String city, String stand, FairZone zone,
            long meetings, long held, long leads) {
    }

    /** Visitors of one city whose badges the stands scanned, and the leads they gave. */
    public record VisitorCityFigure(String city, Country country, long visitors, long leads) {
    }

    public static FairFigures none() {
        return new FairFigures(0, 0, 0, List.of(), List.of(), List.of(), List.of());
    }

    /** Whether the fair was laid out at all: no stands, nothing to report. */
    public boolean empty() {
        return stands == 0;
    }

    public long exhibitorCount() {
        return exhibitors.size();
    }

    public long meetings() {
        return exhibitors.stream().mapToLong(ExhibitorFigure::meetings).sum();
    }

    public long held() {
        return exhibitors.stream().mapToLong(ExhibitorFigure::held).sum();
    }

    public long leads() {
        return exhibitors.stream().mapToLong(ExhibitorFigure::leads).sum();
    }
}
