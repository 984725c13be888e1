package org.b2bforum.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.EventDeliveries;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.Country;
import org.b2bforum.company.Sector;
import org.b2bforum.company.TestCompanies;
import org.b2bforum.company.TestCompanies.TestCompany;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@ForumSpringTest
class AnnouncementServiceTest {

    @Autowired
    AnnouncementService announcements;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventDeliveries deliveries;
    @Autowired
    MeetingRequests requests;
    @Autowired
    ApplicationContext context;

    TestCompanies companies;

    @BeforeEach
    void setUp() {
        companies = new TestCompanies(registrations, accounts);
    }

    @AfterEach
    void logOut() {
        TestData.logOut();
    }

    @Test
    void an_announcement_to_a_city_reaches_its_approved_companies_notifications_and_banner_only() {
        String city = TestCompanies.uniqueCity();
        TestCompany inCity = companies.approved(Country.RU, form -> form.setCity(city));
        TestCompany pendingInCity = companies.pending(Country.RU, form -> form.setCity(city));
        TestCompany elsewhere = companies.approved(Country.BY);

        TestData.logInAsOrganizer(accounts);
        int reached = announcements.publish(Audience.CITY, city, "Зал B переезжает на 2-й этаж");
        TestData.logOut();

        assertThat(reached).isEqualTo(1);
        assertThat(announcementNotifications(inCity)).isEqualTo(1);
        assertThat(announcementNotifications(pendingInCity)).isZero();
        assertThat(announcementNotifications(elsewhere)).isZero();
        TestData.logInAs(accounts, inCity.loginEmail());
        assertThat(announcements.latestForMe()).get().extracting(Announcement::text)
                .isEqualTo("Зал B переезжает на 2-й этаж");
        TestData.logInAs(accounts, elsewhere.loginEmail());
        assertThat(announcements.latestForMe()).map(Announcement::text)
                .isNotEqualTo(java.util.Optional.of("Зал B переезжает на 2-й этаж"));
    }

    @Test
    void a_sector_announcement_reaches_the_companies_of_that_sector() {
        String city = TestCompanies.uniqueCity();
        TestCompany agro = companies.approved(Country.RU, form -> {
            form.setCity(city);
            form.setSectors(java.util.EnumSet.of(Sector.FOOD_AGRICULTURE));
        });
        TestData.logInAsOrganizer(accounts);
        announcements.publish(Audience.SECTOR, Sector.FOOD_AGRICULTURE.name(), "Агросекция начинается в 15:00");
        TestData.logOut();
        assertThat(announcementNotifications(agro)).isEqualTo(1);
    }

    @Test
    void a_session_announcement_reaches_the_companies_with_a_confirmed_meeting_in_the_session_only() {
        BookingFixture fixture = new BookingFixture(context);
        fixture.openBooking(false);
        TestSession session = fixture.session(2, LocalTime.of(12, 0), LocalTime.of(12, 40), 20);
        BookingFixture.TestCompany a = fixture.approvedCompany();
        BookingFixture.TestCompany b = fixture.approvedCompany();
        BookingFixture.TestCompany asking = fixture.approvedCompany();
        BookingFixture.TestCompany asked = fixture.approvedCompany();
        long confirmed = fixture.as(a, () -> requests.request(b.id(), session.slot(0).id(),
                List.of(a.firstDelegate()), null).meetingId());
        fixture.as(b, () -> requests.accept(confirmed, List.of(), null));
        // only requested, not confirmed: not there
        fixture.as(asking, () -> requests.request(asked.id(), session.slot(1).id(), List.of(asking.firstDelegate()),
                null));

        // meeting answers for announcement (SessionAudience): the session's meetings are meeting's rows
        int reached = fixture.asOrganizer(() -> announcements.publish(Audience.SESSION,
                String.valueOf(session.sessionId()), "Переговоры сессии начинаются на 10 минут позже"));

        assertThat(reached).isEqualTo(2);
        assertThat(jdbc.queryForList("select company_id from announcement_recipient where announcement_id ="
                + " (select max(id) from announcement) order by company_id", Long.class))
                .containsExactly(Math.min(a.id(), b.id()), Math.max(a.id(), b.id()));
        fixture.asOrganizer(() -> assertThatThrownBy(() -> announcements.publish(Audience.SESSION, "no number",
                "Текст")).isInstanceOfSatisfying(AnnouncementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("announcements.error.audience-value")));
    }

    @Test
    void only_organizers_announce_and_bad_input_is_refused_with_its_field_and_nothing_saved() {
        TestCompany company = companies.approved(Country.RU);
        int before = jdbc.queryForObject("select count(*) from announcement", Integer.class);
        TestData.logInAs(accounts, company.loginEmail());
        assertThatThrownBy(() -> announcements.publish(Audience.ALL, null, "Привет всем"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> announcements.reach(Audience.ALL, null, "Привет всем"))
                .as("how many companies an audience counts is the organizers' too").isInstanceOf(AccessDeniedException.class);

        TestData.logInAsOrganizer(accounts);
        assertThatThrownBy(() -> announcements.publish(Audience.ALL, null, " "))
                .isInstanceOfSatisfying(AnnouncementRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("text");
                    assertThat(e.messageKey()).isEqualTo("messages.error.empty");
                });
        assertThatThrownBy(() -> announcements.publish(Audience.CITY, "", "Текст"))
                .isInstanceOfSatisfying(AnnouncementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("announcements.error.audience-value"));
        assertThatThrownBy(() -> announcements.publish(Audience.CITY, TestCompanies.uniqueCity(), "Текст"))
                .isInstanceOfSatisfying(AnnouncementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("announcements.error.nobody"));
        assertThatThrownBy(() -> announcements.publish(Audience.SECTOR, "NO_SUCH", "Текст"))
                .isInstanceOf(AnnouncementRefusedException.class);
        assertThat(jdbc.queryForObject("select count(*) from announcement", Integer.class)).isEqualTo(before);
    }

    private int announcementNotifications(TestCompany company) {
        deliveries.awaitDelivered(); // written after commit
        return jdbc.queryForObject("select count(*) from notification n join app_user u on u.id = n.user_id"
                + " where u.company_id = ? and n.message_key = 'notification.announcement'", Integer.class,
                company.id());
    }
}
