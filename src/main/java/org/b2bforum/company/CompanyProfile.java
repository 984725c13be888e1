package org.b2bforum.company;

import java.util.List;
import java.util.Set;

/**
 * A company's public profile. {@code contacts} is present only for organizers, for the company
 * itself, and for companies that have a confirmed meeting with it.
 */
public record CompanyProfile(long id, String fullName, String shortName, String city, Country country,
        Set<Sector> sectors, String description, String offers, String seeks, String website, boolean hasLogo,
        List<Person> delegates, Contacts contacts, boolean starred, boolean own) {

    /** A delegate as everyone sees them; e-mail and phone only with the contacts. */
    public record Person(String fullName, String position, String email, String phone) {
    }

    public record Contacts(String contactPerson, String email, String phone) {
    }

    public boolean contactsVisible() {
        return contacts != null;
    }
}
