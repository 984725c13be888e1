package org.b2bforum.fair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.Sector;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Organizers lay out the fair and assign stands; visitors search the map. */
@ForumSpringTest
class FairServiceTest {

    @Autowired
    FairService fair;
    @Autowired
    ProductService products;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FairFixture fixture;
    @Autowired
    BookingFixture booking;
    @Autowired
    VenueFixture venue;


    @Test
    void a_zone_is_renamed_with_its_names_checked_and_removed_only_without_stands() {
        long zone = fixture.zone();
        long other = fixture.zone();
        String otherName = jdbc.queryForObject("select name_ru from fair_zone where id = ?", String.class, other);
        long stand = fixture.stand(other, FairFixture.standNumber(), 1, 1);

        assertThatThrownBy(() -> booking.asOrganizer(() -> fair.renameZone(zone, otherName, "Hall")))
                .isInstanceOfSatisfying(FairRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("fair.error.zone-exists"));
        assertThatThrownBy(() -> booking.asOrganizer(() -> fair.renameZone(zone, "Зал", " ")))
                .isInstanceOfSatisfying(FairRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("fair.error.zone-name"));
        booking.asOrganizer(() -> fair.renameZone(zone, " Зал  " + zone + " ", "Hall " + zone));
        assertThat(booking.asOrganizer(() -> fair.zones())).contains(new FairZone(zone, "Зал " + zone, "Hall " + zone));

        assertThatThrownBy(() -> booking.asOrganizer(() -> fair.removeZone(other)))
                .isInstanceOfSatisfying(FairRefusedException.class, e -> {
                    assertThat(e.key()).isEqualTo("fair.error.zone-has-stands");
                    assertThat(e.args()).containsExactly(otherName, 1);
                });
        assertThat(jdbc.queryForObject("select zone_id from fair_stand where id = ?", Long.class, stand)).isEqualTo(other);
        booking.asOrganizer(() -> fair.removeZone(zone));
        assertThat(booking.asOrganizer(() -> fair.zones())).extracting(FairZone::id).doesNotContain(zone).contains(other);
        assertThatThrownBy(() -> booking.asOrganizer(() -> fair.removeZone(zone)))
                .isInstanceOfSatisfying(FairRefusedException.class, e -> assertThat(e.key()).isEqualTo("fair.error.no-zone"));

        TestCompany company = booking.approvedCompany();
        assertThatThrownBy(() -> booking.as(company, () -> fair.removeZone(other))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> booking.as(company, () -> fair.renameZone(other, "Чужой", "Foreign")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_stand_assigned_twice_is_refused_in_words_and_the_first_company_keeps_it() {
        TestCompany first = booking.approvedCompany();
        TestCompany second = booking.approvedCompany();
        String number = FairFixture.standNumber();
        long stand = fixture.stand(fixture.zone(), number, 1, 1);
        booking.asOrganizer(() -> fair.assign(stand, first.id()));
        booking.asOrganizer(() -> fair.assign(stand, first.id())); // the same again changes nothing

        assertThatThrownBy(() -> booking.asOrganizer(() -> fair.assign(stand, second.id())))
                .isInstanceOfSatisfying(FairRefusedException.class, e -> {
                    assertThat(e.key()).isEqualTo("fair.error.stand-taken");
                    assertThat(e.args()).containsExactly(number, companyName(first));
                });
        assertThat(booking.as(first, () -> fair.standOf(first.id()))).get().extracting(StandLabel::number)
                .isEqualTo(number);
        assertThat(booking.as(first, () -> fair.standOf(second.id()))).isEmpty();
    }

    @Test
    void the_stand_of_a_company_that_is_not_approved_is_shown_only_to_itself_and_organizers() {
        TestCompany exhibitor = booking.approvedCompany();
        FairFixture.Stand stand = fixture.standFor(exhibitor);
        TestCompany visitor = booking.approvedCompany();
        TestCompany pending = booking.pendingCompany();
        ForumUser staff = venue.staff();
        assertThat(booking.as(visitor, () -> fair.standOf(exhibitor.id()))).isPresent();
        assertThat(booking.as(staff, () -> fair.standOf(exhibitor.id()))).isPresent();
        assertThat(booking.as(pending, () -> fair.standOf(exhibitor.id()))).as("no fair visitor yet").isEmpty();

        booking.sendBackToReview(exhibitor); // the stand stays assigned while the organizers review the company

        assertThat(booking.as(visitor, () -> fair.standOf(exhibitor.id()))).isEmpty();
        assertThat(booking.as(staff, () -> fair.standOf(exhibitor.id()))).isEmpty();
        assertThat(booking.as(exhibitor, () -> fair.standOf(exhibitor.id()))).get().extracting(StandLabel::number)
                .isEqualTo(stand.number());
        assertThat(booking.asOrganizer(() -> fair.standOf(exhibitor.id()))).isPresent();
    }

    @Test
    void the_database_refuses_a_second_company_for_a_stand_and_a_second_stand_for_a_company() {
        TestCompany first = booking.approvedCompany();
        TestCompany second = booking.approvedCompany();
        long zone = fixture.zone();
        long stand = fixture.stand(zone, FairFixture.standNumber(), 1, 1);
        long other = fixture.stand(zone, FairFixture.standNumber(), 1, 2);
        booking.asOrganizer(() -> fair.assign(stand, first.id()));
        long organizer = jdbc.queryForObject("select id from app_user where email = ?", Long.class,
                TestData.ORGANIZER_EMAIL);
        Timestamp now = Timestamp.from(Instant.now());

        assertThatThrownBy(() -> jdbc.update("insert into fair_stand_assignment values (?, ?, ?, ?)", stand,
                second.id(), now, organizer)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into fair_stand_assignment values (?, ?, ?, ?)", other,
                first.id(), now, organizer)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_company_with_a_stand_gets_no_second_one_and_a_company_not_approved_gets_none() {
        TestCompany exhibitor = booking.approvedCompany();
        FairFixture.Stand first = fixture.standFor(exhibitor);
        long zone = fixture.zone();
        long second = fixture.stand(zone, FairFixture.standNumber(), 2, 3);
        TestCompany pending = booking.pendingCompany();

        assertThatThrownBy(() -> booking.asOrganizer(() -> fair.assign(second, exhibitor.id())))
                .isInstanceOfSatisfying(FairRefusedException.class, e -> {
                    assertThat(e.key()).isEqualTo("fair.error.company-has-stand");
                    assertThat(e.args()).containsExactly(first.number());
                });
        assertThatThrownBy(() -> booking.asOrganizer(() -> fair.assign(second, pending.id())))
                .isInstanceOf(FairRefusedException.class).hasMessage("fair.error.company-not-approved");
        assertThat(jdbc.queryForObject("select count(*) from fair_stand_assignment where stand_id = ?", Integer.class,
                second)).isZero();
    }

    @Test
    void stand_numbers_are_unique_across_the_fair_well_formed_and_each_place_of_a_zone_holds_one_stand() {
        long zone = fixture.zone();
        String number = FairFixture.standNumber();
        fixture.stand(zone, number.toLowerCase(), 1, 1);

        assertThat(jdbc.queryForObject("select count(*) from fair_stand where number = ?", Integer.class, number))
                .isOne(); // stored upper-case: "b-14" is stand B-14
        assertThatThrownBy(() -> fixture.stand(fixture.zone(), number, 1, 1))
                .isInstanceOf(FairRefusedException.class).hasMessage("fair.error.stand-number-taken");
        assertThatThrownBy(() -> fixture.stand(zone, FairFixture.standNumber(), 1, 1))
                .isInstanceOf(FairRefusedException.class).hasMessage("fair.error.stand-place-taken");
        assertThatThrownBy(() -> fixture.stand(zone, "B 14; drop", 1, 2))
                .isInstanceOf(FairRefusedException.class).hasMessage("fair.error.stand-number");
        assertThatThrownBy(() -> fixture.stand(zone, FairFixture.standNumber(), 0, 51))
                .isInstanceOf(FairRefusedException.class).hasMessage("fair.error.stand-place");
        assertThatThrownBy(() -> booking.asOrganizer(() -> fair.addZone(" ", "Hall")))
                .isInstanceOf(FairRefusedException.class).hasMessage("fair.error.zone-name");
    }

    @Test
    void the_map_marks_the_stands_whose_company_or_products_match_the_words_in_any_form_and_the_sector() {
        TestCompany toolMaker = booking.approvedCompany();
        TestCompany dairy = booking.approvedCompany();
        FairFixture.Stand tools = fixture.standFor(toolMaker);
        FairFixture.Stand milk = fixture.standFor(dairy);
        booking.as(toolMaker, () -> products.save(null, new ProductForm("Станки фрезерные", "Milling machines",
                "Станки для обработки металла", "Metalworking machines", Sector.MANUFACTURING), null));
        booking.as(dairy, () -> products.save(null, new ProductForm("Сыр твёрдый", "Hard cheese", "Сыр из молока",
                "Cheese from milk", Sector.FOOD_AGRICULTURE), null));

        List<FairStand> found = booking.as(dairy, () -> fair.map(new FairMapFilter("станков", null)));
        assertThat(matching(found)).contains(tools.number()).doesNotContain(milk.number());
        List<FairStand> byNumber = booking.as(dairy, () -> fair.map(new FairMapFilter(milk.number().toLowerCase(), null)));
        assertThat(matching(byNumber)).containsExactly(milk.number());
        List<FairStand> food = booking.as(toolMaker, () -> fair.map(new FairMapFilter(null, Sector.FOOD_AGRICULTURE)));
        assertThat(matching(food)).contains(milk.number()).doesNotContain(tools.number());
        assertThat(booking.as(toolMaker, () -> fair.map(FairMapFilter.everything()))).extracting(FairStand::number)
                .contains(tools.number(), milk.number());
    }

    @Test
    void the_map_is_for_forum_participants_only() {
        TestCompany pending = booking.pendingCompany();
        assertThatThrownBy(() -> booking.as(pending, () -> fair.map(FairMapFilter.everything())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(booking.as(pending, () -> fair.canVisit())).isFalse();
        assertThatThrownBy(() -> booking.as(pending, () -> fair.addZone("Павильон", "Hall")))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static List<String> matching(List<FairStand> stands) {
        return stands.stream().filter(FairStand::matches).map(FairStand::number).toList();
    }

    private String companyName(TestCompany company) {
        return jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
    }
}
