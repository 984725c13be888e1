package org.b2bforum.badge;

/**
 * There is no such delegate (any more): their company took them off its list while a page still offered their badge.
 * An answer for the user, in words ({@code badges.holder-removed}), not a fault: no stack trace.
 */
public class BadgeHolderRemovedException extends RuntimeException {

    public BadgeHolderRemovedException(long delegateId) {
        super("No delegate " + delegateId + " (removed by their company)", null, false, false);
    }
}
