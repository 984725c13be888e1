package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.b2bforum.BookingFixture;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.clock.Rehearsal;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.database.DatabaseToStop;
import org.b2bforum.base.live.LiveUpdates;
import org.b2bforum.base.security.ApprovalStatus;
import org.b2bforum.base.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.LocationChangeEvent;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The frame (menu, header) of an approved company's page built while the database is away: the reads it makes (the
 * approval, a menu gate, a counter, the forum's days) go to a real embedded MariaDB of the test's own, killed and then
 * started again.
 */
@ForumSpringTest
class FrameWithoutTheDatabaseTest extends ForumBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Test
    void the_frame_is_built_without_the_database_and_completes_its_menu_at_the_first_page_after_it_answers()
            throws Exception {
        BookingFixture.logInAs(new BookingFixture(context).approvedCompany());
        UI.getCurrent().navigate("my-registration");
        try (DatabaseToStop database = DatabaseToStop.start("target/it-frame-mariadb");
                HikariDataSource pool = database.smallPool()) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            ApprovalStatus approval = user -> jdbc.queryForObject("select true", Boolean.class);
            MenuGate leads = new MenuGate() {
                @Override
                public String path() {
                    return "fair/leads";
                }

                @Override
                public boolean shows() {
                    return jdbc.queryForObject("select true", Boolean.class);
                }
            };
            MenuCounter unread = new MenuCounter() {
                @Override
                public String path() {
                    return "messages";
                }

                @Override
                public long count() {
                    return jdbc.queryForObject("select 3", Long.class);
                }
            };
            ForumDays days = () -> jdbc.queryForObject("select 1", Integer.class) > 0 ? Optional.empty()
                    : Optional.empty();

            database.kill();
            // before, the first read's failure ended the frame's construction: the error view stood alone, no menu
            MainLayout frame = new MainLayout(context.getBean(CurrentUser.class),
                    context.getBean(AuthenticationContext.class), context.getBean(UnreadNotifications.class),
                    approval, context.getBean(LiveUpdates.class), List.of(unread), List.of(),
                    context.getBean(FrameReads.class), List.of(leads), days, java.time.Clock.systemUTC(),
                    context.getBean(Rehearsal.class), context.getBean(ForumTime.class));
            frame.afterNavigation(shown("messages"));

            assertThat(menu(frame)).as("the entries that need no database").contains("my-registration", "notifications")
                    .doesNotContain("messages", "fair/leads");
            assertThat(texts(frame, "app-forum-dates")).containsExactly("Дни Минска в Москве");

            database.startAgainAndWaitFor(pool);
            frame.afterNavigation(shown("my-registration"));

            assertThat(menu(frame)).contains("my-registration", "notifications", "messages", "fair/leads");
            assertThat(find(frame, Span.class).filter(span -> "menu-count-messages".equals(span.getId().orElse(null)))
                    .map(Span::getText)).containsExactly("3");
        }
    }

    private static AfterNavigationEvent shown(String path) {
        UI ui = UI.getCurrent();
        return new AfterNavigationEvent(new LocationChangeEvent(ui.getInternals().getRouter(), ui,
                NavigationTrigger.ROUTER_LINK, new Location(path), List.of()));
    }

    private static List<String> menu(MainLayout frame) {
        return find(frame, SideNav.class).flatMap(nav -> nav.getItems().stream()).map(SideNavItem::getPath)
                .toList();
    }

    private static List<String> texts(MainLayout frame, String className) {
        return find(frame, Span.class).filter(span -> span.hasClassName(className)).map(Span::getText).toList();
    }

    private static <T extends Component> Stream<T> find(Component root, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found.stream();
    }

    private static <T extends Component> void collect(Component component, Class<T> type, List<T> found) {
        if (type.isInstance(component)) {
            found.add(type.cast(component));
        }
        component.getChildren().forEach(child -> collect(child, type, found));
    }
}
