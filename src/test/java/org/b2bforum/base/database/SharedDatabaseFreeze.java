package org.b2bforum.base.database;

import java.io.IOException;

/**
 * The test JVM's shared embedded MariaDB (the Spring context's) stopped with SIGSTOP, as a stalled disk stops it: it
 * keeps its port and data, the kernel takes connections for it, nobody answers. For a test that must see the
 * application's own services meet a freeze, where {@link DatabaseToStop} (a database of the test's own) does not reach:
 * keep the freeze short (below the driver's socket time-out, 60 s), and let it go on in a {@code finally}
 * ({@link #close()}), as every later test class of the JVM needs it.
 */
public final class SharedDatabaseFreeze implements AutoCloseable {

    private final long pid;
    private boolean frozen;

    private SharedDatabaseFreeze(long pid) {
        this.pid = pid;
    }

    /** Stops the server's process now. */
    public static SharedDatabaseFreeze freeze(EmbeddedMariaDb database) throws IOException, InterruptedException {
        SharedDatabaseFreeze freeze = new SharedDatabaseFreeze(database.server().orElseThrow().pid());
        DatabaseToStop.signal(freeze.pid, "STOP");
        freeze.frozen = true;
        return freeze;
    }

    /** Lets it go on (SIGCONT). */
    public void thaw() throws IOException, InterruptedException {
        if (frozen) {
            DatabaseToStop.signal(pid, "CONT");
            frozen = false;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        thaw();
    }
}
