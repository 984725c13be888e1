package org.b2bforum.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.LockWaits;
import org.b2bforum.base.security.ForumUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The desk checks a delegate in by name while their company takes them off its list: the desk hears that the
 * delegate is no longer on the list ({@code check-in-desk.gone}), not an error. Before, the check-in's row was
 * refused by the foreign key and ignored ({@code insert ignore}), and reading the delegate back threw
 * NoSuchElementException.
 */
@ForumSpringTest
class CheckInOfAReleasedDelegateTest {

    @Autowired
    CheckInService checkIns;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;

    @Test
    void a_delegate_removed_while_the_desk_checks_them_in_is_reported_gone() throws Exception {
        TestCompany company = booking.approvedCompany();
        long delegate = company.delegateIds().getFirst();
        ForumUser staff = venue.staff();
        CountDownLatch removed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch checkInEnded = new CountDownLatch(1);
        TransactionTemplate removal = new TransactionTemplate(new JdbcTransactionManager(jdbc.getDataSource()));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // the company's removal of the delegate, played by hand and held open
            Future<?> removing = threads.submit(() -> removal.executeWithoutResult(status -> {
                jdbc.update("delete from delegate where id = ?", delegate);
                removed.countDown();
                try {
                    release.await(150, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(removed.await(60, TimeUnit.SECONDS)).isTrue();
            Future<Optional<CheckInResult>> checkIn = threads.submit(() -> {
                try {
                    return booking.as(staff, () -> checkIns.checkIn(delegate));
                } finally {
                    checkInEnded.countDown();
                }
            });
            LockWaits.untilOne(jdbc, checkInEnded);
            release.countDown();
            removing.get(60, TimeUnit.SECONDS);

            assertThat(checkIn.get(60, TimeUnit.SECONDS)).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from delegate_check_in where delegate_id = ?",
                    Integer.class, delegate)).isZero();
        } finally {
            release.countDown();
            threads.shutdownNow();
            threads.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
