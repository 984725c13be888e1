package org.b2bforum.base.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.DelegateFixture;
import org.b2bforum.TestData;
import org.b2bforum.TransactionsBegun;
import org.b2bforum.base.database.HeldConnections;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.web.UrgentWork;
import org.b2bforum.messaging.MessagingService;
import org.b2bforum.notification.NotificationService;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The shared poller reads the database's change feed, so a change written by any node (here: rows
 * inserted straight into the feed, as another node's transaction would) reaches the open pages of
 * the company it concerns on this node, as the page's user, and no one else's.
 */
class LiveUpdatesTest extends PolledByHandTest {

    /** How far back a poll reads where a test waits for a poll to be late (the application's: {@link #WINDOW}). */
    private static final Duration SHORT_WINDOW = Duration.ofSeconds(1);

    @Test
    void a_change_written_elsewhere_reaches_the_open_page_of_its_company_as_its_user_and_only_there() {
        BookingFixture fixture = new BookingFixture(context);
        TestCompany mine = fixture.approvedCompany();
        TestCompany other = fixture.approvedCompany();
        live.poll(); // the approvals' notifications, announced before this page opened
        BookingFixture.logInAs(mine);
        int subscribedBefore = live.subscriberCount();
        List<String> received = new CopyOnWriteArrayList<>();
        Registration registration = live.subscribe(UI.getCurrent(), mine.user(), change -> received.add(
                change.kind() + " as " + SecurityContextHolder.getContext().getAuthentication().getName()));
        TestData.logOut();

        // the pages other tests of this context opened may be subscribed too
        assertThat(live.subscriberCount()).isEqualTo(subscribedBefore + 1);
        jdbc.update("insert into live_change (company_id, kind) values (?, 'MESSAGE')", mine.id());
        feed.companiesChanged(List.of(other.id()), LiveChange.Kind.NOTIFICATION);
        assertThat(live.poll()).isEqualTo(2);
        pushed();
        assertThat(received).containsExactly("MESSAGE as " + mine.loginEmail());

        // read again: the same change is not delivered twice
        live.poll();
        pushed();
        assertThat(received).hasSize(1);

        registration.remove();
        feed.companiesChanged(List.of(mine.id()), LiveChange.Kind.NOTIFICATION);
        live.poll();
        pushed();
        assertThat(received).hasSize(1);
    }

    @Test
    void a_delegates_page_hears_the_changes_of_the_delegates_company() {
        DelegateFixture fixture = new DelegateFixture(context);
        TestCompany company = fixture.approvedCompany("Минск", "Живые", List.of("Ирина Соколова"));
        TestCompany other = fixture.booking().approvedCompany();
        ForumUser delegate = TestData.logInAs(context.getBean(AccountService.class),
                fixture.delegateAccount(company, company.firstDelegate()));
        live.poll();
        List<LiveChange.Kind> received = new CopyOnWriteArrayList<>();
        // the delegate's log-in has no company of its own: company's DelegateCompanies tells it
        assertThat(delegate.companyId()).isNull();
        live.subscribe(UI.getCurrent(), delegate, change -> received.add(change.kind()));
        TestData.logOut();

        feed.companiesChanged(List.of(other.id()), LiveChange.Kind.NOTIFICATION);
        feed.companiesChanged(List.of(company.id()), LiveChange.Kind.MESSAGE);
        live.poll();
        pushed();

        assertThat(received).containsExactly(LiveChange.Kind.MESSAGE);
    }

