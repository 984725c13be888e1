package org.b2bforum.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.b2bforum.company.TestCompanies.uniqueWord;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.TestCompanies.TestCompany;
import org.b2bforum.registration.FieldError;
import org.b2bforum.registration.InvalidRegistrationException;
import org.b2bforum.registration.RegistrationDetails;
import org.b2bforum.registration.RegistrationEventType;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationHistoryEntry;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.registration.RegistrationStateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** An approved company edits its profile and keeps its shortlist; neither ever touches another company. */
@ForumSpringTest
class ProfileEditingTest {

    @Autowired
    RegistrationService registrations;
    @Autowired
    DirectoryService directory;
    @Autowired
    ShortlistService shortlist;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestCompanies companies;

    private RegistrationDetails details(TestCompany company) {
        RegistrationDetails[] details = new RegistrationDetails[1];
        companies.asOrganizer(() -> details[0] = registrations.details(company.id()));
        return details[0];
    }

    private List<RegistrationHistoryEntry> history(TestCompany company) {
        @SuppressWarnings("unchecked")
        List<RegistrationHistoryEntry>[] history = new List[1];
        companies.asOrganizer(() -> history[0] = registrations.history(company.id()));
        return history[0];
    }

    private String searchText(TestCompany company) {
        return jdbc.queryForObject("select all_stems from company_search where company_id = ?", String.class,
                company.id());
    }

    /** What another approved company finds when it searches for the word. */
    private List<Long> foundBySomeoneElse(String word) {
        List<Long>[] found = new List[1];
        companies.asOrganizer(() -> found[0] = directory.search(DirectoryQuery.everything().withText(word),
                PageRequest.of(0, 50)).stream().map(DirectoryEntry::id).toList());
        return found[0];
    }

    static Stream<Arguments> changesNeedingApproval() {
        return Stream.of(
                Arguments.of("a new full name", (Consumer<RegistrationForm>) f -> f.setFullName(
                        "ООО «Переименованная " + TestData.unique() + "»")),
                Arguments.of("a new short name", (Consumer<RegistrationForm>) f -> f.setShortName(
                        "Переименованная " + TestData.unique())),
                Arguments.of("a new tax number", (Consumer<RegistrationForm>) f -> f.setTaxNumber(
                        TestData.uniqueInn())));
    }

    @Nested
    class EditingTheProfile {

        TestCompany mine;
        TestCompany other;
        String oldWord;

        @BeforeEach
        void twoApprovedCompanies() {
            oldWord = uniqueWord();
            mine = companies.approved(Country.RU, f -> f.setOffers("Поставляем " + oldWord + " со склада."));
            other = companies.approved(Country.RU);
        }

        @Test
        void an_edit_changes_only_the_logged_in_company() {
            RegistrationDetails otherBefore = details(other);
            String otherIndexBefore = searchText(other);
            int otherHistoryBefore = history(other).size();
            companies.logInAs(mine);
            RegistrationForm form = registrations.myApplicationForm();
            form.setDescription("Совсем новое описание нашей компании и её продукции.");
            form.setOffers("Новое предложение для партнёров.");
            form.setCity("Казань");
            form.getDelegates().get(0).setPhone("+7 843 000 00 00");

            registrations.updateProfile(form);

            RegistrationDetails mineAfter = details(mine);
            assertThat(mineAfter.description()).isEqualTo("Совсем новое описание нашей компании и её продукции.");
            assertThat(mineAfter.offers()).isEqualTo("Новое предложение для партнёров.");
            assertThat(mineAfter.city()).isEqualTo("Казань");
            assertThat(mineAfter.delegates().get(0).phone()).isEqualTo("+7 843 000 00 00");
            assertThat(details(other)).isEqualTo(otherBefore);
            assertThat(searchText(other)).isEqualTo(otherIndexBefore);
            assertThat(history(other)).hasSize(otherHistoryBefore);
        }

        @Test
        void a_company_cannot_take_over_another_companys_tax_number() {
            RegistrationDetails mineBefore = details(mine);
            RegistrationDetails otherBefore = details(other);
            companies.logInAs(mine);
            RegistrationForm form = registrations.myApplicationForm();
            form.setTaxNumber(otherBefore.taxNumber());
            form.setShortName(otherBefore.shortName());

            InvalidRegistrationException refused = catchThrowableOfType(InvalidRegistrationException.class,
                    () -> registrations.updateProfile(form));

            assertThat(refused.errors()).containsExactly(new FieldError("taxNumber", "validation.tax-number.taken"));
            assertThat(details(mine)).isEqualTo(mineBefore);
            assertThat(details(other)).isEqualTo(otherBefore);
        }

