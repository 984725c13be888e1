package org.b2bforum.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void a_single_line_keeps_no_line_breaks_tabs_or_control_characters() {
        assertThat(Texts.singleLine("  ООО\r\n«Ромашка»\t \u0007 Минск\u2028\u202Eфилиал\u0000 "))
                .isEqualTo("ООО «Ромашка» Минск филиал");
        assertThat(Texts.singleLine("Иван  Петров")).isEqualTo("Иван Петров");
        assertThat(Texts.singleLine(null)).isNull();
    }

    @Test
    void multiple_lines_keep_their_breaks_and_lose_other_control_characters() {
        assertThat(Texts.multiLine(" Поставки\r\nзерна\rи\u2029муки\u0007\u0000\u202E.\tОпт \n"))
                .isEqualTo("Поставки\nзерна\nи\nмуки. Опт");
        assertThat(Texts.multiLine(null)).isNull();
    }

    @Test
    void a_like_pattern_contains_the_typed_text_with_its_wildcards_and_backslashes_matching_themselves() {
        assertThat(Texts.likeContaining("  50%_off\\ ")).isEqualTo("%50\\%\\_off\\\\%");
        assertThat(Texts.likeContaining(null)).isEqualTo("%%");
        assertThat(Texts.likeContaining("   ")).isEqualTo("%%");
    }
}
