package org.b2bforum.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransliterationTest {

    @Test
    void cyrillic_letters_are_spelled_in_latin_ones_and_everything_else_is_kept_in_lower_case() {
        assertThat(Transliteration.latin("Кузнецов Алексей")).isEqualTo("kuznetsov aleksey");
        assertThat(Transliteration.latin("Щёкина Юлия-Ўладзімір №1")).isEqualTo("shchekina yuliya-uladzimir №1");
        assertThat(Transliteration.latin("ООО «Мосдорсервис»")).isEqualTo("ooo «mosdorservis»");
        assertThat(Transliteration.latin("Anna Smirnova")).isEqualTo("anna smirnova");
    }

    @Test
    void two_spellings_of_one_name_share_a_search_form() {
        assertThat(Transliteration.searchForm("Алексей")).isEqualTo(Transliteration.searchForm("ALEXEY"));
        assertThat(Transliteration.searchForm("Кузнецов")).isEqualTo(Transliteration.searchForm("Kuznetsov"));
    }
}
