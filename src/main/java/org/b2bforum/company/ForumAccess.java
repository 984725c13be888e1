package org.b2bforum.company;

import java.util.List;

import org.b2bforum.base.security.ApprovalStatus;
import org.b2bforum.base.security.CompanyStatusOfThisRequest;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who may use the forum's directory: organizers, and companies whose registration is approved.
 * Asked on every navigation and by most services, so each check is one JDBC query in the caller's
 * transaction, or a plain statement when there is none (the approval gate of a navigation): a
 * transaction of its own added a {@code set autocommit} pair and a commit each time (bench/README.md, issue 17).
 * In an HTTP request of the company's own session the status comes with the request's session check
 * ({@link CompanyStatusOfThisRequest}), and no check reads it again.
 */
@Component
@Transactional(propagation = Propagation.SUPPORTS)
public class ForumAccess implements ApprovalStatus {

    private final CurrentUser currentUser;
    private final NamedParameterJdbcTemplate jdbc;

    ForumAccess(CurrentUser currentUser, NamedParameterJdbcTemplate jdbc) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /** The logged-in organizer or approved company; anyone else is refused. */
    public ForumUser requireParticipant() {
        ForumUser user = currentUser.require();
        if (!user.isOrganizer() && !isApproved(user.companyId())) {
            throw new AccessDeniedException("The company's registration is not approved");
        }
        return user;
    }

    /** The logged-in approved company's id; organizers and unapproved companies are refused. */
    public long requireApprovedCompany() {
        ForumUser user = currentUser.require();
        if (user.companyId() == null || !isApproved(user.companyId())) {
            throw new AccessDeniedException("Only an approved company can do this");
        }
        return user.companyId();
    }

    /**
     * Organizers, approved companies, and the delegates of approved companies (who read and write the
     * company's messages in its name; their other pages have their own roles).
     */
    @Override
    public boolean isParticipant(ForumUser user) {
        if (user.delegateId() != null) {
            return approved("select c.status from company c join delegate d on d.company_id = c.id where d.id = :id",
                    user.delegateId());
        }
        return user.isOrganizer() || isApproved(user.companyId());
    }

    public boolean isApproved(Long companyId) {
        if (companyId == null) {
            return false;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String remembered = APPROVED_IN_THIS_REQUEST + companyId;
        if (request != null && request.getAttribute(remembered, RequestAttributes.SCOPE_REQUEST) != null) {
            return true;
        }
        // read with this request's session check (SessionEpochFilter), in the same statement: an approval check was a
        // statement of its own in each navigation and each search (bench/README.md, issue 17)
        boolean approved = CompanyStatusOfThisRequest.read(companyId)
                .map(RegistrationStatus.APPROVED.name()::equals)
                .orElseGet(() -> approved("select status from company where id = :id", companyId));
        if (approved && request != null) {
            request.setAttribute(remembered, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
        return approved;
    }

    /** The company's status changed: this request asks the database again. */
    static void forgetInThisRequest(long companyId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(APPROVED_IN_THIS_REQUEST + companyId, RequestAttributes.SCOPE_REQUEST);
        }
        CompanyStatusOfThisRequest.forget(companyId);
    }

    private static final String APPROVED_IN_THIS_REQUEST = ForumAccess.class.getName() + ".approved.";

    private boolean approved(String statusQuery, long id) {
        List<String> status = jdbc.queryForList(statusQuery, new MapSqlParameterSource("id", id), String.class);
        return !status.isEmpty() && RegistrationStatus.APPROVED.name().equals(status.getFirst());
    }
}
