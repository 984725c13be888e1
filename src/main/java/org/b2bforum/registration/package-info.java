/**
 * Applying to the forum and the organizers' approval; publishes {@link
 * org.b2bforum.registration.RegistrationDecided}. Reads companies through company's read model
 * {@code CompanyApplications} and writes them through {@code CompanyRecords}; asks venue's read model
 * {@code CheckedInDelegates} which leaving delegates were checked in.
 */
@ApplicationModule(displayName = "Registration", allowedDependencies = { "base :: *", "company", "program", "venue" })
package org.b2bforum.registration;

import org.springframework.modulith.ApplicationModule;
