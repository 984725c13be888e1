package org.b2bforum.notification.ui;

import java.util.List;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.i18n.ScheduleNotice;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.ui.ChangesFrameFiguresWhenOpened;
import org.b2bforum.base.ui.TextWithLinks;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.notification.NotificationView;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * The user's notifications, newest first, a page at a time ("Show older notifications" adds the next); opening the
 * page marks them all read.
 */
@Route("notifications")
@Menu(title = "notifications.title", icon = "BELL", order = 90)
@PermitAll
class NotificationsView extends VerticalLayout implements HasDynamicTitle, ChangesFrameFiguresWhenOpened {

    /**
     * Notifications drawn at a time. A company at forum scale has hundreds (one per request, answer, change and
     * announcement); the page showed the newest 100 and no way to the others, which it marked read all the same (ux52).
     */
    static final int PAGE = 50;

    private final NotificationService notifications;
    private final ForumTime time;
    final Div list = new Div();
    final Button older = new Button();
    /** How many were unread when the page opened: the newest ones, marked read by the opening but shown as new. */
    private final long unreadAtOpen;
    private NotificationView last;
    /** Whether the reader is a delegate, whose meetings are on their badge page rather than the company's agenda. */
    private final boolean delegate;
    private int shown;

    NotificationsView(NotificationService notifications, ForumTime time, CurrentUser currentUser) {
        this.notifications = notifications;
        this.delegate = currentUser.require().delegateId() != null;
        this.time = time;
        addClassName("page");
        add(new H1(getTranslation("notifications.title")));
        list.setId("notification-list");
        list.addClassName("notification-list");
        older.setText(getTranslation("notifications.older"));
        older.setId("notifications-older");
        older.addThemeVariants(ButtonVariant.TERTIARY);
        older.addClickListener(e -> showOlder());
        unreadAtOpen = notifications.unreadCount();
        NotificationView newest = showOlder();
        if (shown == 0) {
            list.add(new Paragraph(getTranslation("notifications.empty")));
        } else {
            // what this list shows and leads to; one that came meanwhile stays unread for the bell
            notifications.markReadAsOf(newest);
        }
        add(list, older);
    }

    /**
     * Adds the next page (the first one when none is shown); the button stays while there are more.
     *
     * @return the page's first (newest) notification, null when it has none
     */
    private NotificationView showOlder() {
        List<NotificationView> page = last == null ? notifications.mine(PAGE + 1)
                : notifications.olderThan(last, PAGE + 1);
        page.stream().limit(PAGE).forEach(notification -> {
            list.add(item(notification, !notification.read() || shown < unreadAtOpen));
            shown++;
            last = notification;
        });
        older.setVisible(page.size() > PAGE);
        return page.isEmpty() ? null : page.getFirst();
    }

    private Div item(NotificationView notification, boolean unread) {
        Div item = new Div();
        item.addClassName("notification-item");
        if (unread) {
            item.addClassName("unread");
        }
        Span when = new Span(time.format(notification.createdAt(), getLocale()));
        when.addClassName("notification-time");
        item.add(when, new Paragraph(getTranslation(notification.messageKey())));
        if (notification.detail() != null) {
            Paragraph detail = new Paragraph();
            if (notification.detailIsComment()) {
                detail.add(getTranslation("notification.comment") + ": ");
                detail.add(new TextWithLinks(notification.detail()));
            } else if (notification.isAnnouncement()) {
                detail.add(new TextWithLinks(notification.detail()));
            } else {
                String words = ScheduleNotice.inWords(notification.messageKey(), notification.detail(), getLocale(),
                        this::getTranslation);
                if (NotificationView.ATTENDING.equals(notification.messageKey())) {
                    // the meetings one under the other, not run on in one paragraph
                    words = words.replace("; ", "\n");
                    detail.addClassName("notification-lines");
                }
                detail.setText(words);
            }
            detail.addClassName("notification-detail");
            item.add(detail);
        }
        if (!delegate && (NotificationView.CHOOSE_ATTENDEES.equals(notification.messageKey())
                || NotificationView.FIRST_DELEGATE_SENT.equals(notification.messageKey()))) {
            // where the representative chooses who attends (ux57's MeetingAttendees on the Meetings page), scrolled to
            // the first meeting to choose for, below the requests to answer
            Anchor choose = new Anchor("meetings?to=attendees", getTranslation("notification.meeting.choose-attendees"));
            choose.addClassName("notification-link");
            choose.getElement().setAttribute("router-link", true);
            item.add(choose);
        }
        if (ScheduleNotice.KEY.equals(notification.messageKey())
                || NotificationView.ATTENDING.equals(notification.messageKey())
                || NotificationView.ATTENDEE_ADDED.equals(notification.messageKey())) {
            // a summary of meetings leads to them
            Anchor meetings = new Anchor(delegate ? "my-badge" : "agenda",
                    getTranslation(delegate ? "notification.meeting.PUBLISHED.open-mine" : "notification.meeting.PUBLISHED.open"));
            meetings.addClassName("notification-link");
            meetings.getElement().setAttribute("router-link", true); // the app's router, not a new page load
            item.add(meetings);
        }
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title") + " · " + getTranslation("app.short-title");
    }
}
