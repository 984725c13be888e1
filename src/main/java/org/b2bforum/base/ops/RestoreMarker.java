package org.b2bforum.base.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file {@code <backup>.restored} beside a backup that a start restores ({@link BackupService#restoreAtStart}): it
 * says that the backup was restored, or that a restore of it began, by which node, host and process. It is claimed
 * by creating it whole (its line written aside, then linked into place: an atomic create, so of two nodes started at
 * once with the same setting on shared storage one restores and the other waits, and neither reads it empty), and
 * while the restore runs its owner touches it every {@link #HEARTBEAT}; a claim untouched for {@link #STALE}, or left
 * by a process of this host that is gone, is a restore that did not end
 * (ops1: until review66 any "not finished" marker was, so a second node restored the backup again over the first
 * one's restore, or over what the first node wrote since).
 * <p>
 * Storage without hard links (SMB/CIFS mounts, FAT, some NAS) refuses the link (ops3: until then the start ended with
 * "cannot be written" there). The claim is then made by an exclusive create ({@code CREATE_NEW}: of two creates one
 * fails, on SMB by the server's create disposition, on NFS v3 and later by its exclusive create) with the whole line
 * written at once right after, and a reader that finds the marker without its line's end reads again until it is
 * whole ({@link #read()}), so the claim keeps one winner and is still never taken for one without an owner.
 */
final class RestoreMarker {

    private static final Logger log = LoggerFactory.getLogger(RestoreMarker.class);
    /** The storage's lack of hard links said once per process: it does not change between claims. */
    private static final AtomicBoolean NO_HARD_LINKS_SAID = new AtomicBoolean();

    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration STALE = Duration.ofSeconds(60);
    /** How long a reader waits for a marker being written (without its line's end) to be whole. */
    static final Duration WHOLE_WAIT = Duration.ofSeconds(2);

    /** How the marker begins once the restore ended. */
    static final String RESTORED = "restored into database ";
    private static final Pattern OWNER = Pattern.compile(" by node (\\S+) \\(host (\\S+), pid (\\d+)\\)");

    private final Path file;
    private final Clock clock;
    private final Link link;

    /** {@link Files#createLink}; tests: a storage without hard links. */
    @FunctionalInterface
    interface Link {
        void create(Path link, Path existing) throws IOException;
    }

    RestoreMarker(Path backup, Clock clock) {
        this(backup, clock, Files::createLink);
    }

    RestoreMarker(Path backup, Clock clock, Link link) {
        this.file = backup.resolveSibling(backup.getFileName() + ".restored");
        this.clock = clock;
        this.link = link;
    }

    Path file() {
        return file;
    }

    /** What the marker says now; empty when there is none. */
    Optional<State> read() throws IOException {
        return readFile(file);
    }

    /**
     * The marker's line; a marker without its line's end is being written by a claim on storage without hard links
     * ({@link #createWhole}), read again until whole for up to {@link #WHOLE_WAIT} (then taken as it is).
     */
    private static Optional<State> readFile(Path file) throws IOException {
        long waitUntil = System.nanoTime() + WHOLE_WAIT.toNanos();
        try {
            while (true) {
                String text = Files.readString(file);
                if (text.endsWith("\n") || System.nanoTime() > waitUntil) {
                    String firstLine = text.lines().findFirst().orElse("").trim();
                    Instant touched = Files.getLastModifiedTime(file).toInstant();
                    return Optional.of(new State(firstLine, touched));
                }
                Thread.sleep(1);
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        }
    }

    /**
     * Claims the restore by creating the marker ("begun ..., not finished"), or, given the stale claim {@code seen},
     * by moving that one aside first (an atomic rename: of two nodes taking over the same stale claim, one does). What
     * was moved aside must be the claim seen: a node that read the same stale claim but moved only after the other had
     * taken it over and made its own claim would move that new, live claim aside and restore beside its owner; it puts
     * it back and waits instead (review67), as it does for a claim its owner touched meanwhile.
     *
     * @return whether this process owns the restore now
     */
    boolean claim(String node, String database, Optional<State> seen) throws IOException {
        if (seen.isPresent()) {
            Path aside = file.resolveSibling(file.getFileName() + ".stale-" + ProcessHandle.current().pid());
            try {
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                return false; // another node took it over first
            }
            if (!seen.equals(readFile(aside))) {
                try {
                    Files.move(aside, file); // not over a claim made meanwhile: that one is live too
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(aside);
                }
                return false;
            }
            Files.deleteIfExists(aside);
        }
        String line = "restore into database " + database + " begun at " + clock.instant() + owner(node)
                + ", not finished\n";
        Path written = aside("claim");
        try {
            Files.writeString(written, line);
            try {
                link.create(file, written); // atomic, and refused where the marker exists: one claim wins
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (FileSystemException | UnsupportedOperationException e) {
                if (!NO_HARD_LINKS_SAID.getAndSet(true)) {
                    log.warn("Restore marker {}: its storage makes no hard links ({}), so the claim is an exclusive "
                            + "create with its line written right after (docs/operations.md, \"Restore\")", file,
                            e.toString());
                }
                if (!createWhole(line)) {
                    return false;
                }
            }
            touch();
            return true;
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /**
     * The claim where hard links are refused: the marker created only if there is none (one of two creates fails),
     * then its whole line written in one write; readers wait for the line's end ({@link #readFile}).
     *
     * @return whether this process created it
     */
    private boolean createWhole(String line) throws IOException {
        SeekableByteChannel created;
        try {
            created = Files.newByteChannel(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        try (created) {
            ByteBuffer text = StandardCharsets.UTF_8.encode(line);
            while (text.hasRemaining()) {
                created.write(text);
            }
        } catch (IOException e) {
            Files.deleteIfExists(file); // ours, and without its line: not a claim anyone may wait for
            throw e;
        }
        return true;
    }

    /**
     * A file beside the marker, of this process alone, where its next text is written whole before it takes the
     * marker's place: the marker is never seen empty or half-written (review71: it was created, then written, and a
     * node that read it between the two took the claim for one of "another start").
     */
    private Path aside(String what) {
        return file.resolveSibling(file.getFileName() + "." + what + "-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().threadId());
    }

    /** The owner's sign of life while it restores. */
    void touch() throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
    }

    /** Replaces the claim by the finished restore's line, at once (a rename over it). */
    void restored(String node, String database) throws IOException {
        Path written = aside("restored");
        try {
            Files.writeString(written, RESTORED + database + " at " + clock.instant() + owner(node) + "\n");
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    private static String owner(String node) {
        return " by node " + node + " (host " + host() + ", pid " + ProcessHandle.current().pid() + ")";
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The marker's first line and when its owner last touched it. */
    record State(String line, Instant touched) {

        boolean restored() {
            return line.startsWith(RESTORED);
        }

        /** A claim whose restore did not end: untouched for too long, or its process of this host gone. */
        boolean stale(Instant now) {
            if (touched.plus(STALE).isBefore(now)) {
                return true;
            }
            if (line.isEmpty()) {
                return false; // a claim of a version before review71, just created, its line not written yet
            }
            Matcher owner = OWNER.matcher(line);
            return !owner.find() // a claim of a version before review66
                    || owner.group(2).equals(host())
                    && ProcessHandle.of(Long.parseLong(owner.group(3))).map(p -> !p.isAlive()).orElse(true);
        }

        /** Who restores, in words. */
        String owner() {
            Matcher owner = OWNER.matcher(line);
            return owner.find() ? "node " + owner.group(1) + " (host " + owner.group(2) + ", pid " + owner.group(3) + ")"
                    : "another start";
        }
    }
}
