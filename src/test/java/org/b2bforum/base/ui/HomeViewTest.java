package org.b2bforum.base.ui;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Optional;

import org.b2bforum.base.security.ApprovalStatus;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.router.BeforeEnterEvent;

/** Where the start page leads an organizer: the program first while the forum has no days, then the approvals. */
class HomeViewTest {

    @Test
    void an_organizer_of_a_forum_without_days_starts_on_the_program() {
        assertOrganizerGoesTo(Optional.empty(), "program");
    }

    @Test
    void an_organizer_of_a_forum_with_days_starts_on_the_approval_queue() {
        LocalDate day = LocalDate.of(2027, 9, 18);
        assertOrganizerGoesTo(Optional.of(new ForumDays.Days(day, day.plusDays(1))), "registrations");
    }

    private static void assertOrganizerGoesTo(Optional<ForumDays.Days> days, String route) {
        ForumUser organizer = mock(ForumUser.class);
        when(organizer.isOrganizer()).thenReturn(true);
        CurrentUser currentUser = mock(CurrentUser.class);
        when(currentUser.require()).thenReturn(organizer);
        BeforeEnterEvent event = mock(BeforeEnterEvent.class);

        new HomeView(currentUser, mock(ApprovalStatus.class), () -> days).beforeEnter(event);

        verify(event).forwardTo(route);
    }
}
