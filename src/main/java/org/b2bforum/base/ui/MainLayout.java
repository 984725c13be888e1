package org.b2bforum.base.ui;

import org.b2bforum.base.security.ApprovalStatus;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.AppLayout.AppLayoutI18n;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
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
    /** The path of the page shown, to tell a new page from the same page with other query parameters. */
    private String shownPath;

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

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("a11y.toggle-menu"));
        setI18n(new AppLayoutI18n().setDrawer(getTranslation("a11y.menu")));
        HorizontalLayout header = new HorizontalLayout(skipLink(), toggle, new Span(), notificationsButton,
                new LanguageSwitch(), userName, logout);
        header.expand(header.getComponentAt(2));
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.addClassName("app-header");
        addToNavbar(header);
    }

    /**
     * The first stop of the keyboard: straight to the page's heading, past the header and the menu.
     * Handled in the browser, so it works without a round trip.
     */
    private Anchor skipLink() {
        Anchor skip = new Anchor("#", getTranslation("a11y.skip-to-content"));
        skip.setId("skip-to-content");
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().executeJs("""
                this.addEventListener('click', e => {
                  e.preventDefault();
                  const heading = document.querySelector('vaadin-app-layout > :not([slot]) h1');
                  if (heading) {
                    heading.tabIndex = -1;
                    heading.focus();
                  }
                });""");
        return skip;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String path = event.getLocation().getPath();
        if (!path.equals(shownPath)) {
            // A new page (not a filter of the same page that put its query in the address): focus its heading, as
            // a page load would start reading there. The first page is left alone, like any page load.
            if (shownPath != null) {
                getElement().executeJs("""
                        requestAnimationFrame(() => {
                          const heading = this.querySelector(':scope > :not([slot]) h1');
                          if (heading) {
                            heading.tabIndex = -1;
                            heading.focus({preventScroll: true});
                          }
                        });""");
            }
            shownPath = path;
        }
        long unread = notifications.unreadCount();
        notificationsButton.setText(unread > 0 ? String.valueOf(unread) : null);
        notificationsButton.getElement().setAttribute("aria-label",
                getTranslation("notifications.title") + (unread > 0 ? " (" + unread + ")" : ""));
    }
}
