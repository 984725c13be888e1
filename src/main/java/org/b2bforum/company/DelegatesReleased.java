package org.b2bforum.company;

import java.util.Set;

/**
 * Delegates are leaving their company's list; published by {@link Delegates#release} inside its
 * transaction, before their rows are deleted. Each feature that keeps rows about a delegate deletes its
 * own in a plain synchronous listener, in the same transaction: the delegate is gone everywhere or,
 * when anything fails, nowhere.
 */
public record DelegatesReleased(Set<Long> delegateIds) {

    public DelegatesReleased {
        delegateIds = Set.copyOf(delegateIds);
    }
}
