package org.b2bforum.base.clock;

import java.util.Optional;

/** Whether the forum's clock is a rehearsal's ({@code b2bforum.clock.start}), and which. */
public record Rehearsal(Optional<RehearsalClock> clock) {

    public boolean active() {
        return clock.isPresent();
    }
}