    @Test
    void a_delegates_bell_counts_their_meetings_changes_on_the_open_page_and_their_page_lists_them() {
        DelegateFixture fixture = new DelegateFixture(context);
        TestCompany company = fixture.approvedCompany("Минск", "Колокол", List.of("Павел Орлов"));
        String login = fixture.delegateAccount(company, company.firstDelegate());
        live.poll();
        TestData.logInAs(context.getBean(AccountService.class), login);
        UI.getCurrent().navigate("my-badge");
        assertThat(find(Button.class).id("notifications-button").getText()).as("nothing yet").isNullOrEmpty();

        NotificationService notifications = context.getBean(NotificationService.class);
        // as the meeting module tells them: a request to the representatives, a move to the delegates attending too
        notifications.notifyMeeting(List.of(company.id()), List.of(), "notification.meeting.REQUESTED", "Запрос на 10:00");
        notifications.notifyMeeting(List.of(company.id()), List.of(company.firstDelegate()), "notification.meeting.MOVED",
                "Встреча перенесена на 11:20");
        live.poll();
        pushed();

        assertThat(find(Button.class).id("notifications-button").getText())
                .as("the move, not the request their representative answers").isEqualTo("1");
        UI.getCurrent().navigate("notifications");
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).all()).filteredOn(p -> p.hasClassName("notification-detail"))
                .extracting(p -> p.getElement().getTextRecursively()).containsExactly("Встреча перенесена на 11:20");
        assertThat(find(Button.class).id("notifications-button").getText()).as("read once shown").isNullOrEmpty();
    }

    @Test
    void a_change_that_commits_after_a_later_one_was_read_still_arrives() {
        TestCompany mine = new BookingFixture(context).approvedCompany();
        live.poll();
        List<Long> received = new CopyOnWriteArrayList<>();
        live.subscribe(UI.getCurrent(), mine.user(), change -> received.add(change.id()));

        // a slow transaction took an id first, a quick one committed a later id and was read
        long slowId = jdbc.queryForObject("select coalesce(max(id), 0) + 1000000 from live_change", Long.class);
        jdbc.update("insert into live_change (id, company_id, kind) values (?, ?, 'MESSAGE')", slowId + 1, mine.id());
        live.poll();
        jdbc.update("insert into live_change (id, company_id, kind, created_at)"
                + " values (?, ?, 'MESSAGE', now(3) - interval 2 second)", slowId, mine.id());
        live.poll();
        pushed();

        assertThat(received).containsExactlyInAnyOrder(slowId + 1, slowId);
    }

    @Test
    void a_change_written_just_after_a_poll_arrives_however_late_the_next_poll_comes() throws InterruptedException {
        TestCompany mine = new BookingFixture(context).approvedCompany();
        live.poll();
        List<Long> received = new CopyOnWriteArrayList<>();
        live.subscribe(UI.getCurrent(), mine.user(), change -> received.add(change.id()));
        live.pollInTest(SHORT_WINDOW);
        feed.companiesChanged(List.of(mine.id()), LiveChange.Kind.MESSAGE);

        // a loaded node: the next poll comes later than the window (the database's clock is the poll's)
        long changed = jdbc.queryForObject("select max(id) from live_change where company_id = ?", Long.class,
                mine.id());
        while (jdbc.queryForObject("select now(3) > created_at + interval ? microsecond from live_change"
                + " where id = ?", Boolean.class, SHORT_WINDOW.toNanos() / 1000 + 200_000, changed) != Boolean.TRUE) {
            Thread.sleep(50);
        }
        live.poll();
        pushed();

        assertThat(received).hasSize(1);
    }

    @Test
    void a_live_update_reads_again_only_the_counters_its_kind_changes() throws Exception {
        BookingFixture fixture = new BookingFixture(context);
        TestCompany mine = fixture.approvedCompany();
        TestCompany other = fixture.approvedCompany();
        live.poll();
        BookingFixture.logInAs(mine);
        UI.getCurrent().navigate("notifications"); // any page in the menu's frame, which subscribes
        String bell = find(Button.class).id("notifications-button").getText();
        long unread = bell == null || bell.isEmpty() ? 0 : Long.parseLong(bell);
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from live_change", Long.class);
        // a message arrives, but its live update is lost (deleted from the feed): the menu does not know yet
        BookingFixture.logInAs(other);
        context.getBean(MessagingService.class).send(mine.id(), "Добрый день! Обсудим поставки?");
        jdbc.update("delete from live_change where id > ?", before);
        BookingFixture.logInAs(mine);

        // a meeting's notification: the bell is read again, the messages' count is not
        context.getBean(NotificationService.class).notifyCompany(mine.id(), "notification.meeting.REQUESTED", "x");
        // the poll and the pushed listeners run on this thread here
        List<String> begun = TransactionsBegun.during(context, () -> {
            live.poll();
            pushed();
        });
        assertThat(find(Button.class).id("notifications-button").getText()).isEqualTo(String.valueOf(unread + 1));
        assertThat(find(Span.class).withId("menu-count-messages").exists()).as("not read for a notification").isFalse();
        assertThat(begun).as("the banner, the bell and the latest notification on one connection, no transaction")
                .isEmpty();

        // a message's live update: now the messages' count is read
        feed.companiesChanged(List.of(mine.id()), LiveChange.Kind.MESSAGE);
        live.poll();
        pushed();
        assertThat(find(Span.class).id("menu-count-messages").getText()).isEqualTo("1");
    }

    @Test
    void a_change_a_page_made_and_shows_itself_is_told_to_its_listeners_at_once_and_its_echo_from_the_feed_is_not() {
        TestCompany mine = new BookingFixture(context).approvedCompany();
        live.poll();
        BookingFixture.logInAs(mine);
        List<String> received = new CopyOnWriteArrayList<>();
        live.subscribe(UI.getCurrent(), mine.user(),
                change -> received.add(change.kind() + (change.madeHere() ? " here" : " from the feed")));

        live.changedHere(UI.getCurrent(), LiveChange.Kind.NOTIFICATION);
        assertThat(received).containsExactly("NOTIFICATION here");

        feed.companiesChanged(List.of(mine.id()), LiveChange.Kind.NOTIFICATION); // what the page's request wrote
        live.poll();
        pushed();
        assertThat(received).as("its echo is not told again").containsExactly("NOTIFICATION here");

        feed.companiesChanged(List.of(mine.id()), LiveChange.Kind.MESSAGE);
        feed.companiesChanged(List.of(mine.id()), LiveChange.Kind.NOTIFICATION);
        live.poll();
        pushed();
        assertThat(received).as("the changes after it are")
                .containsExactly("NOTIFICATION here", "MESSAGE from the feed", "NOTIFICATION from the feed");
    }

    @Test
    void while_bookings_wait_for_their_turn_a_poll_holds_what_it_read_and_dispatches_it_once_they_have_it()
            throws Exception {
        TestCompany mine = new BookingFixture(context).approvedCompany();
        live.poll();
        List<Long> received = new CopyOnWriteArrayList<>();
        live.subscribe(UI.getCurrent(), mine.user(), change -> received.add(change.id()));
        UrgentWork urgent = context.getBean(UrgentWork.class);
        CountDownLatch bookingWaits = new CountDownLatch(1);
        CountDownLatch turnGiven = new CountDownLatch(1);
        CompletableFuture<Void> booking = CompletableFuture.runAsync(() -> urgent.run(() -> {
            bookingWaits.countDown();
            try {
                turnGiven.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        try {
            assertThat(bookingWaits.await(5, TimeUnit.SECONDS)).isTrue();
            feed.companiesChanged(List.of(mine.id()), LiveChange.Kind.MESSAGE);

            CompletableFuture<Integer> poll = CompletableFuture.supplyAsync(live::poll);
            Thread.sleep(500);
            assertThat(poll).as("the poll waits while a booking waits for its turn").isNotDone();

            turnGiven.countDown();
            assertThat(poll.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            booking.get(5, TimeUnit.SECONDS);
            pushed();
            assertThat(received).hasSize(1);
        } finally {
            turnGiven.countDown();
        }
    }

    /**
     * The pool has no connection for the page's update (bench/run-push: 200 pages and the senders' requests on one
     * pool; a Galera node failing over looks the same): the message is stored, and the receiver's open conversation
     * shows it once the database answers again, without a reload. Before, the update was dropped.
     */
    @Test
    void a_message_whose_live_update_found_no_database_connection_is_shown_once_the_database_answers_again()
            throws Exception {
        BookingFixture fixture = new BookingFixture(context);
        TestCompany mine = fixture.approvedCompany();
        TestCompany other = fixture.approvedCompany();
        live.poll();
        BookingFixture.logInAs(mine);
        UI.getCurrent().navigate("messages/" + other.id());
        fixture.as(other, () -> context.getBean(MessagingService.class).send(mine.id(), "Груз отправлен сегодня"));
        BookingFixture.logInAs(mine);
        live.poll(); // queues the page's update

        withoutConnections(this::pushed);
        assertThat(thread()).as("no connection: not read yet")
                .doesNotContain("Груз отправлен сегодня");

        live.poll(); // the database answers again
        pushed();
        assertThat(thread()).contains("Груз отправлен сегодня");
        live.poll();
        pushed();
        assertThat(thread().split("Груз отправлен сегодня", -1))
                .as("shown once").hasSize(2);
    }

    /** The bell's count, likewise: a notification whose update found no connection is counted once it can be read. */
    @Test
    void the_bell_counts_a_notification_whose_live_update_found_no_database_connection_once_it_answers_again()
            throws Exception {
        TestCompany mine = new BookingFixture(context).approvedCompany();
        live.poll();
        BookingFixture.logInAs(mine);
        UI.getCurrent().navigate("notifications");
        String bell = find(Button.class).id("notifications-button").getText();
        long unread = bell == null || bell.isEmpty() ? 0 : Long.parseLong(bell);
        context.getBean(NotificationService.class).notifyCompany(mine.id(), "notification.meeting.REQUESTED", "x");
        live.poll();

        withoutConnections(this::pushed);
        assertThat(find(Button.class).id("notifications-button").getText()).isEqualTo(bell);

        live.poll();
        pushed();
        assertThat(find(Button.class).id("notifications-button").getText()).isEqualTo(String.valueOf(unread + 1));
    }

    /**
     * A page's listener fails for another reason than the database (a fault of the page's): the failure is logged and
     * the change told once more at the next poll; a listener that fails again drops it rather than trying for ever.
     * Before, the failure escaped the page's access and the change was lost until the next one of its kind.
     */
    @Test
    void a_change_a_pages_listener_failed_to_show_is_told_once_more_and_then_given_up() {
        TestCompany mine = new BookingFixture(context).approvedCompany();
        live.poll();
        BookingFixture.logInAs(mine);
        List<LiveChange.Kind> told = new CopyOnWriteArrayList<>();
        int[] failuresToCome = {1};
        Registration registration = live.subscribe(UI.getCurrent(), mine.user(), change -> {
            told.add(change.kind());
            if (failuresToCome[0]-- > 0) {
                throw new IllegalStateException("the page's list is being rebuilt");
            }
        });

        jdbc.update("insert into live_change (company_id, kind) values (?, 'MESSAGE')", mine.id());
        live.poll();
        pushed();
        live.poll(); // the one failure: told again
        pushed();
        assertThat(told).containsExactly(LiveChange.Kind.MESSAGE, LiveChange.Kind.MESSAGE);

        failuresToCome[0] = 5;
        // the same kind as above: shown in between, so told once more again before it is given up
        jdbc.update("insert into live_change (company_id, kind) values (?, 'MESSAGE')", mine.id());
        for (int poll = 0; poll < 4; poll++) {
            live.poll();
            pushed();
        }
        assertThat(told).as("failing again: given up after the second telling").hasSize(4);
        registration.remove();
    }

    private String thread() {
        return find(Div.class).id("message-thread").getElement().getTextRecursively();
    }

    /**
     * Runs {@code action} while this test holds every connection of the pool: a read then waits for the pool's
     * connection timeout and fails, as with the database away. The timeout is the application's 3 s elsewhere; here it
     * is HikariCP's shortest (250 ms), so the failing reads do not keep the test waiting for seconds.
     */
    private void withoutConnections(Runnable action) throws Exception {
        try (HeldConnections held = HeldConnections.of(context.getBean(HikariDataSource.class), 250)) {
            action.run();
        }
    }


    @Test
    void a_meeting_notification_is_announced_to_the_feed_with_the_notification_itself() {
        TestCompany company = new BookingFixture(context).approvedCompany();
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from live_change", Long.class);
        BookingFixture.logInAs(company);
        context.getBean(NotificationService.class).notifyCompany(company.id(), "notification.meeting.REQUESTED", "x");
        assertThat(jdbc.queryForList("select kind from live_change where id > ? and company_id = ?", String.class,
                before, company.id())).containsExactly("NOTIFICATION");
    }
}