        @Test
        void a_new_description_applies_at_once_and_the_company_stays_approved() {
            String newWord = uniqueWord();
            companies.logInAs(mine);
            RegistrationForm form = registrations.myApplicationForm();
            form.setDescription("Теперь мы делаем " + newWord + " для всех отраслей.");
            form.setOffers("Поставляем комплектующие со склада.");

            boolean needsApproval = registrations.updateProfile(form);

            assertThat(needsApproval).isFalse();
            assertThat(details(mine).status()).isEqualTo(RegistrationStatus.APPROVED);
            assertThat(history(mine)).last().satisfies(entry -> {
                assertThat(entry.type()).isEqualTo(RegistrationEventType.PROFILE_UPDATED);
                assertThat(entry.actorName()).isEqualTo(mine.loginEmail());
            });
            assertThat(foundBySomeoneElse(newWord)).as("the search index follows").containsExactly(mine.id());
            assertThat(foundBySomeoneElse(oldWord)).isEmpty();
            companies.logInAs(other);
            assertThat(directory.profile(mine.id()).description())
                    .isEqualTo("Теперь мы делаем " + newWord + " для всех отраслей.");
        }

        /**
         * mend53a: before, a new name or tax number sent the company back to PENDING, out of the directory, its
         * meetings, badges and check-in, until the office approved it again: on the forum day a typo fix locked its
         * delegation out. Now it is a proposal for the office, and the approved values stand meanwhile.
         */
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.b2bforum.company.ProfileEditingTest#changesNeedingApproval")
        void a_new_name_or_tax_number_goes_to_the_office_and_the_company_stays_approved_and_in_the_directory(
                String change, Consumer<RegistrationForm> edit) {
            RegistrationDetails before = details(mine);
            companies.logInAs(mine);
            RegistrationForm form = registrations.myApplicationForm();
            edit.accept(form);

            boolean proposed = registrations.updateProfile(form);

            assertThat(proposed).isTrue();
            RegistrationDetails after = details(mine);
            assertThat(after.status()).isEqualTo(RegistrationStatus.APPROVED);
            assertThat(List.of(after.fullName(), after.shortName(), after.taxNumber()))
                    .as("the approved values stand until the office decides")
                    .isEqualTo(List.of(before.fullName(), before.shortName(), before.taxNumber()));
            assertThat(history(mine)).extracting(RegistrationHistoryEntry::type).endsWith(
                    RegistrationEventType.IDENTITY_CHANGE_PROPOSED, RegistrationEventType.PROFILE_UPDATED);
            assertThat(foundBySomeoneElse(oldWord)).containsExactly(mine.id());
            companies.logInAs(mine);
            assertThat(directory.search(DirectoryQuery.everything(), PageRequest.of(0, 1))).isNotNull();
            companies.logInAs(other);
            assertThat(directory.profile(mine.id()).shortName()).isEqualTo(before.shortName());
        }

        @Test
        void the_same_name_written_with_spaces_around_it_is_no_new_name() {
            companies.logInAs(mine);
            RegistrationForm form = registrations.myApplicationForm();
            form.setShortName("  " + form.getShortName() + " ");
            form.setTaxNumber(" " + form.getTaxNumber() + " ");

            assertThat(registrations.updateProfile(form)).isFalse();
            assertThat(details(mine).status()).isEqualTo(RegistrationStatus.APPROVED);
        }

        @Test
        void an_invalid_edit_changes_nothing() {
            RegistrationDetails before = details(mine);
            companies.logInAs(mine);
            RegistrationForm form = registrations.myApplicationForm();
            form.setShortName("Новое имя " + TestData.unique());
            form.setDescription("Коротко");

            InvalidRegistrationException refused = catchThrowableOfType(InvalidRegistrationException.class,
                    () -> registrations.updateProfile(form));

            assertThat(refused.errors()).containsExactly(new FieldError("description", "validation.too-short"));
            assertThat(details(mine)).isEqualTo(before);
        }

        @Test
        void an_edit_without_a_name_is_refused_field_by_field() {
            RegistrationDetails before = details(mine);
            companies.logInAs(mine);
            RegistrationForm form = registrations.myApplicationForm();
            form.setFullName(null);
            form.setShortName(null);

            InvalidRegistrationException refused = catchThrowableOfType(InvalidRegistrationException.class,
                    () -> registrations.updateProfile(form));

            assertThat(refused.errors()).containsExactlyInAnyOrder(
                    new FieldError("fullName", "validation.required"),
                    new FieldError("shortName", "validation.required"));
            assertThat(details(mine)).isEqualTo(before);
        }

