package org.b2bforum.base.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the demo forum is still being written into an empty database. The server takes requests while it is
 * (about a minute at the first start): a visitor who logs in meanwhile finds half a forum, so the demo banner says it
 * is loading until the demo loader is done (then, or at once when the data was there already, {@link #finished()}).
 * Demo mode runs on the embedded database, a single node, so the state of this node is the forum's.
 */
@Component
public class DemoLoading {

    private volatile boolean loading;

    DemoLoading(@Value("${" + DemoMode.ENABLED + ":false}") boolean demoMode) {
        this.loading = demoMode;
    }

    public boolean isLoading() {
        return loading;
    }

    /** The demo loader has begun writing the forum. */
    public void started() {
        loading = true;
    }

    /** The demo loader is done, or found the forum there already: the banner is the demo's warning again. */
    public void finished() {
        loading = false;
    }
}
