package org.b2bforum.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.b2bforum.EventDeliveries;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.Country;
import org.b2bforum.company.Sector;
import org.b2bforum.company.TestCompanies;
import org.b2bforum.company.TestCompanies.TestCompany;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
    void only_organizers_announce_and_bad_input_is_refused_with_its_field_and_nothing_saved() {
        TestCompany company = companies.approved(Country.RU);
        int before = jdbc.queryForObject("select count(*) from announcement", Integer.class);
        TestData.logInAs(accounts, company.loginEmail());
        assertThatThrownBy(() -> announcements.publish(Audience.ALL, null, "Привет всем"))
                .isInstanceOf(AccessDeniedException.class);

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
