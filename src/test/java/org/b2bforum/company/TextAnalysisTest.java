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
}
