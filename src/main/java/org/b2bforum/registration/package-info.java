/**
 * Applying to the forum and the organizers' approval, and an approved company's new name, country or tax number
 * that the office accepts or declines; publishes {@link org.b2bforum.registration.RegistrationDecided} and {@link
 * org.b2bforum.registration.IdentityChangeDecided}. Reads companies through company's read model
 * {@code CompanyApplications} and writes them through {@code CompanyRecords}; asks venue's read model
 * {@code CheckedInDelegates} which leaving delegates were checked in.
 */
@ApplicationModule(displayName = "Registration", allowedDependencies = { "base :: *", "company", "program", "venue" })
package org.b2bforum.registration;

import org.springframework.modulith.ApplicationModule;
