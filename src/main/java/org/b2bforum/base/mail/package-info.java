/**
 * E-mail in Russian and English.
 */
@NamedInterface("mail")
package org.b2bforum.base.mail;

import org.springframework.modulith.NamedInterface;
