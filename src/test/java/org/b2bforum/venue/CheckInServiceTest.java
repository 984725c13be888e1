package org.b2bforum.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** Check-in at the door: idempotent, for organizers and staff only, and silent to everyone else. */
@ForumSpringTest
class CheckInServiceTest {

    @Autowired
    CheckInService checkIns;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;

    @Test
    void staff_check_a_delegate_in_once_and_a_second_scan_reports_the_first_time_and_who() {
        TestCompany company = booking.approvedCompany();
        String token = venue.badgeToken(company.firstDelegate());
        ForumUser staff = venue.staff();

        BookingFixture.logInAs(staff);
        BadgeHolder before = checkIns.find(token).orElseThrow();
        assertThat(before.fullName()).isEqualTo("Иван Петров");
        assertThat(before.position()).isEqualTo("Директор");
        assertThat(before.companyName()).startsWith("Тест ");
        assertThat(before.city()).isEqualTo("Москва");
        assertThat(before.checkedIn()).isFalse();

        CheckInResult first = checkIns.checkIn(token).orElseThrow();
        assertThat(first.firstTime()).isTrue();
        assertThat(first.holder().checkIn().byName()).isEqualTo(staff.displayName());
        assertThat(first.holder().checkIn().byUserId()).isEqualTo(staff.id());

        // a second scan, now by the organizer: nothing changes, the first check-in is reported
        TestData.logInAsOrganizer(accounts);
        CheckInResult second = checkIns.checkIn(token).orElseThrow();
        assertThat(second.firstTime()).isFalse();
        assertThat(second.holder().checkIn()).isEqualTo(first.holder().checkIn());
        assertThat(checkIns.find(token).orElseThrow().checkIn()).isEqualTo(first.holder().checkIn());
        assertThat(jdbc.queryForObject("select count(*) from delegate_check_in where delegate_id = ?", Integer.class,
                company.firstDelegate())).isEqualTo(1);
    }

    @Test
    void two_scans_at_the_same_moment_make_one_check_in() throws Exception {
        TestCompany company = booking.approvedCompany();
        String token = venue.badgeToken(company.firstDelegate());
        ForumUser door1 = venue.staff();
        ForumUser door2 = venue.staff();

        List<Object> outcomes = BookingFixture.simultaneously(List.<Callable<?>>of(
                () -> {
                    BookingFixture.logInAs(door1);
                    return checkIns.checkIn(token).orElseThrow();
                },
                () -> {
                    BookingFixture.logInAs(door2);
                    return checkIns.checkIn(token).orElseThrow();
                }));

        assertThat(outcomes).allMatch(CheckInResult.class::isInstance);
        List<CheckInResult> results = outcomes.stream().map(CheckInResult.class::cast).toList();
        assertThat(results).filteredOn(CheckInResult::firstTime).hasSize(1);
        assertThat(results.get(0).holder().checkIn()).isEqualTo(results.get(1).holder().checkIn());
    }

