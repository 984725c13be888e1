/**
 * The exhibition-fair: halls and stands on a map, exhibitors' product catalogues, meetings at stands
 * (booked by meeting, which reads the stand tables), lead scanning with consent and exports.
 */
@ApplicationModule(displayName = "Exhibition-fair", allowedDependencies = { "base :: *", "company", "program" })
package org.b2bforum.fair;

import org.springframework.modulith.ApplicationModule;
