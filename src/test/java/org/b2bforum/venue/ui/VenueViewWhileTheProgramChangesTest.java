package org.b2bforum.venue.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;

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
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;

/**
 * At the tables while an organizer removes a session and its day: the page read the slots, the sessions and the days
 * one by one, and a slot whose day was gone by the third read failed the page with a stack trace. Its own context: the
 * program service is a spy that lets the removal in, committed, right after the page's read of the slots.
 */
@ForumSpringTest
class VenueViewWhileTheProgramChangesTest extends ForumBrowserlessTest {

    @MockitoSpyBean
    ProgramService program;
    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;

    @Test
    void a_session_and_its_day_removed_while_the_page_reads_the_program_leave_a_page_not_an_error() {
        TestSession session = venue.futureSession(1);
        BookingFixture.logInAs(venue.staff()); // the spy is behind the service's security check, its stubbing too
        AtomicBoolean removed = new AtomicBoolean();
        doAnswer(invocation -> {
            Object slots = invocation.callRealMethod();
            if (removed.compareAndSet(false, true)) {
                // another organizer in a transaction of their own, committed before the page reads on
                CompletableFuture.runAsync(() -> booking.asOrganizer(() -> {
                    program.removeSession(session.sessionId());
                    program.removeDay(session.dayId());
                })).get(60, TimeUnit.SECONDS);
            }
            return slots;
        }).when(program).allSlots();

        UI.getCurrent().navigate("venue", QueryParameters.of("slot", String.valueOf(session.slot(0).id())));

        assertThat(removed).as("the removal came between the page's reads").isTrue();
        assertThat(getCurrentView()).isInstanceOf(VenueView.class);
        VenueView view = (VenueView) getCurrentView();
        // what the page read is one moment of the program: the slot with its session and its day
        assertThat(view.slot.getValue().id()).isEqualTo(session.slot(0).id());
        assertThat(view.session.getValue().id()).isEqualTo(session.sessionId());
        assertThat(view.day.getValue().id()).isEqualTo(session.dayId());
    }
}
