package org.b2bforum.registration;

/**
 * Published inside the removing transaction, before an application whose log-in e-mail nobody confirmed is deleted
 * with its log-ins ({@link NeverConfirmedApplications}): whatever refers to those log-ins goes first (the notification
 * of a rejection, review72).
 */
public record UnconfirmedApplicationRemoved(long companyId) {
}
