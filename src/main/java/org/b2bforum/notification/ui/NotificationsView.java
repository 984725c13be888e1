package org.b2bforum.notification.ui;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.i18n.MeetingLine;
import org.b2bforum.base.ui.TextWithLinks;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.notification.NotificationView;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** The user's notifications, newest first; opening the page marks them read. */
@Route("notifications")
@Menu(title = "notifications.title", icon = "BELL", order = 90)
@PermitAll
class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    NotificationsView(NotificationService notifications, ForumTime time) {
        addClassName("page");
        add(new H1(getTranslation("notifications.title")));
        Div list = new Div();
        list.setId("notification-list");
        list.addClassName("notification-list");
        for (NotificationView notification : notifications.mine(100)) {
            Div item = new Div();
            item.addClassName("notification-item");
            if (!notification.read()) {
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
                    detail.setText(MeetingLine.inWords(notification.detail(), getLocale(), this::getTranslation));
                }
                detail.addClassName("notification-detail");
                item.add(detail);
            }
            list.add(item);
        }
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new Paragraph(getTranslation("notifications.empty")));
        }
        add(list);
        notifications.markAllRead();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title") + " · " + getTranslation("app.short-title");
    }
}
