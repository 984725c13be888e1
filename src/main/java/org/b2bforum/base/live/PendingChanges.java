package org.b2bforum.base.live;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes a page's listener could not show because the database could not be read, one per kind (a listener
 * reads its counters and lists again, whichever change of the kind it is told), to be told again once due. One per
 * open page, split from {@link LiveUpdates} (review74).
 */
final class PendingChanges {
    private final Map<LiveChange.Kind, LiveChange> changes = new EnumMap<>(LiveChange.Kind.class);
    private long due;
    /** The kinds whose last telling failed for another reason than the database (told once more, then dropped). */
    private final Set<LiveChange.Kind> faults = EnumSet.noneOf(LiveChange.Kind.class);

    /** Whether a change of {@code kind} that failed for a fault of the page's is told once more: not twice in a row. */
    synchronized boolean faulted(LiveChange.Kind kind) {
        if (faults.remove(kind)) {
            return false;
        }
        faults.add(kind);
        return true;
    }

    /** A change of {@code kind} was shown: a later fault is told once more again. */
    synchronized void told(LiveChange.Kind kind) {
        faults.remove(kind);
    }

    synchronized void failed(LiveChange change, long due) {
        // a change from the feed rather than the page's own (madeHere): its listener also says what came
        changes.merge(change.kind(), change, (kept, failed) -> kept.madeHere() ? failed : kept);
        this.due = due;
    }

    /** The changes pending, if they are due at {@code now} (then no longer pending); else none. */
    synchronized List<LiveChange> takeIfDue(long now) {
        if (changes.isEmpty() || due - now > 0) {
            return List.of();
        }
        List<LiveChange> taken = new ArrayList<>(changes.values());
        changes.clear();
        return taken;
    }

    synchronized boolean isEmpty() {
        return changes.isEmpty();
    }
}
