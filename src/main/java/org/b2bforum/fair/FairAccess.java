package org.b2bforum.fair;

import java.util.Optional;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.ForumAccess;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what at the fair: visitors are organizers, venue staff and the people (representatives
 * and delegates) of approved companies; exhibitors are approved companies with a stand.
 */
@Component
class FairAccess {

    private final CurrentUser currentUser;
    private final ForumAccess access;
    private final NamedParameterJdbcTemplate jdbc;

    FairAccess(CurrentUser currentUser, ForumAccess access, NamedParameterJdbcTemplate jdbc) {
        this.currentUser = currentUser;
        this.access = access;
        this.jdbc = jdbc;
    }

    /** The company the logged-in representative or delegate belongs to; empty for organizers and staff. */
    Optional<Long> companyOfUser() {
        ForumUser user = currentUser.require();
        if (user.companyId() != null) {
            return Optional.of(user.companyId());
        }
        if (user.delegateId() != null) {
            return jdbc.queryForList("select company_id from delegate where id = :d",
                    new MapSqlParameterSource("d", user.delegateId()), Long.class).stream().findFirst();
        }
        return Optional.empty();
    }

    ForumUser currentUser() {
        return currentUser.require();
    }

    ForumUser requireVisitor() {
        if (isVisitor()) {
            return currentUser.require();
        }
        throw new AccessDeniedException("Only forum participants visit the fair");
    }

    boolean isVisitor() {
        return currentUser.require().isVenueStaff() || companyOfUser().filter(access::isApproved).isPresent();
    }

    /**
     * Whether the logged-in person may see what the company shows at the fair (its stand and its products):
     * organizers every company, the representative of a company its own; the fair's other visitors (venue staff and the
     * people of approved companies, {@link #requireVisitor}) approved companies only: not a company still waiting
     * for approval, and no staff member a rejected company's.
     */
    boolean maySee(long companyId) {
        ForumUser viewer = currentUser.require();
        if (viewer.isOrganizer() || Long.valueOf(companyId).equals(viewer.companyId())) {
            return true;
        }
        return isVisitor() && access.isApproved(companyId);
    }

    /** The logged-in person's company when it is approved and has a stand. */
    Optional<Long> exhibitor() {
        return companyOfUser().filter(access::isApproved).filter(this::hasStand);
    }

    /**
     * The exhibiting company of the logged-in person. Organizers and staff are denied; a company's people are refused
     * in words, as their stand may go (or their company's approval, or a delegate themselves) while a lead's page is
     * open on their phone: before, an error page, and the note being typed lost.
     */
    long requireExhibitor() {
        ForumUser user = currentUser.require();
        if (user.companyId() == null && user.delegateId() == null) {
            throw new AccessDeniedException("Only an exhibitor's people can do this");
        }
        Optional<Long> company = companyOfUser();
        if (company.isEmpty()) {
            throw new FairRefusedException("delegate.removed-meanwhile");
        }
        return company.filter(access::isApproved).filter(this::hasStand)
                .orElseThrow(() -> new FairRefusedException("lead.error.not-exhibitor"));
    }

    boolean hasStand(long companyId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from fair_stand_assignment where company_id = :c)",
                new MapSqlParameterSource("c", companyId), Boolean.class));
    }
}
