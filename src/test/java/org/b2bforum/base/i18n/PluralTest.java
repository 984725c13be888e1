package org.b2bforum.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class PluralTest {

    @Test
    void russian_counts_take_the_form_their_last_digits_ask_for() {
        assertThat(Stream.of(1, 21, 31, 101, 121, 1001, 2_521).map(n -> Plural.category(n, Languages.RUSSIAN)))
                .as("1 встреча, 21 встреча").containsOnly("one");
        assertThat(Stream.of(2, 3, 4, 22, 24, 102, 1_234, 2_522).map(n -> Plural.category(n, Languages.RUSSIAN)))
                .as("2-4 встречи, 22 встречи").containsOnly("few");
        assertThat(Stream.of(0, 5, 9, 10, 11, 12, 13, 14, 15, 19, 20, 25, 100, 111, 112, 114, 1_011, 2_500)
                .map(n -> Plural.category(n, Languages.RUSSIAN))).as("0, 5-20 встреч, 111 встреч").containsOnly("many");
    }

    @Test
    void english_counts_are_singular_for_one_alone() {
        assertThat(Plural.category(1, Locale.ENGLISH)).isEqualTo("one");
        assertThat(Stream.of(0, 2, 5, 11, 21, 101).map(n -> Plural.category(n, Locale.ENGLISH))).containsOnly("many");
    }

    @Test
    void a_message_key_names_the_form() {
        assertThat(Plural.key("figures.held", 21, Languages.RUSSIAN)).isEqualTo("figures.held.one");
        assertThat(Plural.key("figures.held", 21, Locale.ENGLISH)).isEqualTo("figures.held.many");
    }
}
