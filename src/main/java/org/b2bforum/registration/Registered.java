package org.b2bforum.registration;

/**
 * A registration just stored: the new company, and whether a link was e-mailed to confirm its log-in's e-mail (none
 * without a mail server: the page then says nothing of one).
 */
public record Registered(long companyId, boolean confirmationSent) {
}
