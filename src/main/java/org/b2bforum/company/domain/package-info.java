/**
 * Company and delegate entities. A named interface for registration alone, which reads them for its
 * approval queue and forms; it writes them only through {@link org.b2bforum.company.CompanyRecords}.
 * The rest of the application reads companies through company's API.
 */
@NamedInterface("domain")
package org.b2bforum.company.domain;

import org.springframework.modulith.NamedInterface;
