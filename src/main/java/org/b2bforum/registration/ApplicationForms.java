package org.b2bforum.registration;

import static org.b2bforum.base.text.Texts.multiLine;
import static org.b2bforum.base.text.Texts.singleLine;

import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.CompanyApplications.Application;
import org.b2bforum.company.CompanyData;
import org.b2bforum.company.TaxNumbers;

/** An application between the form a company fills in and what company stores (moved out of RegistrationService). */
final class ApplicationForms {

    private ApplicationForms() {
    }

    /** The form as company stores it: texts cleaned, e-mails, website and tax number normalized. */
    static CompanyData data(RegistrationForm form) {
        return new CompanyData(singleLine(form.getFullName()), singleLine(form.getShortName()),
                singleLine(form.getCity()), form.getCountry(), form.getSectors(), multiLine(form.getDescription()),
                multiLine(form.getOffers()), multiLine(form.getSeeks()),
                RegistrationValidator.normalizeWebsite(form.getWebsite()), TaxNumbers.normalize(form.getTaxNumber()),
                singleLine(form.getContactPerson()), AccountService.normalizeEmail(form.getEmail()),
                singleLine(form.getPhone()), form.getDelegates().stream()
                        .map(d -> new CompanyData.DelegateData(singleLine(d.getFullName()), singleLine(d.getPosition()),
                                AccountService.normalizeEmail(d.getEmail()), singleLine(d.getPhone()), d.isLeadConsent()))
                        .toList());
    }

    /** {@code data} with another name, country and tax number: the approved ones while a new one is proposed. */
    static CompanyData withIdentity(CompanyData data, IdentityProposal.Identity identity) {
        return new CompanyData(identity.fullName(), identity.shortName(), data.city(), identity.country(),
                data.sectors(), data.description(), data.offers(), data.seeks(), data.website(), identity.taxNumber(),
                data.contactPerson(), data.email(), data.phone(), data.delegates());
    }

    static RegistrationForm form(Application company) {
        RegistrationForm form = new RegistrationForm();
        form.setFullName(company.fullName());
        form.setShortName(company.shortName());
        form.setCity(company.city());
        form.setCountry(company.country());
        form.setSectors(company.sectors());
        form.setDescription(company.description());
        form.setOffers(company.offers());
        form.setSeeks(company.seeks());
        form.setWebsite(company.website() == null ? "" : company.website());
        form.setTaxNumber(company.taxNumber());
        form.setContactPerson(company.contactPerson());
        form.setEmail(company.email());
        form.setPhone(company.phone());
        form.setDelegates(company.delegates().stream()
                .map(d -> new RegistrationForm.DelegateForm(d.fullName(), d.position(), d.email(), d.phone())
                        .withLeadConsent(d.leadConsent()))
                .toList());
        return form;
    }
}
