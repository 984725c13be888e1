package org.b2bforum.company;

import java.util.List;
import java.util.Set;

/**
 * A company's application as {@link CompanyRecords} stores it: every text already cleaned (single
 * lines, normalized e-mails, website and tax number) by the caller, which validated it.
 */
public record CompanyData(String fullName, String shortName, String city, Country country, Set<Sector> sectors,
        String description, String offers, String seeks, String website, String taxNumber, String contactPerson,
        String email, String phone, List<DelegateData> delegates) {

    public CompanyData {
        sectors = Set.copyOf(sectors);
        delegates = List.copyOf(delegates);
    }

    /** A delegate in the list's order; the same person as an existing one when the e-mail is the same. */
    public record DelegateData(String fullName, String position, String email, String phone, boolean leadConsent) {
    }
}
