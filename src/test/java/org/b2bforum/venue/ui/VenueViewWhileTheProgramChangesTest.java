package org.b2bforum.venue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.program.ProgramService;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;

/**
 * At the tables while an organizer removes a session and its day: the page read the slots, the sessions and the days
 * one by one, and a slot whose day was gone by the third read failed the page with a stack trace. The removal comes,
 * committed, right after the first read of the page's transaction that reads the slots: a listener of the shared
 * context's transaction manager makes that read in the transaction as it begins and then lets the removal in. (Before,
 * a Mockito spy of the program service did it after the slots' read, at the price of a Spring context of the class's
 * own; bench/README.md, run-suite, stop 45.)
 */
@ForumSpringTest
class VenueViewWhileTheProgramChangesTest extends ForumBrowserlessTest {

    @Autowired
    ProgramService program;
    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableTransactionManager transactions;

    @Test
    void a_session_and_its_day_removed_while_the_page_reads_the_program_leave_a_page_not_an_error() {
        TestSession session = venue.futureSession(1);
        BookingFixture.logInAs(venue.staff());
        Thread page = Thread.currentThread();
        AtomicBoolean removed = new AtomicBoolean();
        TransactionExecutionListener removal = new TransactionExecutionListener() {
            @Override
            public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
                if (Thread.currentThread() != page || beginFailure != null || !readsTheSlots(transaction)
                        || !removed.compareAndSet(false, true)) {
                    return;
                }
                // the page's transaction reads first (InnoDB's snapshot begins at a transaction's first read) ...
                jdbc.queryForObject("select count(*) from slot", Long.class);
                // ... then another organizer removes, in a transaction of their own, committed before the page reads
                try {
                    CompletableFuture.runAsync(() -> booking.asOrganizer(() -> {
                        program.removeSession(session.sessionId());
                        program.removeDay(session.dayId());
                    })).get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the removal failed", e);
                }
            }
        };
        transactions.addListener(removal);
        try {
            UI.getCurrent().navigate("venue", QueryParameters.of("slot", String.valueOf(session.slot(0).id())));
        } finally {
            transactions.getTransactionExecutionListeners().remove(removal);
        }

        assertThat(removed).as("the removal came between the page's reads").isTrue();
        assertThat(getCurrentView()).isInstanceOf(VenueView.class);
        VenueView view = (VenueView) getCurrentView();
        // what the page read is one moment of the program: the slot with its session and its day
        assertThat(view.slot.getValue().id()).isEqualTo(session.slot(0).id());
        assertThat(view.session.getValue().id()).isEqualTo(session.sessionId());
        assertThat(view.day.getValue().id()).isEqualTo(session.dayId());
    }

    /** The program service's transaction that reads the slots: the grid's (all three lists), or the slots' alone. */
    private static boolean readsTheSlots(TransactionExecution transaction) {
        String name = transaction.getTransactionName();
        return name.equals(ProgramService.class.getName() + ".grid")
                || name.equals(ProgramService.class.getName() + ".allSlots");
    }
}
