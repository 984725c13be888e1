package org.b2bforum.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.b2bforum.company.TestCompanies.sectors;
import static org.b2bforum.company.TestCompanies.uniqueWord;

import java.util.List;
import java.util.function.Consumer;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.TestCompanies.TestCompany;
import org.b2bforum.demo.DemoCompanies;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Suggested partners. The database holds every other test's companies too, so these tests only
 * assert the order of their own companies; a made-up product word makes sure no other company
 * matches the buyer's wish as well as the maker does.
 */
@ForumSpringTest
class RecommendationServiceTest {

    private static final int ALL = 150;

    @Autowired
    RecommendationService recommendations;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;

    @Autowired
    TestCompanies companies;
    String product;
    String service;
    TestCompany maker;
    TestCompany buyer;
    TestCompany competitor;
    TestCompany dairy;

    /** A Minsk maker of snow blowers, a Moscow utility that wants exactly those, and two others. */
    @BeforeEach
    void aMakerAndABuyer() {
        product = uniqueWord();
        service = uniqueWord();
        maker = companies.approved(Country.BY, makesSnowBlowers());
        buyer = companies.approved(Country.RU, f -> {
            f.setSectors(sectors(Sector.HOUSING_UTILITIES));
            f.setDescription("Управляющая компания: содержание жилых домов и придомовых территорий.");
            f.setOffers("Обслуживание придомовых территорий, " + service + ".");
            f.setSeeks("Ищем поставщиков снегоуборочных роторных машин " + product + " для уборки дворов.");
        });
        competitor = companies.approved(Country.BY, f -> {
            f.setSectors(sectors(Sector.ROAD_MUNICIPAL_MACHINERY));
            f.setDescription("Машиностроительный завод, горная техника.");
            f.setOffers("Роторные машины для карьеров и щебня.");
            f.setSeeks("Горнодобывающие предприятия.");
        });
        dairy = companies.approved(Country.RU, f -> {
            f.setSectors(sectors(Sector.FOOD_AGRICULTURE));
            f.setDescription("Молочный комбинат с собственными фермами.");
            f.setOffers("Молоко, кефир и сыры.");
            f.setSeeks("Торговые сети и кафе.");
        });
    }

    private Consumer<RegistrationForm> makesSnowBlowers() {
        return f -> {
            f.setSectors(sectors(Sector.ROAD_MUNICIPAL_MACHINERY));
            f.setDescription("Завод коммунальной техники полного цикла.");
            f.setOffers("Снегоуборочные роторные машины " + product + ", гарантия три года.");
            f.setSeeks("Заказчиков из жилищно-коммунального хозяйства, " + service + ".");
        };
    }

