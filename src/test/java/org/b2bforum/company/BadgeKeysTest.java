package org.b2bforum.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.LockWaits;
import org.b2bforum.badge.BadgePdfs;
import org.b2bforum.badge.BadgeService;
import org.b2bforum.base.i18n.Languages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;

/** The keys a badge is printed with: its check-in token and its code, made once, unique. */
@ForumSpringTest
class BadgeKeysTest {

    @Autowired
    Delegates delegates;
    @Autowired
    BadgeService badges;
    @Autowired
    BookingFixture booking;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    /**
     * Two prints at once draw the same new code: the second cannot read the first's before it is committed, and the
     * unique key refuses it once it is (the second's write waits for the first's end). Before: the second print failed
     * ({@code DuplicateKeyException}; a night's batch FAILED, its log line naming the code).
     */
    @Test
    void a_code_another_print_drew_at_the_same_time_is_drawn_again_and_the_print_goes_on() throws Exception {
        TestCompany company = booking.approvedCompany();
        long first = company.firstDelegate();
        long second = company.delegateIds().get(1);
        String shared = BadgeCodes.unused(jdbc);
        String another = BadgeCodes.unused(jdbc);
        Queue<String> draws = new ConcurrentLinkedQueue<>(List.of(shared, shared, another));
        Delegates drawing = AopTestUtils.getTargetObject(delegates);
        drawing.drawCodesWith(() -> Optional.ofNullable(draws.poll()).orElseGet(BadgeCode::newCode));
        AtomicReference<byte[]> pdf = new AtomicReference<>();
        try {
            Throwable thrown = LockWaits.whileHeld(booking, jdbc, transactionManager,
                    () -> delegates.ensureBadgeKeys(List.of(first)),
                    () -> pdf.set(badges.badgePdf(second, Languages.RUSSIAN)));

            assertThat(thrown).isNull();
        } finally {
            drawing.drawCodesWith(BadgeCode::newCode);
        }
        assertThat(draws).as("the second print drew the first's code, then another").isEmpty();
        assertThat(codeOf(first)).isEqualTo(shared);
        assertThat(codeOf(second)).isEqualTo(another);
        try (PDDocument document = BadgePdfs.load(pdf.get())) {
            assertThat(BadgePdfs.text(document, 1)).contains(BadgeCode.format(another));
        }
    }

    /**
     * Two prints draw each other's new codes crosswise while a batch locks its rows a chunk at a time (one row a chunk
     * here, as 500 of a night's thousands): the first holds its first code and is drawing its second when the second
     * print, having written that second code, comes to wait for the first one. Before, the first print then wrote its
     * second code, waited for the second print in turn, and MariaDB ended one of them (a deadlock: the batch FAILED).
     * Now each locks all its rows before any code and writes its codes by code: one waits for the other, no deadlock.
     */
    @Test
    void two_prints_drawing_each_others_codes_crosswise_both_go_on_without_a_deadlock() throws Exception {
        List<Long> firstPrint = booking.approvedCompany().delegateIds().subList(0, 2);
        List<Long> secondPrint = booking.approvedCompany().delegateIds().subList(0, 2);
        List<String> codes = java.util.stream.Stream.of(BadgeCodes.unused(jdbc), BadgeCodes.unused(jdbc)).sorted()
                .toList();
        String lower = codes.get(0);
        String higher = codes.get(1);
        Delegates drawing = AopTestUtils.getTargetObject(delegates);
        java.util.concurrent.CountDownLatch secondEnded = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        // the first print draws the lower code, then the higher once the second waits (or ended); the second the
        // higher, then the lower
        java.util.Map<String, Queue<java.util.function.Supplier<String>>> draws = java.util.Map.of(
                "first-print", new ConcurrentLinkedQueue<>(List.of(() -> lower, () -> {
                    try {
                        LockWaits.untilOne(jdbc, secondEnded);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return higher;
                })),
                "second-print", new ConcurrentLinkedQueue<>(List.of(() -> higher, () -> lower)));
        drawing.drawCodesWith(() -> Optional.ofNullable(draws.get(Thread.currentThread().getName()))
                .map(Queue::poll).map(java.util.function.Supplier::get).orElseGet(BadgeCode::newCode));
        drawing.lockInChunksOf(1);
        try {
            java.util.concurrent.Future<?> first = threads.submit(() -> named("first-print",
                    () -> delegates.ensureBadgeKeys(firstPrint)));
            java.util.concurrent.Future<?> second = threads.submit(() -> {
                try {
                    while (!draws.get("first-print").isEmpty()) {
                        Thread.onSpinWait(); // until the first print draws its second code (its first one written before)
                    }
                    named("second-print", () -> delegates.ensureBadgeKeys(secondPrint));
                } finally {
                    secondEnded.countDown();
                }
            });

            first.get(2, java.util.concurrent.TimeUnit.MINUTES);
            second.get(2, java.util.concurrent.TimeUnit.MINUTES);
        } finally {
            drawing.drawCodesWith(BadgeCode::newCode);
            drawing.lockInChunksOf(500);
            threads.shutdownNow();
        }
        List<String> stored = java.util.stream.Stream.concat(firstPrint.stream(), secondPrint.stream())
                .map(this::codeOf).toList();
        assertThat(stored).doesNotContainNull().doesNotHaveDuplicates();
    }

    private static void named(String name, Runnable work) {
        String before = Thread.currentThread().getName();
        Thread.currentThread().setName(name);
        try {
            work.run();
        } finally {
            Thread.currentThread().setName(before);
        }
    }

    private String codeOf(long delegateId) {
        return jdbc.queryForObject("select badge_code from delegate where id = ?", String.class, delegateId);
    }
}