    @Test
    void company_users_delegates_and_anonymous_visitors_are_refused_and_learn_nothing() {
        TestCompany company = booking.approvedCompany();
        TestCompany other = booking.approvedCompany();
        String token = venue.badgeToken(company.firstDelegate());
        ForumUser delegate = venue.delegateAccount(company.firstDelegate());

        for (ForumUser user : List.of(company.user(), other.user(), delegate)) {
            BookingFixture.logInAs(user);
            assertThatThrownBy(() -> checkIns.find(token)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageNotContaining("Иван");
            assertThatThrownBy(() -> checkIns.checkIn(token)).isInstanceOf(AccessDeniedException.class);
            // an unknown token is refused the same way: a refusal tells nothing about the token
            assertThatThrownBy(() -> checkIns.find(Tokens.newToken())).isInstanceOf(AccessDeniedException.class);
            // the desk's search by name, its check-in by the delegate's id and its count are the venue's too
            assertThatThrownBy(() -> checkIns.search("Иван Петров", 20)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> checkIns.checkIn(company.firstDelegate()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> checkIns.count()).isInstanceOf(AccessDeniedException.class);
        }
        TestData.logOut();
        assertThatThrownBy(() -> checkIns.find(token)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> checkIns.checkIn(token)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> checkIns.search("Иван Петров", 20)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> checkIns.checkIn(company.firstDelegate()))
                .isInstanceOf(AuthenticationException.class);

        assertThat(jdbc.queryForObject("select count(*) from delegate_check_in where delegate_id = ?", Integer.class,
                company.firstDelegate())).as("nobody was checked in").isZero();
    }

    @Test
    void staff_learn_that_a_token_is_unknown() {
        BookingFixture.logInAs(venue.staff());
        assertThat(checkIns.find(Tokens.newToken())).isEmpty();
        assertThat(checkIns.checkIn(Tokens.newToken())).isEmpty();
        assertThat(checkIns.find("")).isEmpty();
        assertThat(checkIns.find("x".repeat(500))).isEmpty();
    }

    @Test
    void staff_are_told_not_to_admit_a_delegate_whose_company_is_no_longer_approved() {
        TestCompany company = booking.approvedCompany();
        String token = venue.badgeToken(company.firstDelegate());

        booking.withdrawApproval(company);

        BookingFixture.logInAs(venue.staff());
        assertThat(checkIns.find(token).orElseThrow().withdrawn()).isTrue();
        assertThatThrownBy(() -> checkIns.checkIn(token)).isInstanceOf(VenueRefusedException.class)
                .hasMessage("check-in.withdrawn");
        assertThat(jdbc.queryForObject("select count(*) from delegate_check_in where delegate_id = ?", Integer.class,
                company.firstDelegate())).isZero();
    }

    @Test
    void the_desk_finds_a_delegate_by_words_of_the_name_and_the_company_in_any_case_and_checks_them_in_by_name() {
        TestCompany company = booking.approvedCompany();
        TestCompany pending = booking.pendingCompany();
        String name = jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
        String pendingName = jdbc.queryForObject("select short_name from company where id = ?", String.class,
                pending.id());
        ForumUser staff = venue.staff();
        BookingFixture.logInAs(staff);

        // "SMIRNOVA anna" and the company's name: the words in any order and case, each in the name or the company
        List<BadgeHolder> found = checkIns.search("  SMIRNOVA   anna " + name + " ", 20);
        assertThat(found).extracting(BadgeHolder::delegateId).containsExactly(company.delegateIds().get(1));
        assertThat(found.getFirst().checkedIn()).isFalse();
        assertThat(checkIns.search(name, 20)).extracting(BadgeHolder::fullName)
                .containsExactly("Anna Smirnova", "Иван Петров");
        assertThat(checkIns.search("Пётр " + name, 20)).as("ё and е alike").extracting(BadgeHolder::fullName)
                .containsExactly("Иван Петров");
        // a pending company's people have no badge to admit them: not listed
        assertThat(checkIns.search(pendingName, 20)).isEmpty();
        // one letter lists nobody; LIKE's wildcards are letters like any other
        assertThat(checkIns.search("а", 20)).isEmpty();
        assertThat(checkIns.search(" ", 20)).isEmpty();
        assertThat(checkIns.search("%%", 20)).isEmpty();
        assertThat(checkIns.search("__ " + name, 20)).isEmpty();

        CheckInResult first = checkIns.checkIn(company.delegateIds().get(1)).orElseThrow();
        assertThat(first.firstTime()).isTrue();
        assertThat(first.holder().checkIn().byName()).isEqualTo(staff.displayName());
        assertThat(checkIns.search("Smirnova " + name, 20).getFirst().checkIn()).isEqualTo(first.holder().checkIn());
        // the same person checked in again, by name or by the badge: the first check-in stands
        TestData.logInAsOrganizer(accounts);
        assertThat(checkIns.checkIn(company.delegateIds().get(1)).orElseThrow().firstTime()).isFalse();
        assertThat(checkIns.checkIn(-1L)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from delegate_check_in where delegate_id = ?", Integer.class,
                company.delegateIds().get(1))).isEqualTo(1);
    }

    @Test
    void the_desk_finds_a_name_typed_in_the_other_script_latin_for_cyrillic_and_cyrillic_for_latin() {
        TestCompany company = booking.approvedCompany();
        String name = jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
        BookingFixture.logInAs(venue.staff());

        // "Иван Петров" typed at a desk with a Latin keyboard, and "Anna Smirnova" with a Russian one
        assertThat(checkIns.search("PETROV ivan " + name, 20)).extracting(BadgeHolder::fullName)
                .containsExactly("Иван Петров");
        assertThat(checkIns.search("Смирнова Анна " + name, 20)).extracting(BadgeHolder::fullName)
                .containsExactly("Anna Smirnova");
        // the company's name too, in Latin letters
        assertThat(checkIns.search("Petr " + org.b2bforum.base.text.Transliteration.latin(name), 20))
                .extracting(BadgeHolder::fullName).containsExactly("Иван Петров");
        assertThat(checkIns.search("Petrova " + name, 20)).isEmpty();
    }

    @Test
    void the_desk_finds_alexei_and_dmitry_however_their_names_are_spelled_in_latin_letters() {
        TestCompany company = booking.approvedCompany();
        String name = jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
        jdbc.update("update delegate set full_name = 'Алексей Кузнецов' where id = ?", company.delegateIds().get(0));
        jdbc.update("update delegate set full_name = 'Дмитрий Смирнов' where id = ?", company.delegateIds().get(1));
        BookingFixture.logInAs(venue.staff());

        // a passport's spelling, an everyday one, and one typed by a desk with an English keyboard
        for (String alexei : List.of("Aleksei", "Alexey", "Aleksey", "Alexei")) {
            assertThat(checkIns.search(alexei + " " + name, 20)).as(alexei).extracting(BadgeHolder::fullName)
                    .containsExactly("Алексей Кузнецов");
        }
        for (String dmitry : List.of("Dmitrii", "Dmitry", "Dmitriy", "dmitri")) {
            assertThat(checkIns.search(dmitry + " " + name, 20)).as(dmitry).extracting(BadgeHolder::fullName)
                    .containsExactly("Дмитрий Смирнов");
        }
        assertThat(checkIns.search("Dmitrieva " + name, 20)).isEmpty();
    }

    @Test
    void only_venue_staff_search_delegates_and_check_them_in_by_name_and_a_withdrawn_company_is_refused() {
        TestCompany company = booking.approvedCompany();
        String name = jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
        for (ForumUser user : List.of(company.user(), venue.delegateAccount(company.firstDelegate()))) {
            BookingFixture.logInAs(user);
            assertThatThrownBy(() -> checkIns.search(name, 20)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> checkIns.checkIn(company.firstDelegate())).isInstanceOf(AccessDeniedException.class);
        }
        TestData.logOut();
        assertThatThrownBy(() -> checkIns.search(name, 20)).isInstanceOf(AuthenticationException.class);

        booking.withdrawApproval(company);
        BookingFixture.logInAs(venue.staff());
        assertThatThrownBy(() -> checkIns.checkIn(company.firstDelegate())).isInstanceOf(VenueRefusedException.class)
                .hasMessage("check-in.withdrawn");
        assertThat(jdbc.queryForObject("select count(*) from delegate_check_in where delegate_id = ?", Integer.class,
                company.firstDelegate())).isZero();
    }

    /**
     * ux82: a badge's code typed at the desk lists its holder first, before the others its text finds by name (here the
     * code is also the company's name), and once; a withdrawn company's badge finds nobody, by its code or its name.
     */
    @Test
    void the_badges_code_lists_its_holder_first_among_the_name_matches_and_a_withdrawn_companys_code_finds_nobody() {
        TestCompany company = booking.approvedCompany();
        String code = venue.unusedBadgeCode('7');
        long ivan = company.delegateIds().get(0);
        String name = jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
        jdbc.update("update delegate set badge_code = ? where id = ?", code, ivan);
        jdbc.update("update company set short_name = ? where id = ?", code, company.id());
        BookingFixture.logInAs(venue.staff());

        assertThat(checkIns.search(code.toLowerCase(Locale.ROOT), 20))
                .as("by name Anna Smirnova comes first").extracting(BadgeHolder::delegateId)
                .containsExactly(ivan, company.delegateIds().get(1));
        assertThat(checkIns.search(code, 1)).extracting(BadgeHolder::delegateId).containsExactly(ivan);

        jdbc.update("update company set short_name = ? where id = ?", name, company.id());
        assertThat(checkIns.search(code, 20)).as("by the code alone").extracting(BadgeHolder::delegateId)
                .containsExactly(ivan);
        booking.withdrawApproval(company);
        assertThat(checkIns.search(code, 20)).isEmpty();
    }
}
