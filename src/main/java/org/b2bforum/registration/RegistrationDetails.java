package org.b2bforum.registration;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.b2bforum.company.Country;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.company.Sector;

/**
 * A whole application, as an organizer reviews it and as its company sees it; {@code awaitingEmailConfirmation} while
 * its log-in's e-mail has not been confirmed (it cannot be approved meanwhile); {@code taxNumberFreedAt} when the
 * forum office freed the tax number of this rejected application for another ({@link OfficeCorrections#freeTaxNumber}).
 */
public record RegistrationDetails(long id, String fullName, String shortName, String city, Country country,
        Set<Sector> sectors, String description, String offers, String seeks, String website, String taxNumber,
        String contactPerson, String email, String phone, List<DelegateDetails> delegates,
        RegistrationStatus status, String statusComment, Instant consentGivenAt, Instant submittedAt,
        Instant decidedAt, boolean awaitingEmailConfirmation, Instant taxNumberFreedAt) {

    public record DelegateDetails(String fullName, String position, String email, String phone) {
    }
}
