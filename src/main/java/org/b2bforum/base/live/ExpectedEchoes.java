package org.b2bforum.base.live;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The changes a page's own request made and showed ({@link LiveUpdates#changedHere}) whose echo from the feed is still
 * to come: the next change of that kind for the page's company is not dispatched to it. Which change of the kind is
 * skipped is not told apart (the feed does not say who wrote a change): should another change of the same kind come
 * first, that one is skipped and the echo is dispatched instead, which reads the same counters again. One per open
 * page, split from {@link LiveUpdates} (review74).
 */
final class ExpectedEchoes {
    private final Map<LiveChange.Kind, List<Long>> deadlines = new EnumMap<>(LiveChange.Kind.class);

    synchronized void expect(LiveChange.Kind kind, long now, long deadline) {
        List<Long> expected = deadlines.computeIfAbsent(kind, k -> new ArrayList<>());
        expected.removeIf(d -> d - now < 0);
        expected.add(deadline);
    }

    /** Whether {@code kind}'s change is an echo expected until after {@code now} (then no longer expected). */
    synchronized boolean consume(LiveChange.Kind kind, long now) {
        List<Long> expected = deadlines.get(kind);
        if (expected == null) {
            return false;
        }
        expected.removeIf(deadline -> deadline - now < 0);
        boolean echo = !expected.isEmpty();
        if (echo) {
            expected.removeFirst();
        }
        if (expected.isEmpty()) {
            deadlines.remove(kind);
        }
        return echo;
    }
}
