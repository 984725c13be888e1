package org.b2bforum.base.security;

/** Whether a user takes part in the forum: an organizer, or a company whose registration is approved. */
public interface ApprovalStatus {

    boolean isParticipant(ForumUser user);
}
