package org.b2bforum.meeting;

/** A delegate who can be sent to a meeting. */
public record DelegateChoice(long id, String fullName, String position) {
}
