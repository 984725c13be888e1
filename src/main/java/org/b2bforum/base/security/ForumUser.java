package org.b2bforum.base.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The logged-in person: an organizer, venue staff, the representative of one company, or one delegate. */
public class ForumUser extends User {

    private final long id;
    private final String displayName;
    private final Role role;
    private final Long companyId;
    private final Long delegateId;
    private final int sessionEpoch;

    ForumUser(long id, String email, String passwordHash, boolean enabled, String displayName, Role role,
            Long companyId, Long delegateId, int sessionEpoch) {
        super(email, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.id = id;
        this.displayName = displayName;
        this.role = role;
        this.companyId = companyId;
        this.delegateId = delegateId;
        this.sessionEpoch = sessionEpoch;
    }

    /** The account's session epoch when this user logged in: a session of an older one has ended. */
    int sessionEpoch() {
        return sessionEpoch;
    }

    /** The same user, as of a newer session epoch (after changing their own password). */
    ForumUser withSessionEpoch(int epoch) {
        return new ForumUser(id, getUsername(), "", isEnabled(), displayName, role, companyId, delegateId, epoch);
    }

    public long id() {
        return id;
    }

    public String email() {
        return getUsername();
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** The company this user represents, null for everyone but company representatives. */
    public Long companyId() {
        return companyId;
    }

    /** The delegate this account belongs to, null for everyone but delegates. */
    public Long delegateId() {
        return delegateId;
    }

    public boolean isOrganizer() {
        return role == Role.ORGANIZER;
    }

    /**
     * Company representatives and organizers: who opens a company's profile ({@code companies/<id>}); delegates and
     * venue staff do not, so no page offers them a link there.
     */
    public boolean opensProfiles() {
        return role == Role.COMPANY || role == Role.ORGANIZER;
    }

    /** Organizers and venue staff: may check people in and mark meetings held. */
    public boolean isVenueStaff() {
        return role == Role.ORGANIZER || role == Role.STAFF;
    }
}
