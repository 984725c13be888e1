package org.b2bforum.badge;

import java.time.Instant;

/**
 * A batch of badges being made in the background: {@code done} of {@code total} badges laid out
 * ({@code total} is -1 until the delegates are counted), then the file written.
 */
public record BadgeBatch(String id, State state, int done, int total, long bytes, String fileName, Instant startedAt,
        Instant finishedAt) {

    public enum State {
        QUEUED, RENDERING, SAVING, DONE, FAILED
    }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }

    /** How far it has got, 0 to 1. */
    public double progress() {
        if (state == State.DONE) {
            return 1;
        }
        if (total <= 0) {
            return 0;
        }
        return 0.95 * done / total; // the last part is writing the file
    }
}
