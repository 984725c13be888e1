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

    ForumUser(long id, String email, String passwordHash, boolean enabled, String displayName, Role role,
            Long companyId, Long delegateId) {
        super(email, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.id = id;
        this.displayName = displayName;
        this.role = role;
        this.companyId = companyId;
        this.delegateId = delegateId;
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

    /** Organizers and venue staff: may check people in and mark meetings held. */
    public boolean isVenueStaff() {
        return role == Role.ORGANIZER || role == Role.STAFF;
    }
}
