package org.b2bforum.base.security;

/** Who an account is, without its log-in e-mail: its role and display name. */
public record AccountName(Role role, String displayName) {
}
