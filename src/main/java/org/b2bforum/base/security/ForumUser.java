package org.b2bforum.base.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The logged-in person: an organizer, or the representative of one company. */
public class ForumUser extends User {

    private final long id;
    private final String displayName;
    private final Role role;
    private final Long companyId;

    ForumUser(long id, String email, String passwordHash, boolean enabled, String displayName, Role role,
            Long companyId) {
        super(email, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.id = id;
        this.displayName = displayName;
        this.role = role;
        this.companyId = companyId;
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

    /** The company this user represents, null for organizers. */
    public Long companyId() {
        return companyId;
    }

    public boolean isOrganizer() {
        return role == Role.ORGANIZER;
    }
}
