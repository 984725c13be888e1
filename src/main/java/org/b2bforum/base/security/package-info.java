/**
 * Accounts, roles, the current user, passwords and tokens: used by every feature.
 */
@NamedInterface("security")
package org.b2bforum.base.security;

import org.springframework.modulith.NamedInterface;
