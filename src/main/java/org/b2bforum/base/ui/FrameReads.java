package org.b2bforum.base.ui;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the reads of {@link MainLayout}'s frame (the banner, the bell, the menu's counters, the latest
 * notification) on one connection from the pool, without a transaction: each is one statement, and they
 * need no common snapshot. Each read was a transaction of its own, then all of them one read-only
 * transaction, which still added a {@code set autocommit} pair and a commit to every page opened and every
 * live update; at the booking window's rush each booking's live update and each page did this
 * (bench/README.md, issue 17). The reads themselves join a transaction when there is one.
 */
@Component
class FrameReads {

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public <T> T onOneConnection(Supplier<T> reads) {
        return reads.get();
    }
}
