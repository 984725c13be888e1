package org.b2bforum.base.database;

import java.nio.file.Path;

/** A second application, as far as the lock goes: holds the data directory's lock until killed. */
public final class HoldDataDirLock {

    public static void main(String[] args) throws InterruptedException {
        DataDirLock.acquire(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
