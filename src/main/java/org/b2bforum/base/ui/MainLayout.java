package org.b2bforum.base.ui;

import org.b2bforum.base.security.ApprovalStatus;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/** The frame of every logged-in page: forum title, menu, notifications, language and log-out. */
@Layout
@PermitAll
class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final UnreadNotifications notifications;
    private final Button notificationsButton = new Button();

    MainLayout(CurrentUser currentUser, AuthenticationContext authentication, UnreadNotifications notifications,
            ApprovalStatus approval) {
        this.notifications = notifications;
        setPrimarySection(Section.DRAWER);

        Span title = new Span(getTranslation("app.short-title"));
        title.addClassName("app-title");
        Span subtitle = new Span(getTranslation("app.forum-dates"));
        subtitle.addClassName("app-forum-dates");
        Div brand = new Div(title, subtitle);
        brand.addClassName("app-brand");

        ForumUser user = currentUser.require();
        boolean participant = approval.isParticipant(user);
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (!participant && entry.menuClass().isAnnotationPresent(ApprovedCompaniesOnly.class)) {
                continue;
            }
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
            }
            nav.addItem(item);
        }
        addToDrawer(brand, new Scroller(nav));

        notificationsButton.setIcon(VaadinIcon.BELL.create());
        notificationsButton.addThemeVariants(ButtonVariant.TERTIARY);
        notificationsButton.setId("notifications-button");
        notificationsButton.addClickListener(e -> UI.getCurrent().navigate("notifications"));
        Span userName = new Span(user.displayName());
        userName.addClassName("user-name");
        Button logout = new Button(getTranslation("action.logout"), VaadinIcon.SIGN_OUT.create(),
                e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.TERTIARY);
        logout.setId("logout-button");

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), new Span(), notificationsButton,
                new LanguageSwitch(), userName, logout);
        header.expand(header.getComponentAt(1));
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.addClassName("app-header");
        addToNavbar(header);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        long unread = notifications.unreadCount();
        notificationsButton.setText(unread > 0 ? String.valueOf(unread) : null);
        notificationsButton.getElement().setAttribute("aria-label",
                getTranslation("notifications.title") + (unread > 0 ? " (" + unread + ")" : ""));
    }
}