    private static List<Long> ids(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::companyId).toList();
    }

    private static Suggestion of(List<Suggestion> suggestions, TestCompany company) {
        return suggestions.stream().filter(s -> s.companyId() == company.id()).findFirst()
                .orElseThrow(() -> new AssertionError(company.shortName() + " is not suggested"));
    }

    @Test
    void the_buyer_is_offered_the_maker_first_and_told_which_words_match() {
        companies.logInAs(buyer);

        List<Suggestion> suggestions = recommendations.mySuggestions(ALL);

        assertThat(suggestions).first().satisfies(first -> {
            assertThat(first.companyId()).isEqualTo(maker.id());
            assertThat(first.shortName()).isEqualTo(maker.shortName());
            assertThat(first.city()).isEqualTo("Минск");
            assertThat(first.country()).isEqualTo(Country.BY);
            assertThat(first.score()).isBetween(1, 100);
            assertThat(first.reasons()).contains(
                    new Suggestion.Reason("suggestion.reason.they-offer",
                            List.of("Снегоуборочные роторные машины " + product,
                                    "снегоуборочных роторных машин " + product)),
                    new Suggestion.Reason("suggestion.reason.complementary-sectors",
                            List.of("ROAD_MUNICIPAL_MACHINERY")),
                    new Suggestion.Reason("suggestion.reason.other-side", List.of("Минск")));
            assertThat(first.reasons().getFirst().key()).isEqualTo("suggestion.reason.they-offer");
        });
    }

    @Test
    void a_partial_match_ranks_below_the_full_one_and_unrelated_companies_are_left_out() {
        companies.logInAs(buyer);

        List<Suggestion> suggestions = recommendations.mySuggestions(ALL);

        assertThat(ids(suggestions)).containsSubsequence(maker.id(), competitor.id())
                .doesNotContain(dairy.id(), buyer.id());
        assertThat(of(suggestions, competitor).score()).isLessThan(of(suggestions, maker).score());
        assertThat(of(suggestions, competitor).reasons()).contains(new Suggestion.Reason(
                "suggestion.reason.they-offer", List.of("Роторные машины", "роторных машин")));
        assertThat(suggestions).isSortedAccordingTo((a, b) -> Integer.compare(b.score(), a.score()));
    }

    @Test
    void the_maker_is_offered_the_buyer_because_the_buyer_seeks_what_it_makes() {
        companies.logInAs(maker);

        List<Suggestion> suggestions = recommendations.mySuggestions(ALL);

        assertThat(suggestions).first().satisfies(first -> {
            assertThat(first.companyId()).isEqualTo(buyer.id());
            assertThat(first.reasons()).contains(new Suggestion.Reason("suggestion.reason.they-seek",
                    List.of("снегоуборочных роторных машин " + product,
                            "Снегоуборочные роторные машины " + product)));
            assertThat(first.reasons()).contains(new Suggestion.Reason("suggestion.reason.other-side",
                    List.of("Москва")));
        });
    }

    /**
     * The demo's road machinery maker and Moscow road service, whose reasons used to read «дорожной»
     * and «дорожно, технику»: each side is now quoted in phrases of its own text.
     */
    @Test
    void reasons_quote_phrases_of_each_companys_own_text_not_stems() {
        RegistrationForm makerDemo = DemoCompanies.named("Дорстроймаш");
        RegistrationForm roadsDemo = DemoCompanies.named("Мосдорсервис");
        TestCompany roadMaker = companies.approved(Country.BY, f -> copyTexts(makerDemo, f));
        TestCompany roadService = companies.approved(Country.RU, f -> copyTexts(roadsDemo, f));
        companies.logInAs(roadService);

        Suggestion suggestion = of(recommendations.mySuggestions(ALL), roadMaker);

        assertThat(suggestion.reasons()).contains(
                new Suggestion.Reason("suggestion.reason.they-offer",
                        List.of("дорожно-строительную технику", "дорожно-строительную технику")),
                new Suggestion.Reason("suggestion.reason.they-seek",
                        List.of("дорожно-эксплуатационные организации", "дорожной техники")));
        assertThat(roadsDemo.getSeeks()).contains("закупаем дорожно-строительную технику:");
        assertThat(makerDemo.getSeeks()).contains(" дорожно-эксплуатационные организации ");
    }

    private static void copyTexts(RegistrationForm demo, RegistrationForm form) {
        form.setSectors(demo.getSectors());
        form.setDescription(demo.getDescription());
        form.setOffers(demo.getOffers());
        form.setSeeks(demo.getSeeks());
    }

    @Test
    void the_limit_cuts_the_list() {
        companies.logInAs(buyer);

        assertThat(ids(recommendations.mySuggestions(1))).containsExactly(maker.id());
    }

    @Test
    void companies_that_are_not_approved_are_never_suggested() {
        TestCompany pending = companies.pending(Country.BY, makesSnowBlowers());
        TestCompany rejected = companies.rejected(Country.BY, makesSnowBlowers());
        TestCompany changesRequested = companies.changesRequested(Country.BY, makesSnowBlowers());
        companies.logInAs(buyer);

        assertThat(ids(recommendations.mySuggestions(ALL)))
                .doesNotContain(pending.id(), rejected.id(), changesRequested.id());

        companies.asOrganizer(() -> registrations.approve(pending.id()));
        List<Long> afterApproval = ids(recommendations.mySuggestions(ALL));
        assertThat(afterApproval.subList(0, 2)).as("once approved, it is")
                .containsExactlyInAnyOrder(maker.id(), pending.id());
        assertThat(afterApproval).doesNotContain(rejected.id(), changesRequested.id());
    }

    @Test
    void a_company_cannot_ask_for_another_companys_suggestions() {
        companies.logInAs(buyer);

        assertThatThrownBy(() -> recommendations.suggestionsFor(maker.id(), ALL))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(recommendations.suggestionsFor(buyer.id(), ALL))
                .isEqualTo(recommendations.mySuggestions(ALL));
    }

    @Test
    void an_organizer_may_ask_for_any_companys_suggestions_but_has_none_of_its_own() {
        companies.logInAsOrganizer();

        assertThat(ids(recommendations.suggestionsFor(buyer.id(), ALL))).first().isEqualTo(maker.id());
        assertThat(ids(recommendations.suggestionsFor(maker.id(), ALL))).first().isEqualTo(buyer.id());
        assertThatThrownBy(() -> recommendations.mySuggestions(ALL)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_company_that_is_not_approved_gets_no_suggestions() {
        TestCompany pending = companies.pending(Country.RU, f -> f.setSeeks(buyer.form().getSeeks()));
        companies.logInAs(pending);

        assertThatThrownBy(() -> recommendations.mySuggestions(ALL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> recommendations.suggestionsFor(pending.id(), ALL))
                .isInstanceOf(AccessDeniedException.class);
    }
}
