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
     * here, as 500 of a night's thousands): the second print runs whole while the first is drawing its second code.
     * Before, a print wrote each chunk's code as it locked that chunk: the first held its first code, the second came
     * to wait for it, the first then wrote its second code, which the second held, and MariaDB ended one of them (a
     * deadlock: the batch FAILED). Now each locks its rows and draws all its codes before it writes any, so this order
     * meets no lock; the order the codes are written in is the next test's.
     */
    @Test
    void two_prints_drawing_each_others_codes_crosswise_both_go_on_without_a_deadlock() throws Exception {
        List<Long> firstPrint = booking.approvedCompany().delegateIds().subList(0, 2);
        List<Long> secondPrint = booking.approvedCompany().delegateIds().subList(0, 2);
        List<String> codes = twoUnusedCodesInOrder();
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
            drawing.lockInChunksOf(Delegates.CHUNK);
            threads.shutdownNow();
        }
        List<String> stored = java.util.stream.Stream.concat(firstPrint.stream(), secondPrint.stream())
                .map(this::codeOf).toList();
        assertThat(stored).doesNotContainNull().doesNotHaveDuplicates();
    }

    /**
     * A print writes the codes it drew in code order, whatever order it drew them in: two prints that drew each other's
     * codes crosswise then wait for one another in turn. Written as drawn, each could hold the code the other was to
     * write next (a deadlock, one print rolled back). Seen here through one print that drew the higher code first while
     * another transaction holds the lower one: it waits for the lower before it writes the higher. (Two prints meeting
     * behind a barrier after their last draws did not tell: each print writes its codes in one batch, one round trip,
     * and the first batch was mostly written whole before the other's began.)
     */
    @Test
    void a_print_writes_its_new_codes_in_code_order_whatever_order_it_drew_them_in() throws Exception {
        List<Long> print = booking.approvedCompany().delegateIds().subList(0, 2);
        long other = booking.approvedCompany().firstDelegate();
        List<String> codes = twoUnusedCodesInOrder();
        String lower = codes.get(0);
        String higher = codes.get(1);
        Queue<String> draws = new ConcurrentLinkedQueue<>(List.of(higher, lower));
        Delegates drawing = AopTestUtils.getTargetObject(delegates);
        drawing.drawCodesWith(() -> Optional.ofNullable(draws.poll()).orElseGet(BadgeCode::newCode));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch printed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> holding = held(threads, release,
                    () -> jdbc.update("update delegate set badge_code = ? where id = ?", lower, other));
            java.util.concurrent.Future<?> printing = threads.submit(() -> {
                try {
                    delegates.ensureBadgeKeys(print);
                } finally {
                    printed.countDown();
                }
            });

            boolean waited = LockWaits.untilOne(jdbc, printed);
            org.springframework.transaction.support.TransactionTemplate uncommitted =
                    new org.springframework.transaction.support.TransactionTemplate(transactionManager);
            uncommitted.setIsolationLevel(
                    org.springframework.transaction.TransactionDefinition.ISOLATION_READ_UNCOMMITTED);
            Integer higherWritten = uncommitted.execute(status -> jdbc.queryForObject(
                    "select count(*) from delegate where badge_code = ?", Integer.class, higher));
            release.countDown();
            holding.get(1, java.util.concurrent.TimeUnit.MINUTES);
            printing.get(1, java.util.concurrent.TimeUnit.MINUTES);

            assertThat(waited).as("the print waited for the lower code").isTrue();
            assertThat(higherWritten).as("the higher code written before the lower").isZero();
        } finally {
            drawing.drawCodesWith(BadgeCode::newCode);
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(draws).isEmpty();
        assertThat(java.util.stream.Stream.concat(print.stream(), java.util.stream.Stream.of(other)).map(this::codeOf)
                .toList()).doesNotContainNull().doesNotHaveDuplicates();
    }

    /**
     * A badge printed again, whose keys are stored, locks no row: it goes on while another transaction holds its
     * delegate's row (a company editing the delegate, a stand's check-in). Before, every reprint locked all its rows.
     */
    @Test
    void a_reprint_whose_keys_are_stored_locks_no_row() throws Exception {
        long delegate = booking.approvedCompany().firstDelegate();
        delegates.ensureBadgeKeys(List.of(delegate));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch reprinted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> holding = held(threads, release,
                    () -> jdbc.queryForList("select id from delegate where id = ? for update", delegate));
            java.util.concurrent.Future<?> reprint = threads.submit(() -> {
                try {
                    delegates.ensureBadgeKeys(List.of(delegate));
                } finally {
                    reprinted.countDown();
                }
            });

            boolean waited = LockWaits.untilOne(jdbc, reprinted);
            release.countDown();
            holding.get(1, java.util.concurrent.TimeUnit.MINUTES);
            reprint.get(1, java.util.concurrent.TimeUnit.MINUTES);

            assertThat(waited).as("the reprint waited for the row").isFalse();
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
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

    private List<String> twoUnusedCodesInOrder() {
        return java.util.stream.Stream.of(BadgeCodes.unused(jdbc), BadgeCodes.unused(jdbc)).sorted().toList();
    }

    /** Runs {@code lock} in a transaction on one of {@code threads}, held open until {@code release}; once it ran. */
    private java.util.concurrent.Future<?> held(java.util.concurrent.ExecutorService threads,
            java.util.concurrent.CountDownLatch release, Runnable lock) throws InterruptedException {
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Future<?> holding = threads.submit(() -> new org.springframework.transaction.support
                .TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    lock.run();
                    held.countDown();
                    await(release);
                }));
        held.await(1, java.util.concurrent.TimeUnit.MINUTES);
        return holding;
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String codeOf(long delegateId) {
        return jdbc.queryForObject("select badge_code from delegate where id = ?", String.class, delegateId);
    }
}
