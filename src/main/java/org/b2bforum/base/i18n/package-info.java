/**
 * Languages and the forum's time zone.
 */
@NamedInterface("i18n")
package org.b2bforum.base.i18n;

import org.springframework.modulith.NamedInterface;
