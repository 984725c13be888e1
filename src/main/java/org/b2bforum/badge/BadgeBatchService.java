package org.b2bforum.badge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.b2bforum.base.i18n.ForumTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * The organizers' batch print: all badges of a filter in one PDF, made in the background (one
 * batch at a time, the others wait their turn) into a temporary file, with progress to poll, and
 * downloadable once done. Finished batches are kept for {@link #KEPT}, then their files deleted.
 * <p>
 * The batches live in this node's memory and temporary directory, which is right with several
 * application nodes too: the organizer's view starts, polls and downloads a batch through its
 * Vaadin session, which the load balancer keeps on one node (sticky sessions). When that node stops,
 * the session ends with it; after logging in again on another node the organizer prints the batch
 * again (a few seconds to a minute of rendering, bench/README.md), so nothing is stored twice.
 */
@Service
public class BadgeBatchService {

    static final Duration KEPT = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(BadgeBatchService.class);

    private final BadgeService badges;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "badge-batch");
        thread.setDaemon(true);
        return thread;
    });

    BadgeBatchService(BadgeService badges, Clock clock, ForumTime forumTime) {
        this.badges = badges;
        this.clock = clock;
        this.zone = forumTime.zone();
    }

    /** Starts making the badges of the filter in the background; poll {@link #status(String)}. */
    @PreAuthorize("hasRole('ORGANIZER')")
    public BadgeBatch start(BadgeFilter filter, Locale locale) {
        forgetOldJobs();
        Instant now = clock.instant();
        String fileName = "badges-" + DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").format(now.atZone(zone)) + ".pdf";
        Job job = new Job(UUID.randomUUID().toString(), filter, fileName, now);
        jobs.put(job.id, job);
        executor.submit(() -> run(job, locale));
        return job.status();
    }

    /** How far a batch has got. */
    @PreAuthorize("hasRole('ORGANIZER')")
    public BadgeBatch status(String batchId) {
        return job(batchId).status();
    }

    /** The finished PDF of a batch, to stream to the organizer. */
    @PreAuthorize("hasRole('ORGANIZER')")
    public InputStream open(String batchId) throws IOException {
        Job job = job(batchId);
        if (job.state != BadgeBatch.State.DONE) {
            throw new IllegalStateException("The batch is not ready");
        }
        return Files.newInputStream(job.file);
    }

    private Job job(String batchId) {
        Job job = batchId == null ? null : jobs.get(batchId);
        if (job == null) {
            throw new AccessDeniedException("No such batch");
        }
        return job;
    }

    private void run(Job job, Locale locale) {
        long started = System.nanoTime();
        try {
            job.file = Files.createTempFile("b2bforum-badges-", ".pdf");
            job.state = BadgeBatch.State.RENDERING;
            int count;
            try (OutputStream out = Files.newOutputStream(job.file)) {
                count = badges.writeBatch(job.filter, locale, out, total -> job.total = total, done -> {
                    job.done.set(done);
                    if (done == job.total) {
                        job.state = BadgeBatch.State.SAVING;
                    }
                });
            }
            job.bytes = Files.size(job.file);
            job.finishedAt = clock.instant();
            job.state = BadgeBatch.State.DONE;
            log.info("Badge batch {}: {} badges, {} bytes in {} ms", job.id, count, job.bytes,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            log.error("Badge batch {} failed", job.id, e);
            job.finishedAt = clock.instant();
            job.state = BadgeBatch.State.FAILED;
            delete(job);
        }
    }

    private void forgetOldJobs() {
        Instant limit = clock.instant().minus(KEPT);
        jobs.values().removeIf(job -> {
            boolean old = job.finishedAt != null && job.finishedAt.isBefore(limit);
            if (old) {
                delete(job);
            }
            return old;
        });
    }

    private static void delete(Job job) {
        if (job.file != null) {
            try {
                Files.deleteIfExists(job.file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @PreDestroy
    void shutDown() {
        executor.shutdownNow();
        jobs.values().forEach(job -> {
            try {
                delete(job);
            } catch (UncheckedIOException e) {
                log.warn("Could not delete {}", job.file);
            }
        });
    }

    private static final class Job {

        final String id;
        final BadgeFilter filter;
        final String fileName;
        final Instant startedAt;
        final AtomicInteger done = new AtomicInteger();
        volatile int total = -1;
        volatile BadgeBatch.State state = BadgeBatch.State.QUEUED;
        volatile Path file;
        volatile long bytes;
        volatile Instant finishedAt;

        Job(String id, BadgeFilter filter, String fileName, Instant startedAt) {
            this.id = id;
            this.filter = filter;
            this.fileName = fileName;
            this.startedAt = startedAt;
        }

        BadgeBatch status() {
            return new BadgeBatch(id, state, done.get(), total, bytes, fileName, startedAt, finishedAt);
        }
    }
}
