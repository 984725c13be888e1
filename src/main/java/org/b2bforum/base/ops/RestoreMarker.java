package org.b2bforum.base.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file {@code <backup>.restored} beside a backup that a start restores ({@link BackupService#restoreAtStart}): it
 * says that the backup was restored, or that a restore of it began, by which node, host and process. It is claimed
 * by creating it whole (its line written aside, then linked into place: an atomic create, so of two nodes started at
 * once with the same setting on shared storage one restores and the other waits, and neither reads it empty), and
 * while the restore runs its owner touches it every {@link #HEARTBEAT}; a claim untouched for {@link #STALE}, or left
 * by a process of this host that is gone, is a restore that did not end
 * (ops1: until review66 any "not finished" marker was, so a second node restored the backup again over the first
 * one's restore, or over what the first node wrote since).
 */
final class RestoreMarker {

    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration STALE = Duration.ofSeconds(60);

    /** How the marker begins once the restore ended. */
    static final String RESTORED = "restored into database ";
    private static final Pattern OWNER = Pattern.compile(" by node (\\S+) \\(host (\\S+), pid (\\d+)\\)");

    private final Path file;
    private final Clock clock;

    RestoreMarker(Path backup, Clock clock) {
        this.file = backup.resolveSibling(backup.getFileName() + ".restored");
        this.clock = clock;
    }

    Path file() {
        return file;
    }

    /** What the marker says now; empty when there is none. */
    Optional<State> read() throws IOException {
        return readFile(file);
    }

    private static Optional<State> readFile(Path file) throws IOException {
        try {
            String firstLine = Files.readAllLines(file).stream().findFirst().orElse("").trim();
            Instant touched = Files.getLastModifiedTime(file).toInstant();
            return Optional.of(new State(firstLine, touched));
        } catch (NoSuchFileException e) {
            return Optional.empty();
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
        Path written = aside("claim");
        try {
            Files.writeString(written, "restore into database " + database + " begun at " + clock.instant()
                    + owner(node) + ", not finished\n");
            Files.createLink(file, written); // atomic, and refused where the marker exists: one claim wins
            touch();
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(written);
        }
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
