package org.b2bforum.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.b2bforum.company.Country;
import org.b2bforum.company.Sector;

/**
 * What a company fills in to register, and edits when organizers ask for changes. A mutable bean
 * so that a Vaadin {@code Binder} can bind to it; {@link RegistrationValidator} says what is wrong.
 */
public class RegistrationForm {

    private String fullName = "";
    private String shortName = "";
    private String city = "";
    private Country country;
    private Set<Sector> sectors = EnumSet.noneOf(Sector.class);
    private String description = "";
    private String offers = "";
    private String seeks = "";
    private String website = "";
    private String taxNumber = "";
    private String contactPerson = "";
    private String email = "";
    private String phone = "";
    private List<DelegateForm> delegates = new ArrayList<>(List.of(new DelegateForm()));
    private String loginEmail = "";
    private String password = "";
    private String passwordConfirmation = "";
    private boolean consent;
    /** When the identity proposal the form was loaded with was made (null: none), checked at the save (mend53d). */
    private Instant proposalShown;

    public Instant getProposalShown() {
        return proposalShown;
    }

    public void setProposalShown(Instant proposalShown) {
        this.proposalShown = proposalShown;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getShortName() {
        return shortName;
    }

    public void setShortName(String shortName) {
        this.shortName = shortName;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public Country getCountry() {
        return country;
    }

    public void setCountry(Country country) {
        this.country = country;
    }

    public Set<Sector> getSectors() {
        return sectors;
    }

    public void setSectors(Set<Sector> sectors) {
        this.sectors = sectors == null || sectors.isEmpty() ? EnumSet.noneOf(Sector.class) : EnumSet.copyOf(sectors);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOffers() {
        return offers;
    }

    public void setOffers(String offers) {
        this.offers = offers;
    }

    public String getSeeks() {
        return seeks;
    }

    public void setSeeks(String seeks) {
        this.seeks = seeks;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getTaxNumber() {
        return taxNumber;
    }

    public void setTaxNumber(String taxNumber) {
        this.taxNumber = taxNumber;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public void setContactPerson(String contactPerson) {
        this.contactPerson = contactPerson;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public List<DelegateForm> getDelegates() {
        return delegates;
    }

    public void setDelegates(List<DelegateForm> delegates) {
        this.delegates = new ArrayList<>(delegates);
    }

    public String getLoginEmail() {
        return loginEmail;
    }

    public void setLoginEmail(String loginEmail) {
        this.loginEmail = loginEmail;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return passwordConfirmation;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    /** One delegate: a person who comes to the forum. */
    public static class DelegateForm {

        private String fullName = "";
        private String position = "";
        private String email = "";
        private String phone = "";
        /** Agrees that exhibitors scanning the badge at the fair get the name and company (a lead). */
        private boolean leadConsent;

        public DelegateForm() {
        }

        public DelegateForm(String fullName, String position, String email, String phone) {
            this.fullName = fullName;
            this.position = position;
            this.email = email;
            this.phone = phone;
        }

        public String getFullName() {
            return fullName;
        }

        public void setFullName(String fullName) {
            this.fullName = fullName;
        }

        public String getPosition() {
            return position;
        }

        public void setPosition(String position) {
            this.position = position;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public boolean isLeadConsent() {
            return leadConsent;
        }

        public void setLeadConsent(boolean leadConsent) {
            this.leadConsent = leadConsent;
        }

        public DelegateForm withLeadConsent(boolean consent) {
            this.leadConsent = consent;
            return this;
        }
    }
}
