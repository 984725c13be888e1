package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/** The restore marker's claim on files alone (no database: the marker is a file beside the backup). */
class RestoreMarkerTest {

    private final Path dir = Path.of("target/restore-marker-test");
    private final Clock clock = Clock.systemUTC();
    /** A storage without hard links (SMB/CIFS, FAT): Linux' link() there fails with EPERM or EOPNOTSUPP. */
    private final RestoreMarker.Link noHardLinks = (link, existing) -> {
        throw new FileSystemException(link.toString(), existing.toString(), "Operation not permitted");
    };

    @AfterEach
    void cleanUp() {
        FileSystemUtils.deleteRecursively(dir.toFile());
    }

    /**
     * Two nodes read the same stale claim; one takes it over and claims afresh before the other moves the marker aside
     * (review67): the other must not take the new, live claim for the stale one it read, and restores nothing.
     */
    @Test
    void a_stale_claim_taken_over_by_another_node_meanwhile_is_not_taken_over_again() throws Exception {
        Files.createDirectories(dir);
        Path backup = dir.resolve("b2bforum-20261207-050000.sql.gz");
        RestoreMarker first = new RestoreMarker(backup, clock);
        RestoreMarker second = new RestoreMarker(backup, clock);
        Files.writeString(first.file(), "restore into database forum begun at 2026-12-07T05:00:00Z by node old "
                + "(host elsewhere, pid 1), not finished\n");
        Files.setLastModifiedTime(first.file(), FileTime.from(clock.instant().minus(Duration.ofMinutes(10))));
        Optional<RestoreMarker.State> stale = first.read();
        assertThat(stale).hasValueSatisfying(state -> assertThat(state.stale(clock.instant())).isTrue());
        assertThat(second.read()).isEqualTo(stale);

        assertThat(first.claim("node-1", "forum", stale)).as("the first takes the stale claim over").isTrue();
        assertThat(second.claim("node-2", "forum", stale)).as("the second, late, finds a live claim").isFalse();

        assertThat(Files.readString(first.file())).contains("by node node-1 ");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactlyInAnyOrder(first.file());
        }
    }

    /**
     * A node that reads the marker while another claims it, or records its restore, finds a whole line, never an empty
     * or half-written one (review71: the claim was created, then written, and the node that read it between the two
     * logged "being restored by another start" instead of the node's name). Claimed and finished 300 times or more
     * beside a reader that reads without a pause, until it has read 300 times.
     */
    @Test
    void a_node_reading_the_marker_while_another_writes_it_finds_a_whole_line() throws Exception {
        linesReadWhileClaimedAndFinished300Times(new RestoreMarker(dir.resolve("b2bforum-20261207-050000.sql.gz"), clock));
        try (var left = Files.list(dir)) {
            assertThat(left).as("nothing left aside").isEmpty();
        }
    }

    private void linesReadWhileClaimedAndFinished300Times(RestoreMarker writer) throws Exception {
        Files.createDirectories(dir);
        RestoreMarker reader = new RestoreMarker(dir.resolve("b2bforum-20261207-050000.sql.gz"), clock);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<IOException> readFailed = new AtomicReference<>();
        Set<String> linesRead = ConcurrentHashMap.newKeySet();
        Thread reading = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                try {
                    reader.read().ifPresent(state -> linesRead.add(state.line()));
                    reads.incrementAndGet();
                } catch (IOException e) {
                    readFailed.set(e);
                    return;
                }
            }
        });
        // at least 300 claims, and on until the reader has read 300 times and found a line: on a loaded machine
        // the reader's thread may not run at all during the first 300 (then the test read nothing and checked nothing)
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try {
            for (int i = 0; i < 300 || (reads.get() < 300 || linesRead.isEmpty()) && reading.isAlive(); i++) {
                assertThat(System.nanoTime()).as("the reader read %s times", reads.get()).isLessThan(deadline);
                assertThat(writer.claim("node-1", "forum", Optional.empty())).isTrue();
                writer.restored("node-1", "forum");
                Files.delete(writer.file());
            }
        } finally {
            writing.set(false);
            reading.join();
        }

        assertThat(readFailed.get()).as("the reader's reads").isNull();
        assertThat(linesRead).as("the lines read").isNotEmpty()
                .allMatch(line -> line.matches("(restore into database forum begun at \\S+"
                        + "|restored into database forum at \\S+) by node node-1 \\(host \\S+, pid \\d+\\)"
                        + "(, not finished)?"), "whole");
    }

    /**
     * On storage without hard links (ops3: the claim's link failed and the start ended with "cannot be written"), eight
     * nodes claiming at once: the marker is created exclusively, one claim wins, its line whole, nothing left aside.
     */
    @Test
    void on_storage_without_hard_links_one_of_several_claims_made_at_once_wins() throws Exception {
        Files.createDirectories(dir);
        Path backup = dir.resolve("b2bforum-20261207-050000.sql.gz");
        for (int round = 0; round < 20; round++) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            try (ExecutorService nodes = Executors.newFixedThreadPool(8)) {
                for (int n = 1; n <= 8; n++) {
                    String node = "node-" + n;
                    RestoreMarker marker = new RestoreMarker(backup, clock, noHardLinks);
                    claims.add(nodes.submit(() -> {
                        start.await();
                        return marker.claim(node, "forum", Optional.empty());
                    }));
                }
                start.countDown();
            }
            List<String> winners = new ArrayList<>();
            for (int n = 0; n < claims.size(); n++) {
                if (claims.get(n).get()) {
                    winners.add("node-" + (n + 1));
                }
            }
            RestoreMarker reader = new RestoreMarker(backup, clock);
            assertThat(winners).as("round " + round).hasSize(1);
            assertThat(reader.read()).hasValueSatisfying(state -> assertThat(state.line())
                    .matches("restore into database forum begun at \\S+ by node " + winners.getFirst()
                            + " \\(host \\S+, pid \\d+\\), not finished"));
            try (var left = Files.list(dir)) {
                assertThat(left).as("nothing left aside").containsExactly(reader.file());
            }
            Files.delete(reader.file());
        }
    }

    /** The same without hard links: a node reading while another claims and records its restore finds whole lines. */
    @Test
    void on_storage_without_hard_links_a_node_reading_the_marker_while_another_writes_it_finds_a_whole_line()
            throws Exception {
        linesReadWhileClaimedAndFinished300Times(
                new RestoreMarker(dir.resolve("b2bforum-20261207-050000.sql.gz"), clock, noHardLinks));
    }
}
