package org.b2bforum.company;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextAnalysisTest {

    @Test
    void word_forms_share_a_stem_and_stop_words_short_words_and_digits_are_told_apart_every_time() {
        for (int round = 0; round < 2; round++) {
            // the second round answers from what the first remembered: the same answers
            assertThat(TextAnalysis.stem("техника")).isEqualTo("техник");
            assertThat(TextAnalysis.stem("Техники")).isEqualTo("техник");
            assertThat(TextAnalysis.stem("технику")).isEqualTo("техник");
            assertThat(TextAnalysis.stem("rollers")).isEqualTo(TextAnalysis.stem("roller")).isEqualTo("roller");
            assertThat(TextAnalysis.stem("ёлки")).isEqualTo(TextAnalysis.stem("елки"));
            assertThat(TextAnalysis.stem("и")).isNull();
            assertThat(TextAnalysis.stem("не")).isNull();
            assertThat(TextAnalysis.stem("the")).isNull();
            assertThat(TextAnalysis.stem("x")).isNull();
            assertThat(TextAnalysis.stem("2026")).isEqualTo("2026");
            assertThat(TextAnalysis.stem("7")).isNull();
        }
    }

    @Test
    void a_search_for_a_word_whose_last_vowel_drops_out_also_looks_for_its_other_forms() {
        assertThat(TextAnalysis.searchQuery("каток")).isEqualTo("+(каток* катк*)");
        assertThat(TextAnalysis.searchQuery("станок")).isEqualTo("+(стано* станк*)");
        assertThat(TextAnalysis.searchQuery("катки")).isEqualTo("+катк*");
        assertThat(TextAnalysis.searchQuery("урок")).as("no vowel to lose: 'урк' is no form of it").isEqualTo("+урок*");
        assertThat(TextAnalysis.searchQuery("дорожная техника")).isEqualTo("+дорожн* +техни*");
    }

    @Test
    void a_searched_word_finds_its_other_forms_also_where_a_soft_sign_takes_the_dropped_vowels_place() {
        // "владелец" -> "владельцы", "палец" -> "пальцы", "уголёк" -> "угольки", "огонёк" -> "огоньки"; and as before
        // "каток" -> "катки", "образец" -> "образцы", "потолок" -> "потолки", "конец" -> "концы"
        String[][] forms = {{"владелец", "владельцев"}, {"палец", "пальцы"}, {"уголёк", "угольки"},
                {"огонёк", "огоньки"}, {"каток", "катки"}, {"образец", "образцы"}, {"потолок", "потолки"},
                {"конец", "концы"}, {"станок", "станков"}};
        for (String[] pair : forms) {
            // the index holds the stems of the profile's words; the query asks for prefixes of them ("+(a* b*)")
            String indexed = TextAnalysis.stem(pair[1]);
            assertThat(TextAnalysis.searchQuery(pair[0]).replaceAll("[+()]", "").split(" "))
                    .as("'%s' finds '%s' (indexed as '%s')", pair[0], pair[1], indexed)
                    .anyMatch(prefix -> indexed.startsWith(prefix.substring(0, prefix.length() - 1)));
        }
    }
}
