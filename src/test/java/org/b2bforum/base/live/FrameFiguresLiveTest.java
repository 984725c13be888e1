package org.b2bforum.base.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.TestClock;
import org.b2bforum.announcement.AnnouncementService;
import org.b2bforum.messaging.MessagingService;
import org.b2bforum.notification.NotificationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The frame's figures (the bell, the banner, the messages' count) are read when a tab's first page opens and kept by
 * live updates after that, not read again at each new page (issue 17): so every change of them, by anyone on any node,
 * is told through the feed, reading notifications and messages and closing a banner as much as writing them.
 */
class FrameFiguresLiveTest extends PolledByHandTest {

    @Autowired
    NotificationService notifications;
    @Autowired
    MessagingService messaging;
    @Autowired
    AnnouncementService announcements;

    @Test
    void a_new_page_reads_none_of_the_figures_live_updates_keep_and_their_live_update_changes_them() {
        TestCompany mine = new BookingFixture(context).approvedCompany();
        live.poll();
        BookingFixture.logInAs(mine);
        UI.getCurrent().navigate("my-registration");
        assertThat(bell()).as("the approval's notification, read at the tab's first page").isEqualTo("1");
        // a notification written without its live update: no page reads the bell again by itself
        jdbc.update("insert into notification (user_id, message_key, created_at) values (?, ?, now(6))",
                mine.user().id(), "notification.meeting.REQUESTED");

        UI.getCurrent().navigate("directory");
        UI.getCurrent().navigate("my-registration");
        assertThat(bell()).as("two new pages, no reading of the bell").isEqualTo("1");

        // as every writer of a notification tells it
        feed.companiesChanged(List.of(mine.id()), LiveChange.Kind.NOTIFICATION);
        live.poll();
        pushed();
        assertThat(bell()).isEqualTo("2");
    }

    @Test
    void a_change_the_feed_s_window_missed_is_read_at_the_first_new_page_once_the_figures_are_no_longer_trusted() {
        TestCompany mine = onItsFirstPage();
        // a notification whose transaction committed more than the poll's window after it wrote its feed row (a day
        // removed with hundreds of requests told one by one in one transaction): no poll reads that row
        jdbc.update("insert into notification (user_id, message_key, created_at) values (?, ?, now(6))",
                mine.user().id(), "notification.meeting.SLOT_REMOVED");
        jdbc.update("insert into live_change (company_id, kind, created_at) values (?, 'NOTIFICATION', now(3) - interval "
                + (WINDOW.toSeconds() + 5) + " second)", mine.id());
        live.poll();
        pushed();
        UI.getCurrent().navigate("directory");
        assertThat(bell()).as("missed, and trusted for a while yet").isEqualTo("1");

        live.trustKeptFiguresInTest(java.time.Duration.ofNanos(1)); // as a minute later
        UI.getCurrent().navigate("my-registration");
        assertThat(bell()).as("no longer trusted: read again at the new page").isEqualTo("2");
    }

    @Test
    void notifications_read_elsewhere_lower_the_bell_of_the_open_page() {
        TestCompany mine = onItsFirstPage();
        long before = lastChange();

        // as the reader's other tab, or their phone on another node, reads them
        notifications.markAllRead();
        assertThat(changesSince(before)).as("the reader's log-in is told").containsExactly("user NOTIFICATION");
        live.poll();
        pushed();
        assertThat(bell()).isNullOrEmpty();

        // nothing more to read: nothing told, so a page that reads them on its update does not start another
        long after = lastChange();
        notifications.markAllRead();
        assertThat(changesSince(after)).isEmpty();
    }

    @Test
    void a_conversation_read_by_a_colleague_lowers_the_messages_count_of_the_company_s_open_page() {
        BookingFixture fixture = new BookingFixture(context);
        TestCompany mine = fixture.approvedCompany();
        TestCompany other = fixture.approvedCompany();
        live.poll();
        BookingFixture.logInAs(other);
        messaging.send(mine.id(), "Добрый день! Обсудим поставки?");
        BookingFixture.logInAs(mine);
        UI.getCurrent().navigate("my-registration");
        assertThat(find(Span.class).id("menu-count-messages").getText()).isEqualTo("1");
        live.poll();
        pushed();
        long before = lastChange();

        // as a colleague (or this user's other tab) opens the conversation
        messaging.markRead(other.id());
        assertThat(changesSince(before)).as("the company is told").containsExactly("company MESSAGE");
        live.poll();
        pushed();
        assertThat(find(Span.class).withId("menu-count-messages").exists()).isFalse();

        // read again with nothing new: nothing written, nothing told (a conversation page reads it again on the update)
        long after = lastChange();
        messaging.markRead(other.id());
        assertThat(changesSince(after)).isEmpty();
    }

    @Test
    void a_banner_closed_is_told_to_the_readers_other_pages_once() {
        TestCompany mine = new BookingFixture(context).approvedCompany();
        BookingFixture.logInAs(mine);
        jdbc.update("insert into announcement (author_user_id, audience, audience_value, body, created_at)"
                + " values (?, 'ALL', null, 'Зал B переезжает на 2-й этаж', utc_timestamp(6))", mine.user().id());
        long announcement = jdbc.queryForObject("select max(id) from announcement", Long.class);
        long before = lastChange();

        announcements.dismiss(announcement);
        assertThat(changesSince(before)).containsExactly("user NOTIFICATION");

        long after = lastChange();
        announcements.dismiss(announcement); // the second tab's close
        assertThat(changesSince(after)).isEmpty();
    }

    @Test
    void a_banner_leaves_at_the_first_new_page_after_its_last_day() {
        TestCompany mine = new BookingFixture(context).approvedCompany();
        live.poll();
        // an announcement to this company whose day ends in a minute: no live update tells the end of a day
        jdbc.update("insert into announcement (author_user_id, audience, audience_value, body, created_at) values"
                + " (?, 'ALL', null, 'Зал B переезжает на 2-й этаж', utc_timestamp(6) - interval 24 hour + interval 60 second)",
                mine.user().id());
        jdbc.update("insert into announcement_recipient (announcement_id, company_id) values (?, ?)",
                jdbc.queryForObject("select max(id) from announcement", Long.class), mine.id());
        BookingFixture.logInAs(mine);
        UI.getCurrent().navigate("my-registration");
        assertThat(find(Div.class).id("announcement-banner").isVisible()).isTrue();
        UI.getCurrent().navigate("directory");
        assertThat(find(Div.class).id("announcement-banner").isVisible()).as("within its day").isTrue();

        // the next page a minute later, on this tab's clock (the application's, on the test's thread), not slept for
        TestClock.aheadOnThisThread(Duration.ofSeconds(61), () -> {
            UI.getCurrent().navigate("my-registration");
            assertThat(find(Div.class).withId("announcement-banner").exists()).as("its day is over").isFalse();
        });
    }

    /** A company approved just now, logged in, on its tab's first page: the approval's notification on its bell. */
    private TestCompany onItsFirstPage() {
        TestCompany mine = new BookingFixture(context).approvedCompany();
        live.poll();
        BookingFixture.logInAs(mine);
        UI.getCurrent().navigate("my-registration");
        assertThat(bell()).isEqualTo("1");
        return mine;
    }

    private String bell() {
        return find(Button.class).id("notifications-button").getText();
    }

    private long lastChange() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from live_change", Long.class);
    }

    private List<String> changesSince(long id) {
        return jdbc.query("select company_id, user_id, kind from live_change where id > ? order by id",
                (rs, row) -> (rs.getObject(1) != null ? "company " : "user ") + rs.getString(3), id);
    }
}
