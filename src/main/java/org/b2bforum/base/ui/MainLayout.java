package org.b2bforum.base.ui;

import org.b2bforum.base.security.ApprovalStatus;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.clock.Rehearsal;
import org.b2bforum.base.i18n.ForumTime;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.b2bforum.base.i18n.ScheduleNotice;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveUpdates;
import org.b2bforum.base.text.DateRanges;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.AppLayout.AppLayoutI18n;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/**
 * The frame of every logged-in page: forum title, menu with its counters, notifications, language and
 * log-out. Live updates refresh the counters and show a short note of what arrived.
 * <p>
 * Also the frame of the error view (public for its {@code @ParentLayout}): a page that cannot open while the database
 * is away says so inside the frame, whose menu stays usable, instead of on a blank page. So the frame is built without
 * the database too: the forum's dates are left out, and the menu entries that need it to decide (those for approved
 * companies, those a {@link MenuGate} keeps) wait until a page opens with the database back (review49). An anonymous
 * visitor's error view (the registration form, an invitation link) gets the title and the language switch only.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final UnreadNotifications notifications;
    private final LiveUpdates live;
    private final List<MenuCounter> counters;
    private final List<AnnouncementBanner> banners;
    private final FrameReads frameReads;
    private final Div banner = new Div();
    private final ForumUser user;
    private final ApprovalStatus approval;
    private final List<MenuGate> gates;
    private final SideNav nav = new SideNav();
    /** Whether the menu was built with the database's answers (else it is built again at the next page). */
    private boolean menuComplete;
    private final Button notificationsButton = new Button();
    /** The menu button: marked while a menu entry counts something, the menu being closed on a phone. */
    final DrawerToggle toggle = new DrawerToggle();
    /** The path of the page shown, to tell a new page from the same page with other query parameters. */
    private String shownPath;
    private final Map<String, SideNavItem> itemsByPath = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();
    private static final String DISMISSED_BANNER = "b2bforum.dismissed-announcement";
    private long unreadNotifications;
    /** A page's word that what the menu counts has changed ({@link MenuCountsChanged}). */
    private Registration countsChanged;
    private Registration liveRegistration;
    /**
     * Whether the bell, the banner and the counters {@link MenuCounter#toldByLiveUpdates told by live updates} are as
     * the database has them: read at a page of this tab while it listened to live updates, and kept so since by them,
     * since every change of those figures is told to the pages it concerns on every node (a notification or a message
     * written or read, a company muted, an announcement made or closed). A new page then reads none of them again.
     * They were read at each new page, three of the statements of the page a company opens after "Send" at the booking
     * window's rush (bench/README.md, issue 17). False until the first page, while no live update is listened to, and
     * for organizers, whose banner takes every announcement, including those no notification tells them.
     */
    private boolean figuresKeptLive;
    /**
     * When the figures kept live were last read at a page ({@link System#nanoTime}): after
     * {@link LiveUpdates#keptFiguresTrustedFor()} a new page reads them again, since a change the feed's window missed
     * would otherwise leave them wrong for the rest of the tab's life (review59).
     */
    private long figuresReadAt;
    /** When the banner shown is no longer anyone's (its announcement's last day is over); null when none is shown. */
    private Instant bannerUntil;
    private final Clock clock;
    /** The rehearsal clock's line (organizers, venue staff), null on the real time. */
    private RehearsalLine rehearsalLine;

    MainLayout(CurrentUser currentUser, AuthenticationContext authentication, UnreadNotifications notifications,
            ApprovalStatus approval, LiveUpdates live, List<MenuCounter> counters, List<AnnouncementBanner> banners,
            FrameReads frameReads, List<MenuGate> gates, ForumDays forumDays, Clock clock, Rehearsal rehearsal,
            ForumTime forumTime) {
        this.banners = banners;
        this.clock = clock;
        this.frameReads = frameReads;
        this.notifications = notifications;
        this.live = live;
        this.counters = counters;
        this.approval = approval;
        this.gates = gates;
        setPrimarySection(Section.DRAWER);

        Span title = new Span(getTranslation("app.short-title"));
        title.addClassName("app-title");
        Span subtitle = new Span(getTranslation("app.forum-days") + whileTheDatabaseAnswers(
                () -> frameReads.onOneConnection(forumDays::days)).flatMap(days -> days)
                .map(days -> " · " + DateRanges.days(days.first(), days.last(), getLocale(), false)).orElse(""));
        subtitle.addClassName("app-forum-dates");
        Div brand = new Div(title, subtitle);
        brand.addClassName("app-brand");

        user = currentUser.get().orElse(null);
        if (user == null) {
            // an anonymous visitor's error view: no menu, no account
            setDrawerOpened(false);
            HorizontalLayout header = new HorizontalLayout(brand, new LanguageSwitch());
            header.expand(brand);
            header.setWidthFull();
            header.setAlignItems(HorizontalLayout.Alignment.CENTER);
            header.addClassName("app-header");
            addToNavbar(header);
            return;
        }
        buildMenu();
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

        toggle.setAriaLabel(getTranslation("a11y.toggle-menu"));
        setI18n(new AppLayoutI18n().setDrawer(getTranslation("a11y.menu")));
        HorizontalLayout header = new HorizontalLayout(skipLink(), toggle, new Span(), notificationsButton,
                new LanguageSwitch(), userName, logout);
        header.expand(header.getComponentAt(2));
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.addClassName("app-header");
        banner.setId("announcement-banner");
        banner.addClassName("announcement-banner");
        banner.setVisible(false);
        Div navbar = new Div(header, banner);
        if (rehearsal.active() && (user.isOrganizer() || user.role() == Role.STAFF)) {
            rehearsalLine = new RehearsalLine(clock, forumTime.zone());
            navbar.addComponentAtIndex(1, rehearsalLine);
        }
        navbar.addClassName("app-navbar");
        addToNavbar(navbar);
    }

    /**
     * The user's menu: their role's entries, less those for approved companies when they are not one and those a gate
     * keeps from them. Without the database both of those wait ({@link #menuComplete} false).
     */
    private void buildMenu() {
        Optional<Boolean> participant = whileTheDatabaseAnswers(() -> approval.isParticipant(user));
        // a gate is asked only for an entry this user's menu has (its role's), once per tab
        Map<String, MenuGate> gateOf = gates.stream().collect(Collectors.toMap(MenuGate::path, gate -> gate));
        boolean complete = participant.isPresent();
        nav.removeAll();
        itemsByPath.clear();
        counts.clear();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String path = entry.path().replaceFirst("^/", "");
            MenuGate gate = gateOf.get(path);
            if (!participant.orElse(false) && entry.menuClass().isAnnotationPresent(ApprovedCompaniesOnly.class)) {
                continue;
            }
            if (gate != null) {
                Optional<Boolean> shows = whileTheDatabaseAnswers(gate::shows);
                complete &= shows.isPresent();
                if (!shows.orElse(false)) {
                    continue;
                }
            }
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
            }
            nav.addItem(item);
            itemsByPath.put(path, item);
        }
        menuComplete = complete;
    }

    /** What {@code reads} answers, or empty while the database cannot be reached. */
    private static <T> Optional<T> whileTheDatabaseAnswers(Supplier<T> reads) {
        try {
            return Optional.of(reads.get());
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                return Optional.empty();
            }
            throw e;
        }
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
        if (user == null) {
            return;
        }
        if (!menuComplete) {
            buildMenu();
        }
        if (rehearsalLine != null) {
            rehearsalLine.show();
        }
        // the figures kept live only by updates this tab listened to since it read them
        boolean listened = liveRegistration != null;
        if (!listened && isAttached()) {
            subscribe(UI.getCurrent());
        }
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
            // Only for a new page: the same page with other query parameters (a directory search, a filter)
            // keeps the counters and the banner, whose changes arrive as live updates. Reading them again for
            // each search was three of a search's five transactions (bench/README.md, the rush). A new page reads
            // only what live updates do not keep (figuresKeptLive). Without the database (the error view's
            // "temporarily unavailable") they stay as they were.
            long now = System.nanoTime();
            boolean everything = !(listened && figuresKeptLive) || user.isOrganizer()
                    || now - figuresReadAt >= live.keptFiguresTrustedFor().toNanos()
                    || bannerUntil != null && !clock.instant().isBefore(bannerUntil)
                    || event.getActiveChain().stream().anyMatch(ChangesFrameFiguresWhenOpened.class::isInstance);
            if (everything) {
                figuresKeptLive = whileTheDatabaseAnswers(() -> frameReads.onOneConnection(() -> refreshCounts(null, true)))
                        .isPresent() && liveRegistration != null;
                figuresReadAt = now;
            } else if (counters.stream().anyMatch(c -> itemsByPath.containsKey(c.path()) && !c.toldByLiveUpdates())) {
                whileTheDatabaseAnswers(() -> frameReads.onOneConnection(() -> refreshCounts(null, false, false)));
            }
        }
    }

    /**
     * Shows the latest announcement until the user closes it, for good (the feature remembers it per log-in; the
     * session remembers it too, for the pages already open). One line, cut with an ellipsis, that opens in full on a
     * click of its arrow: the banner took about 95 px of a 390 px phone's height on every page (ux54).
     */
    private void refreshBanner() {
        Object dismissed = UI.getCurrent() == null ? null
                : UI.getCurrent().getSession().getAttribute(DISMISSED_BANNER);
        banners.stream().flatMap(b -> b.latest().stream()).findFirst()
                .filter(latest -> !Long.valueOf(latest.id()).equals(dismissed))
                .ifPresentOrElse(latest -> {
                    banner.removeAll();
                    banner.removeClassName("expanded");
                    TextWithLinks text = new TextWithLinks(latest.text());
                    text.setId("announcement-text");
                    text.addClassName("announcement-text");
                    Button more = new Button(VaadinIcon.ANGLE_DOWN.create());
                    more.setId("announcement-more");
                    more.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    more.getElement().setAttribute("aria-label", getTranslation("announcement.banner.more"));
                    more.getElement().setAttribute("aria-expanded", "false");
                    more.addClickListener(e -> {
                        boolean open = !banner.hasClassName("expanded");
                        banner.setClassName("expanded", open);
                        more.setIcon((open ? VaadinIcon.ANGLE_UP : VaadinIcon.ANGLE_DOWN).create());
                        more.getElement().setAttribute("aria-expanded", String.valueOf(open));
                        more.getElement().setAttribute("aria-label",
                                getTranslation(open ? "announcement.banner.less" : "announcement.banner.more"));
                    });
                    Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                        UI.getCurrent().getSession().setAttribute(DISMISSED_BANNER, latest.id());
                        banners.forEach(b -> b.dismiss(latest.id()));
                        banner.setVisible(false);
                    });
                    close.setId("announcement-close");
                    close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    close.getElement().setAttribute("aria-label", getTranslation("action.close"));
                    Icon megaphone = VaadinIcon.MEGAPHONE.create();
                    megaphone.addClassName("announcement-icon");
                    banner.add(megaphone, text, more, close);
                    banner.setVisible(true);
                    bannerUntil = latest.until();
                }, () -> {
                    banner.setVisible(false);
                    bannerUntil = null;
                });
    }

    /**
     * Reads the counters again, all of them when a page opens ({@code kind} null), only those a live
     * update of {@code kind} changes otherwise (a notification: the bell and the banner, which
     * announcements reach as notifications; a message: the messages' count; a reminder: none).
     * Returns the menu entries whose number rose. Called on one connection ({@link FrameReads}). {@code banner}: the
     * latest announcement is read again too (announcements reach the pages as notifications).
     */
    private List<String> refreshCounts(LiveChange.Kind kind, boolean banner) {
        return refreshCounts(kind, banner, true);
    }

    /** {@code keptLive}: also the figures live updates keep (else a new page's: the counters they do not keep). */
    private List<String> refreshCounts(LiveChange.Kind kind, boolean banner, boolean keptLive) {
        return refreshCounts(kind, banner, keptLive, true);
    }

    /** As above; {@code bell}: the unread notifications counted too (when the kind changes them). */
    private List<String> refreshCounts(LiveChange.Kind kind, boolean banner, boolean keptLive, boolean bell) {
        if (keptLive && (kind == null || kind == LiveChange.Kind.NOTIFICATION)) {
            if (banner) {
                refreshBanner();
            }
            if (bell) {
                showUnread(notifications.unreadCount());
            }
        }
        List<String> rose = new java.util.ArrayList<>();
        for (MenuCounter counter : counters) {
            SideNavItem item = itemsByPath.get(counter.path());
            if (item == null || kind != null && !counter.changesWith(kind) || !keptLive && counter.toldByLiveUpdates()) {
                continue;
            }
            long count = counter.count();
            if (count > counts.getOrDefault(counter.path(), 0L)) {
                rose.add(counter.path());
            }
            counts.put(counter.path(), count);
            if (count > 0) {
                Span badge = new Span(String.valueOf(count));
                badge.getElement().getThemeList().add("badge contrast pill small");
                badge.addClassName("menu-count");
                badge.setId("menu-count-" + counter.path());
                item.setSuffixComponent(badge);
            } else {
                item.setSuffixComponent(null);
            }
        }
        // on a phone the menu is closed, and its counts with it: a message came in unseen once its note had gone (ux75)
        toggle.setClassName("menu-counts", counts.values().stream().anyMatch(count -> count > 0));
        return rose;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (user == null) {
            return;
        }
        subscribe(event.getUI());
        countsChanged = ComponentUtil.addListener(event.getUI(), MenuCountsChanged.class,
                e -> frameReads.onOneConnection(() -> refreshCounts(null, false)));
    }

    /** A delegate's page asks the database for their company: without it, the next page subscribes. */
    private void subscribe(UI ui) {
        if (liveRegistration != null) {
            return;
        }
        liveRegistration = whileTheDatabaseAnswers(() -> live.subscribe(ui, user, this::changed)).orElse(null);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        figuresKeptLive = false;
        if (countsChanged != null) {
            countsChanged.remove();
            countsChanged = null;
        }
        if (liveRegistration != null) {
            liveRegistration.remove();
            liveRegistration = null;
        }
    }

    private void showUnread(long unread) {
        unreadNotifications = unread;
        notificationsButton.setText(unread > 0 ? String.valueOf(unread) : null);
        notificationsButton.getElement().setAttribute("aria-label", getTranslation("notifications.title")
                + (unread > 0 ? " (" + unread + ")" : ""));
    }

    void changed(LiveChange change) {
        if (change.kind() == LiveChange.Kind.REMINDER) {
            toast(getTranslation("reminder.starting-soon"), user.delegateId() != null ? "my-badge" : "agenda");
            return;
        }
        if (change.madeHere()) {
            // this page's own request (a booking's "Send") made it and shows the outcome: the counters only, no note
            // about what the user just did, and no announcement in it
            if (change.kind() == LiveChange.Kind.NOTIFICATION && change.notifiedHere() >= 0 && figuresKeptLive) {
                // the request said what it wrote for this log-in: added to the bell kept live, not counted again
                showUnread(unreadNotifications + change.notifiedHere());
                if (counters.stream().anyMatch(c -> c.changesWith(change.kind()) && itemsByPath.containsKey(c.path()))) {
                    frameReads.onOneConnection(() -> refreshCounts(change.kind(), false, true, false));
                }
                return;
            }
            frameReads.onOneConnection(() -> refreshCounts(change.kind(), false));
            return;
        }
        frameReads.onOneConnection(() -> {
            long notificationsBefore = unreadNotifications;
            List<String> rose = refreshCounts(change.kind(), true);
            if (change.kind() == LiveChange.Kind.NOTIFICATION && unreadNotifications > notificationsBefore) {
                notifications.latestUnread().ifPresent(this::announce);
            } else if (change.kind() == LiveChange.Kind.MESSAGE) {
                counters.stream().filter(counter -> rose.contains(counter.path())).findFirst()
                        .flatMap(MenuCounter::riseNote)
                        .ifPresent(note -> toast(getTranslation(note.messageKey(), note.argument()), note.route()));
            }
            return rose;
        });
    }

    private void announce(UnreadNotifications.Latest notification) {
        // an announcement as it was written: read as a meeting line, "Форум · Минск/Москва" showed "Форум · Минск"
        String detail = notification.written() ? notification.detail()
                : ScheduleNotice.inWords(notification.messageKey(), notification.detail(), getLocale(), this::getTranslation);
        toast(getTranslation(notification.messageKey()) + (detail == null ? "" : ": " + detail), "notifications");
    }

    private void toast(String text, String route) {
        Notification toast = new Notification();
        toast.setDuration(6000);
        // at the foot: at the top, on a phone, it covered the header (bell, languages, log-out) for its six seconds
        toast.setPosition(Notification.Position.BOTTOM_END);
        Button open = new Button(text, e -> {
            toast.close();
            UI.getCurrent().navigate(route);
        });
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        open.addClassName("live-toast");
        toast.add(open);
        toast.open();
    }
}
