package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.i18n.ScheduleNotice;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.messaging.ContactState;
import org.b2bforum.messaging.MessagingService;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.notification.NotificationView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;

/** The note a live update shows in the header of any page when a notification arrives. */
@ForumSpringTest
class LiveNoteTest extends ForumBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    NotificationService notifications;
    @Autowired
    MessagingService messaging;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_meeting_is_told_in_the_readers_words_and_an_announcement_as_it_was_written() {
        TestCompany company = new BookingFixture(context).approvedCompany();
        BookingFixture.logInAs(company);

        assertThat(noteAfter(company, "notification.meeting.CONFIRMED", "18.09 10:00 · А — Б · Зал A №3"))
                .endsWith(": 18.09 10:00 · А — Б · Зал A, стол № 3");
        // read as a meeting's line, the announcement's end was taken for a hall's two names: "Форум · Минск"
        assertThat(noteAfter(company, NotificationView.ANNOUNCEMENT, "Форум · Минск/Москва"))
                .endsWith(": Форум · Минск/Москва");
        // a published schedule's summary: the day and the count in words, not "18.09 12"
        assertThat(noteAfter(company, ScheduleNotice.KEY, ScheduleNotice.detail("18.09", 12)))
                .isEqualTo("Опубликовано расписание переговоров: 18.09 — 12 новых встреч");
    }

    @Test
    void a_new_message_names_the_company_that_wrote_and_opens_its_conversation() {
        BookingFixture fixture = new BookingFixture(context);
        TestCompany reader = fixture.approvedCompany();
        TestCompany writer = fixture.approvedCompany();
        String writerName = jdbc.queryForObject("select short_name from company where id = ?", String.class,
                writer.id());
        BookingFixture.logInAs(reader);
        UI.getCurrent().navigate("my-registration");
        MainLayout layout = find(MainLayout.class).single();
        assertThat(layout.toggle.hasClassName("menu-counts")).as("nothing counted in the menu yet").isFalse();
        fixture.as(writer, () -> messaging.send(reader.id(), "Добрый день!"));
        // a company the reader blocked: its newer message is not the one named
        TestCompany blocked = fixture.approvedCompany();
        fixture.as(blocked, () -> messaging.send(reader.id(), "Ещё одно предложение"));
        messaging.setContactState(blocked.id(), ContactState.BLOCK);

        layout.changed(new LiveChange(1, reader.id(), null, LiveChange.Kind.MESSAGE));

        // "New message", leading to the list, said neither who wrote nor where to answer (ux75)
        // the menu, closed on a phone, hides its count: its button is marked (a dot, forum.css)
        assertThat(layout.toggle.hasClassName("menu-counts")).isTrue();
        Button note = find(Button.class).withClassName("live-toast").all().getLast();
        assertThat(note.getText()).isEqualTo("Новое сообщение: " + writerName);
        // at the foot of the screen: at the top it covered the header (bell, languages, log-out) on a phone
        assertThat(find(Notification.class).all().getLast().getPosition()).isEqualTo(Notification.Position.BOTTOM_END);
        test(note).click();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("messages/" + writer.id());
    }

    private String noteAfter(TestCompany company, String key, String detail) {
        UI.getCurrent().navigate("my-registration");
        MainLayout layout = find(MainLayout.class).single();
        notifications.notifyCompanies(List.of(company.id()), key, detail);

        layout.changed(new LiveChange(1, company.id(), null, LiveChange.Kind.NOTIFICATION));

        List<Button> notes = find(Button.class).withClassName("live-toast").all();
        assertThat(notes).isNotEmpty();
        return notes.getLast().getText();
    }
}
