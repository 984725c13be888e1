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
}
