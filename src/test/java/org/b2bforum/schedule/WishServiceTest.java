package org.b2bforum.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.program.BookingSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Wishes are each company's own: it adds, changes and removes them; nobody else sees or touches them. */
@ForumSpringTest
class WishServiceTest {

    @Autowired
    WishService wishes;
    @Autowired
    MeetingRequests meetingRequests;

    @Autowired
    ScheduleFixture fixture;
    @Autowired
    BookingFixture booking;
    TestCompany me;
    TestCompany other;
    TestCompany target;

    @BeforeEach
    void setUp() {
        fixture.startWishesPhase();
        me = booking.approvedCompany();
        other = booking.approvedCompany();
        target = booking.approvedCompany();
    }

    @Test
    void a_company_adds_a_wish_changes_its_priority_and_removes_it() {
        BookingFixture.logInAs(me);
        wishes.wish(target.id(), WishPriority.NICE);
        wishes.wish(other.id(), WishPriority.NICE);
        wishes.wish(target.id(), WishPriority.MUST);

        assertThat(wishes.myWishes()).extracting(Wish::targetId, Wish::priority).containsExactly(
                org.assertj.core.groups.Tuple.tuple(target.id(), WishPriority.MUST),
                org.assertj.core.groups.Tuple.tuple(other.id(), WishPriority.NICE));
        assertThat(wishes.candidates("", 0, 1000)).extracting(WishCandidate::id)
                .as("neither itself nor companies already wished").doesNotContain(me.id(), target.id(), other.id());
        assertThat(wishes.candidate(target.id())).isPresent();
        assertThat(wishes.candidate(me.id())).isEmpty();

        wishes.remove(target.id());
        assertThat(wishes.myWishes()).extracting(Wish::targetId).containsExactly(other.id());
    }

    @Test
    void another_company_neither_sees_nor_removes_my_wishes_not_even_the_company_i_wish_to_meet() {
        booking.as(me, () -> wishes.wish(target.id(), WishPriority.MUST));

        BookingFixture.logInAs(other);
        assertThat(wishes.myWishes()).isEmpty();
        wishes.remove(target.id());
        assertThatThrownBy(() -> wishes.allWishes(0, 100)).isInstanceOf(AccessDeniedException.class);
        BookingFixture.logInAs(target);
        assertThat(wishes.myWishes()).isEmpty();
        wishes.remove(target.id());

        BookingFixture.logInAs(me);
        assertThat(wishes.myWishes()).extracting(Wish::targetId).containsExactly(target.id());
        booking.asOrganizer(() -> assertThat(wishes.allWishes(0, 100))
                .extracting(Wish::companyId, Wish::targetId)
                .contains(org.assertj.core.groups.Tuple.tuple(me.id(), target.id())));
    }

    @Test
    void wishing_oneself_an_unapproved_company_or_outside_the_wishes_phase_is_refused() {
        TestCompany pending = booking.pendingCompany();
        BookingFixture.logInAs(me);

        assertThatThrownBy(() -> wishes.wish(me.id(), WishPriority.MUST))
                .isInstanceOfSatisfying(ScheduleRefusedException.class, e -> assertThat(e.key()).isEqualTo("wish.error.self"));
        assertThatThrownBy(() -> wishes.wish(pending.id(), WishPriority.MUST))
                .isInstanceOfSatisfying(ScheduleRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("wish.error.not-approved"));
        assertThat(wishes.candidates("", 0, 10_000)).extracting(WishCandidate::id).doesNotContain(pending.id());

        BookingFixture.logInAs(pending);
        assertThatThrownBy(() -> wishes.wish(me.id(), WishPriority.MUST)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> booking.asOrganizer(() -> wishes.wish(me.id(), WishPriority.MUST)))
                .isInstanceOf(AccessDeniedException.class);

        booking.bookingSettings(new BookingSettings(null, null, 200, false, false));
        BookingFixture.logInAs(me);
        assertThat(wishes.collectingWishes()).isFalse();
        assertThatThrownBy(() -> wishes.wish(target.id(), WishPriority.MUST))
                .isInstanceOfSatisfying(ScheduleRefusedException.class, e -> assertThat(e.key()).isEqualTo("wish.error.closed"));
        assertThat(wishes.myWishes()).isEmpty();
    }

    @Test
    void while_wishes_are_collected_companies_cannot_book_slots() {
        TestSession session = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        BookingFixture.logInAs(me);

        assertThatThrownBy(() -> meetingRequests.request(target.id(), session.slot(0).id(), List.of(me.firstDelegate()), null).meetingId())
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.wishes-phase"));
    }
}
