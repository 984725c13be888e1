/**
 * Companies and their delegates as the directory shows them: search, profiles, recommendations,
 * shortlist, logos. Entities in {@code domain}, which no other module sees.
 */
@ApplicationModule(displayName = "Companies", allowedDependencies = { "base :: *" })
package org.b2bforum.company;

import org.springframework.modulith.ApplicationModule;
