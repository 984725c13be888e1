package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.b2bforum.base.web.UrgentWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Opening a page gives way to booking clicks and takes turns with the other pages opening (issue 17, the rush);
 * nothing is refused, and what is not a page opened in a request is not held up.
 */
class PageOpensTest {

    final UrgentWork urgent = new UrgentWork();
    final CountDownLatch bookingEnds = new CountDownLatch(1);

    @AfterEach
    void endTheBooking() {
        bookingEnds.countDown();
    }

    /** A booking click that waits or runs until {@link #bookingEnds}; returns once it counts as urgent. */
    CompletableFuture<Void> bookingUnderWay() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Void> booking = CompletableFuture.runAsync(() -> urgent.run(() -> {
            started.countDown();
            try {
                bookingEnds.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        return booking;
    }

    /** A page opened in a request of its own thread; completes when the page may open (its request goes on). */
    static CompletableFuture<Long> pageOpening(PageOpens opens, CountDownLatch requestEnds) {
        return pageOpening(opens, requestEnds, new CountDownLatch(1));
    }

    /** As above; {@code admitting} counts down as the page starts to ask, before its wait is timed. */
    static CompletableFuture<Long> pageOpening(PageOpens opens, CountDownLatch requestEnds, CountDownLatch admitting) {
        return CompletableFuture.supplyAsync(() -> {
            opens.started();
            long t = System.nanoTime();
            admitting.countDown();
            opens.admit();
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
            try {
                requestEnds.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            opens.ended();
            return waited;
        }, runnable -> new Thread(runnable).start());
    }

    @Test
    void a_page_waits_while_a_booking_click_waits_or_runs_and_opens_as_soon_as_it_has_ended() throws Exception {
        PageOpens opens = new PageOpens(urgent, 2, Duration.ofSeconds(20), Duration.ofSeconds(20));
        CompletableFuture<Void> booking = bookingUnderWay();
        CountDownLatch requestEnds = new CountDownLatch(1);
        CountDownLatch admitting = new CountDownLatch(1);

        CompletableFuture<Long> page = pageOpening(opens, requestEnds, admitting);
        assertThat(admitting.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        assertThat(opens.opening()).as("no page opens while the booking is under way").isZero();

        bookingEnds.countDown();
        booking.get(5, TimeUnit.SECONDS);
        await(() -> opens.opening() == 1);
        requestEnds.countDown();
        assertThat(page.get(5, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(300).isLessThan(20_000);
        assertThat(opens.opening()).as("its place given back at the request's end").isZero();
    }

    @Test
    void a_page_opens_anyway_once_it_has_waited_its_time_for_the_bookings() throws Exception {
        PageOpens opens = new PageOpens(urgent, 2, Duration.ofMillis(200), Duration.ofSeconds(20));
        bookingUnderWay();
        CountDownLatch requestEnds = new CountDownLatch(1);
        requestEnds.countDown();

        long waited = pageOpening(opens, requestEnds).get(5, TimeUnit.SECONDS);

        assertThat(waited).isGreaterThanOrEqualTo(190).isLessThan(5_000);
        assertThat(urgent.inProgress()).as("the booking still under way").isEqualTo(1);
    }

    @Test
    void pages_open_a_few_at_a_time_and_the_next_one_when_a_request_that_opened_one_ends() throws Exception {
        PageOpens opens = new PageOpens(urgent, 2, Duration.ofSeconds(20), Duration.ofSeconds(20));
        CountDownLatch firstTwoEnd = new CountDownLatch(1);
        CountDownLatch thirdEnds = new CountDownLatch(1);
        CompletableFuture<Long> first = pageOpening(opens, firstTwoEnd);
        CompletableFuture<Long> second = pageOpening(opens, firstTwoEnd);
        await(() -> opens.opening() == 2);

        CountDownLatch thirdAdmitting = new CountDownLatch(1);
        CompletableFuture<Long> third = pageOpening(opens, thirdEnds, thirdAdmitting);
        assertThat(thirdAdmitting.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        assertThat(opens.opening()).isEqualTo(2);
        assertThat(third).isNotDone();

        firstTwoEnd.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        await(() -> opens.opening() == 1);
        thirdEnds.countDown();
        assertThat(third.get(5, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(290);
        assertThat(opens.opening()).isZero();
    }

    @Test
    void a_page_waits_no_longer_than_its_time_for_a_place_and_then_opens_without_one() throws Exception {
        PageOpens opens = new PageOpens(urgent, 1, Duration.ofSeconds(20), Duration.ofMillis(200));
        CountDownLatch firstEnds = new CountDownLatch(1);
        CompletableFuture<Long> first = pageOpening(opens, firstEnds);
        await(() -> opens.opening() == 1);
        CountDownLatch secondEnds = new CountDownLatch(1);
        secondEnds.countDown();

        assertThat(pageOpening(opens, secondEnds).get(5, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(190);
        assertThat(opens.opening()).as("the second gave back no place it did not have").isEqualTo(1);

        firstEnds.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(opens.opening()).isZero();
    }

    @Test
    void a_navigation_outside_a_request_and_a_second_one_in_the_same_request_do_not_wait() throws Exception {
        PageOpens opens = new PageOpens(urgent, 1, Duration.ofSeconds(20), Duration.ofSeconds(20));
        CompletableFuture<Void> booking = bookingUnderWay();
        long t = System.nanoTime();

        opens.admit(); // no request on this thread: a test, a task of a background thread
        assertThat(opens.opening()).isZero();

        bookingEnds.countDown();
        booking.get(5, TimeUnit.SECONDS);
        opens.started();
        opens.admit();
        assertThat(opens.opening()).isEqualTo(1);
        opens.admit(); // forwarded to another page in the same request: it has the one place already
        opens.ended();

        assertThat(opens.opening()).isZero();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t)).isLessThan(5_000);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(until);
            Thread.sleep(10);
        }
    }
}