        @Test
        void a_company_that_is_not_approved_cannot_edit_a_profile() {
            TestCompany pending = companies.pending(Country.BY);
            companies.logInAs(pending);
            RegistrationForm form = registrations.myApplicationForm();
            form.setDescription("Описание, которое ещё никто не проверил.");

            assertThatThrownBy(() -> registrations.updateProfile(form))
                    .isInstanceOfSatisfying(RegistrationStateException.class,
                            e -> assertThat(e.key()).isEqualTo("registration.error.not-approved"));
        }

        @Test
        void organizers_have_no_profile_to_edit() {
            RegistrationForm form = TestData.registrationForm();
            companies.logInAsOrganizer();

            assertThatThrownBy(() -> registrations.updateProfile(form)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    class Shortlist {

        TestCompany alice;
        TestCompany xavier;
        TestCompany b;
        TestCompany c;
        TestCompany d;

        @BeforeEach
        void companies() {
            alice = companies.approved(Country.RU);
            xavier = companies.approved(Country.BY);
            b = companies.approved(Country.BY);
            c = companies.approved(Country.BY);
            d = companies.approved(Country.RU);
        }

        private List<Long> myShortlist() {
            return directory.search(DirectoryQuery.everything().shortlisted(), PageRequest.of(0, 50)).stream()
                    .map(DirectoryEntry::id).toList();
        }

        private long shortlistRows(TestCompany owner) {
            return jdbc.queryForObject("select count(*) from shortlist_entry where company_id = ?", Long.class,
                    owner.id());
        }

        @Test
        void a_shortlist_belongs_to_the_logged_in_company() {
            companies.logInAs(alice);
            shortlist.star(b.id());
            shortlist.star(c.id());
            companies.logInAs(xavier);
            shortlist.star(d.id());
            shortlist.star(b.id());

            assertThat(myShortlist()).containsExactlyInAnyOrder(b.id(), d.id());
            assertThat(directory.count(DirectoryQuery.everything().shortlisted())).isEqualTo(2);
            companies.logInAs(alice);
            assertThat(myShortlist()).containsExactlyInAnyOrder(b.id(), c.id());
            companies.logInAs(d);
            assertThat(myShortlist()).isEmpty();
        }

        @Test
        void unstarring_leaves_other_companies_shortlists_alone() {
            companies.logInAs(alice);
            shortlist.star(b.id());
            companies.logInAs(xavier);
            shortlist.star(b.id());

            companies.logInAs(alice);
            shortlist.unstar(b.id());
            shortlist.unstar(d.id());

            assertThat(myShortlist()).isEmpty();
            assertThat(directory.profile(b.id()).starred()).isFalse();
            companies.logInAs(xavier);
            assertThat(myShortlist()).containsExactly(b.id());
            assertThat(directory.profile(b.id()).starred()).isTrue();
            assertThat(directory.search(DirectoryQuery.everything().shortlisted(), PageRequest.of(0, 5)))
                    .singleElement().satisfies(entry -> assertThat(entry.starred()).isTrue());
        }

        @Test
        void starring_twice_keeps_one_star() {
            companies.logInAs(alice);
            shortlist.star(b.id());
            shortlist.star(b.id());

            assertThat(shortlistRows(alice)).isOne();
            assertThat(myShortlist()).containsExactly(b.id());
        }

        @Test
        void a_company_cannot_star_itself_or_a_company_that_is_not_approved() {
            TestCompany pending = companies.pending(Country.RU);
            TestCompany rejected = companies.rejected(Country.RU);
            companies.logInAs(alice);

            for (long target : new long[] {alice.id(), pending.id(), rejected.id(), Long.MAX_VALUE}) {
                assertThatThrownBy(() -> shortlist.star(target)).isInstanceOf(CompanyNotFoundException.class);
            }
            assertThat(shortlistRows(alice)).isZero();
        }

        @Test
        void organizers_and_companies_that_are_not_approved_have_no_shortlist() {
            TestCompany pending = companies.pending(Country.RU);

            companies.logInAsOrganizer();
            assertThatThrownBy(() -> shortlist.star(b.id())).isInstanceOf(AccessDeniedException.class);
            companies.logInAs(pending);
            assertThatThrownBy(() -> shortlist.star(b.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> shortlist.unstar(b.id())).isInstanceOf(AccessDeniedException.class);
            assertThat(shortlistRows(pending)).isZero();
        }

        @Test
        void a_starred_company_whose_approval_is_withdrawn_leaves_the_shortlist() {
            companies.logInAs(alice);
            shortlist.star(b.id());
            shortlist.star(c.id());
            companies.logInAsOrganizer();
            registrations.withdrawApproval(b.id(), "Компания не участвует в форуме");

            companies.logInAs(alice);

            assertThat(myShortlist()).containsExactly(c.id());
        }
    }
}
