package org.b2bforum.company;

/** No such company, or not one the viewer may see. */
public class CompanyNotFoundException extends RuntimeException {

    public CompanyNotFoundException(long companyId) {
        super("Company " + companyId + " not found");
    }
}
