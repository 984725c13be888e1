/**
 * Forum days, halls, tables, negotiation sessions and slots, program items and booking settings.
 */
@ApplicationModule(displayName = "Program", allowedDependencies = { "base :: *", "company" })
package org.b2bforum.program;

import org.springframework.modulith.ApplicationModule;
