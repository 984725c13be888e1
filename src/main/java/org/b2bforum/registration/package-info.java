/**
 * Applying to the forum and the organizers' approval; publishes {@link
 * org.b2bforum.registration.RegistrationDecided}. Writes companies' rows through company's entities
 * (the {@code company :: domain} named interface) until those writes move behind company's API.
 */
@ApplicationModule(displayName = "Registration", allowedDependencies = { "base :: *", "company", "company :: domain", "program" })
package org.b2bforum.registration;

import org.springframework.modulith.ApplicationModule;
