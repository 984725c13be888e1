package org.b2bforum.base.live;

import java.util.Optional;

/**
 * Which company a delegate belongs to, for {@link LiveUpdates} (a delegate's page hears its company's changes). The
 * company module owns the delegates and implements it: base asks through this interface so that it does not read
 * company's table nor depend on company (which depends on base), as {@code base.ui.UnreadNotifications} does for
 * the bell.
 */
public interface DelegateCompanies {

    /** The company of delegate {@code delegateId}; empty when there is no such delegate. */
    Optional<Long> companyOf(long delegateId);
}
