package org.b2bforum.calendar.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.calendar.CalendarService;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;

/**
 * A company downloads its calendar, makes a subscription link, replaces it and switches it off (delegates have
 * the same panel on their badge page).
 */
@ForumSpringTest
class CalendarViewTest extends ForumBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    CalendarService calendars;

    /**
     * The calendar (and its subscription link) works only for an approved company: a pending one had "Календарь" in
     * its menu, under "until approval the rest of the forum is closed", and its "create a link" failed in the service.
     */
    @Test
    void a_company_awaiting_approval_is_sent_to_its_application_instead_of_the_calendar() {
        TestCompany company = new BookingFixture(context).pendingCompany();
        BookingFixture.logInAs(company);

        UI.getCurrent().navigate("my-calendar");

        assertThat(getCurrentView()).isNotInstanceOf(CalendarView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("my-registration");
    }

    private List<String> notifications() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }

    @Test
    void a_company_makes_a_subscription_link_replaces_it_and_switches_it_off() {
        VenueFixture venue = new VenueFixture(context);
        TestCompany company = venue.booking().approvedCompany();
        BookingFixture.logInAs(company);

        CalendarView view = navigate(CalendarView.class);
        CalendarExportPanel panel = view.panel;
        assertThat(downloaded(panel)).startsWith("BEGIN:VCALENDAR").contains("X-WR-CALNAME:Форум Минск — Москва: ");
        assertThat(panel.status.getText()).isEqualTo("Ссылки для подписки пока нет.");
        assertThat(panel.link.isVisible()).isFalse();
        assertThat(panel.revoke.isVisible()).isFalse();

        test(find(Button.class).id("calendar-new-link")).click();
        String first = panel.url.getValue();
        assertThat(first).matches("http://localhost:\\d+/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(panel.link.isVisible()).isTrue();
        assertThat(panel.openInApp.getHref()).isEqualTo(first.replace("http://", "webcal://"));
        assertThat(panel.status.getText()).startsWith("Ссылка для подписки действует с ");
        assertThat(calendars.feed(token(first), Languages.RUSSIAN)).isPresent();
        // a read-only field with "Copy", as the other links to pass on (base.ui.CopyableLink; ux47)
        scriptsSinceLastLook();
        find(Button.class).id("calendar-url-copy").click(); // on the server: browserless's round trip drops scripts
        assertThat(copies(scriptsSinceLastLook(), first)).as("Copy puts the link shown on the clipboard").isTrue();
        // "copied" only when the browser says so: without a clipboard (plain HTTP on the office's network) or refused,
        // the link is left selected and the user told to copy it by hand
        find(Button.class).id("calendar-url-copy").click();
        answerCopy(false);
        assertThat(notifications()).containsExactly("Не удалось скопировать ссылку автоматически. Она выделена: "
                + "скопируйте её вручную (Ctrl+C или долгим нажатием на телефоне).");
        find(Button.class).id("calendar-url-copy").click();
        answerCopy(true);
        assertThat(notifications()).last().isEqualTo("Ссылка скопирована");

        test(find(Button.class).id("calendar-new-link")).click();
        String second = panel.url.getValue();
        assertThat(second).isNotEqualTo(first);
        assertThat(calendars.feed(token(first), Languages.RUSSIAN)).isEmpty();
        assertThat(calendars.feed(token(second), Languages.RUSSIAN)).isPresent();

        test(find(Button.class).id("calendar-revoke")).click();
        assertThat(calendars.feed(token(second), Languages.RUSSIAN)).isEmpty();
        assertThat(panel.link.isVisible()).isFalse();
        assertThat(panel.status.getText()).isEqualTo("Ссылки для подписки пока нет.");

        // a later visit does not show the link again: only its hash is kept
        test(find(Button.class).id("calendar-new-link")).click();
        UI.getCurrent().navigate("notifications");
        CalendarView later = navigate(CalendarView.class);
        assertThat(later).isNotSameAs(view);
        assertThat(later.panel.link.isVisible()).isFalse();
        assertThat(later.panel.url.getValue()).isEmpty();
        assertThat(later.panel.create.getText()).isEqualTo("Создать новую ссылку (старая перестанет работать)");
    }

    /** The feed is Russian unless the link asks otherwise: the English page's link gave an English reader Russian. */
    @Test
    void an_english_readers_subscription_link_asks_for_english_as_the_download_does() {
        TestCompany company = new VenueFixture(context).booking().approvedCompany();
        BookingFixture.logInAs(company);
        UI.getCurrent().setLocale(Languages.ENGLISH);

        CalendarView view = navigate(CalendarView.class);
        assertThat(downloaded(view.panel)).contains("X-WR-CALNAME:Minsk–Moscow forum: ");
        test(find(Button.class).id("calendar-new-link")).click();

        String link = view.panel.url.getValue();
        assertThat(link).matches("http://localhost:\\d+/calendar/[A-Za-z0-9_-]{43}\\.ics\\?lang=en");
        assertThat(view.panel.openInApp.getHref()).isEqualTo(link.replace("http://", "webcal://"));
        assertThat(calendars.feed(token(link.substring(0, link.indexOf('?'))), Languages.ENGLISH)).isPresent();
    }

    private String downloaded(CalendarExportPanel panel) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        test(panel.download).download(file);
        return file.toString(StandardCharsets.UTF_8);
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    }
}
