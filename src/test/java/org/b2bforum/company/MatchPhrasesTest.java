package org.b2bforum.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.b2bforum.demo.DemoCompanies;
import org.b2bforum.registration.RegistrationForm;
import org.junit.jupiter.api.Test;

/** The phrases a suggestion quotes from both companies' texts. */
class MatchPhrasesTest {

    private static final List<RegistrationForm> DEMO = DemoCompanies.all();

    @Test
    void a_hyphenated_word_is_quoted_whole_with_the_word_it_describes() {
        RegistrationForm maker = DemoCompanies.named("Дорстроймаш");
        RegistrationForm roads = DemoCompanies.named("Мосдорсервис");

        assertThat(MatchPhrases.of(maker.getOffers(), roads.getSeeks())).contains(
                new MatchPhrases.Pair("дорожно-строительную технику", "дорожно-строительную технику"));
        assertThat(MatchPhrases.of(maker.getSeeks(), roads.getOffers())).contains(
                new MatchPhrases.Pair("дорожно-эксплуатационные организации", "дорожной техники"));
    }

    @Test
    void words_of_one_clause_are_quoted_together_and_a_comma_ends_the_phrase() {
        assertThat(MatchPhrases.of("Поставляем дорожные катки и дорожные фрезы, а также запчасти.",
                "Закупаем катки, фрезы и дорожные катки с гарантией.")).contains(
                        new MatchPhrases.Pair("дорожные катки и дорожные фрезы", "фрезы и дорожные катки"));
    }

    @Test
    void a_lone_adjective_cut_off_from_its_noun_gives_way_to_the_noun() {
        RegistrationForm leasing = DemoCompanies.named("МосТехЛизинг");
        assertThat(leasing.getOffers()).startsWith("Лизинг дорожной, коммунальной и грузовой техники");

        assertThat(MatchPhrases.of(leasing.getOffers(), "Закупаем дорожно-строительную технику."))
                .contains(new MatchPhrases.Pair("грузовой техники", "дорожно-строительную технику"));
    }

    @Test
    void a_long_phrase_is_cut_at_a_word_with_an_ellipsis() {
        String theirs = "Поставляем грейдеры бульдозеры экскаваторы погрузчики катки асфальтоукладчики фрезы "
                + "ресайклеры и тягачи.";
        String mine = "Нужны грейдеры бульдозеры экскаваторы погрузчики катки асфальтоукладчики фрезы ресайклеры.";

        MatchPhrases.Pair pair = MatchPhrases.of(theirs, mine).orElseThrow();

        assertThat(pair.theirs()).startsWith("грейдеры бульдозеры").endsWith("…")
                .hasSizeLessThanOrEqualTo(MatchPhrases.MAX_CHARS + 1);
        assertWholeWordsOf(theirs, pair.theirs());
        assertWholeWordsOf(mine, pair.mine());
    }

    @Test
    void english_texts_are_quoted_as_phrases_too() {
        String theirs = "We make self-propelled road rollers and asphalt pavers, with spare parts from a Moscow "
                + "warehouse.";
        String mine = "Looking for asphalt pavers and road rollers for the city's road maintenance fleet.";

        MatchPhrases.Pair pair = MatchPhrases.of(theirs, mine).orElseThrow();

        assertThat(pair.theirs()).isEqualTo("road rollers and asphalt pavers");
        assertThat(pair.mine()).isEqualTo("asphalt pavers and road rollers");
    }

    @Test
    void texts_sharing_only_words_every_profile_uses_give_no_phrase() {
        assertThat(MatchPhrases.of("Предлагаем услуги и поставки продукции.", "Ищем поставщиков продукции."))
                .isEmpty();
    }

    /**
     * Every pair of demo companies, both ways round: whatever is quoted stands in that company's own
     * text, starts and ends at a word boundary and is words only, never a list glued with commas.
     */
    @Test
    void every_phrase_between_demo_profiles_is_whole_words_of_that_companys_own_text() {
        int quoted = 0;
        for (RegistrationForm me : DEMO) {
            for (RegistrationForm them : DEMO) {
                if (me == them) {
                    continue;
                }
                for (String[] texts : List.of(new String[] {them.getOffers(), me.getSeeks()},
                        new String[] {them.getSeeks(), me.getOffers()})) {
                    Optional<MatchPhrases.Pair> pair = MatchPhrases.of(texts[0], texts[1]);
                    if (pair.isPresent()) {
                        quoted++;
                        assertWholeWordsOf(texts[0], pair.get().theirs());
                        assertWholeWordsOf(texts[1], pair.get().mine());
                    }
                }
            }
        }
        assertThat(quoted).as("pairs with a phrase").isGreaterThan(1000);
    }

    private static void assertWholeWordsOf(String text, String phrase) {
        String words = phrase.endsWith("…") ? phrase.substring(0, phrase.length() - 1) : phrase;
        assertThat(words).as(phrase).matches("[\\p{L}\\p{Nd}]+([-\u2011'’ ][\\p{L}\\p{Nd}]+)*")
                .hasSizeLessThanOrEqualTo(MatchPhrases.MAX_CHARS);
        assertThat(text).contains(words);
        boolean atBoundaries = false;
        for (int at = text.indexOf(words); at >= 0 && !atBoundaries; at = text.indexOf(words, at + 1)) {
            int end = at + words.length();
            atBoundaries = (at == 0 || !isWordChar(text.charAt(at - 1)))
                    && (end == text.length() || !isWordChar(text.charAt(end)));
        }
        assertThat(atBoundaries).as("«%s» starts and ends at word boundaries of «%s»", words, text).isTrue();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || "-\u2011'’".indexOf(c) >= 0;
    }
}
