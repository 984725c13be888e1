package org.b2bforum.base.ui;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the reads of {@link MainLayout}'s frame (the banner, the bell, the menu's counters, the latest
 * notification) in one read-only transaction: one connection from the pool and one commit for all of
 * them, where each read was a transaction of its own. At the booking window's rush every page opened
 * and every booking's live update did this (bench/README.md, issue 17).
 */
@Component
class FrameReads {

    @Transactional(readOnly = true)
    public <T> T inOneTransaction(Supplier<T> reads) {
        return reads.get();
    }
}
