package org.b2bforum.company;

import org.b2bforum.base.security.ApprovalStatus;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.domain.CompanyRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Who may use the forum's directory: organizers, and companies whose registration is approved. */
@Component
public class ForumAccess implements ApprovalStatus {

    private final CurrentUser currentUser;
    private final CompanyRepository companies;

    ForumAccess(CurrentUser currentUser, CompanyRepository companies) {
        this.currentUser = currentUser;
        this.companies = companies;
    }

    /** The logged-in organizer or approved company; anyone else is refused. */
    @Transactional(readOnly = true)
    public ForumUser requireParticipant() {
        ForumUser user = currentUser.require();
        if (!user.isOrganizer() && !isApproved(user.companyId())) {
            throw new AccessDeniedException("The company's registration is not approved");
        }
        return user;
    }

    /** The logged-in approved company's id; organizers and unapproved companies are refused. */
    @Transactional(readOnly = true)
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
    @Transactional(readOnly = true)
    public boolean isParticipant(ForumUser user) {
        if (user.delegateId() != null) {
            return companies.findStatusByDelegateId(user.delegateId())
                    .map(s -> s == RegistrationStatus.APPROVED).orElse(false);
        }
        return user.isOrganizer() || isApproved(user.companyId());
    }

    @Transactional(readOnly = true)
    public boolean isApproved(Long companyId) {
        return companyId != null
                && companies.findStatusById(companyId).map(s -> s == RegistrationStatus.APPROVED).orElse(false);
    }
}
