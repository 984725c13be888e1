package org.b2bforum.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.b2bforum.base.i18n.Bilingual;
import org.b2bforum.company.Country;
import org.b2bforum.company.Sector;
import org.b2bforum.fair.FairFigures;
import org.b2bforum.venue.Outcome;

/**
 * What the forum achieved, as the results report tells the two city governments: approved
 * participants by city and country, the meetings from request to the table, meetings by sector
 * pair and city pair, the outcomes with the companies involved, round-table attendance, and the
 * exhibition-fair's stands, meetings at stands and leads.
 * Language-neutral: the report and the page put it into words.
 */
public record ForumResults(LocalDate firstDay, LocalDate lastDay, Instant at, List<CityFigure> cities,
        List<CountryFigure> countries, MeetingFigures meetings, List<SectorPair> sectorPairs, List<CityPair> cityPairs,
        Map<Outcome, Long> outcomes, Map<Outcome, Long> outcomeCompanies, List<OutcomeMeeting> outcomeMeetings,
        List<RoundTableFigure> roundTables, FairFigures fair) {

    /** Approved companies of a city, their delegates and how many of them were checked in. */
    public record CityFigure(String city, Country country, long companies, long delegates, long checkedIn) {
    }

    public record CountryFigure(Country country, long companies, long delegates, long checkedIn) {
    }

    /**
     * Every meeting request made (however it ended), those confirmed, and of the confirmed ones
     * those marked held or no-show at the tables; the requests still awaiting an answer ({@code open}) and those whose
     * time came before anyone answered them ({@code unanswered}, the meeting feature's rule).
     */
    public record MeetingFigures(long requested, long confirmed, long held, long noShows, long declined,
            long cancelled, long open, long unanswered) {

        public long unmarked() {
            return confirmed - held - noShows;
        }
    }

    /**
     * Confirmed meetings between a company of one sector and a company of the other (the order of
     * the two does not matter). A company may have several sectors, so a meeting counts once in
     * each pair of its two companies' sectors.
     */
    public record SectorPair(Sector first, Sector second, long meetings, long held) {
    }

    /** Confirmed meetings between a company of one city and a company of the other: Moscow × Minsk. */
    public record CityPair(String first, String second, long meetings, long held) {
    }

    /**
     * A confirmed meeting that led somewhere: its best outcome of the two companies' (agreement
     * signed above agreement being prepared above follow-up).
     */
    public record OutcomeMeeting(long meetingId, Instant startsAt, String firstCompany, String firstCity,
            String secondCompany, String secondCity, Outcome outcome) {
    }

    /**
     * A round table: who signed up for it, and how many of them were checked in at the forum; its title and place
     * in Russian and, where the organizers gave them, in English.
     */
    public record RoundTableFigure(String title, String titleEn, Instant startsAt, String place, String placeEn,
            long signedUp, long checkedIn) {

        public String title(Locale locale) {
            return new Bilingual(title, titleEn).in(locale);
        }

        public String place(Locale locale) {
            return new Bilingual(place, placeEn).in(locale);
        }
    }

    public long companies() {
        return countries.stream().mapToLong(CountryFigure::companies).sum();
    }

    public long delegates() {
        return countries.stream().mapToLong(CountryFigure::delegates).sum();
    }

    public long checkedIn() {
        return countries.stream().mapToLong(CountryFigure::checkedIn).sum();
    }
}
