/**
 * Company and delegate entities. A named interface for registration alone, which creates and edits
 * these rows; the rest of the application reads companies through company's API.
 */
@NamedInterface("domain")
package org.b2bforum.company.domain;

import org.springframework.modulith.NamedInterface;
