package org.b2bforum.registration;

import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.ui.MenuCounter;
import org.b2bforum.company.RegistrationStatus;
import org.springframework.stereotype.Component;

/**
 * The applications waiting for the organizers' decision, and the new names, countries and tax numbers approved
 * companies proposed (mend53a), next to "Company applications" in an organizer's menu.
 * Read when a page opens: live updates go to companies, and none of them changes it.
 */
@Component
class PendingApplicationsCounter implements MenuCounter {

    private static final RegistrationFilter PENDING = new RegistrationFilter(RegistrationStatus.PENDING, null, null);

    private final RegistrationService registrations;
    private final IdentityChanges identityChanges;
    private final CurrentUser currentUser;

    PendingApplicationsCounter(RegistrationService registrations, IdentityChanges identityChanges,
            CurrentUser currentUser) {
        this.registrations = registrations;
        this.identityChanges = identityChanges;
        this.currentUser = currentUser;
    }

    @Override
    public String path() {
        return "registrations";
    }

    @Override
    public long count() {
        return currentUser.get().filter(ForumUser::isOrganizer).isPresent() 
                ? registrations.count(PENDING) + identityChanges.count() : 0;
    }

    @Override
    public boolean changesWith(LiveChange.Kind kind) {
        return false;
    }
}
