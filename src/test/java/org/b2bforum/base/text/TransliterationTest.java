package org.b2bforum.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

    @Test
    void the_passport_and_everyday_spellings_of_a_name_share_its_search_form() {
        String aleksei = Transliteration.searchForm("Алексей");
        assertThat(List.of("Aleksei", "Alexey", "Aleksey", "ALEKSEI", "Alexei")).allSatisfy(
                spelling -> assertThat(Transliteration.searchForm(spelling)).isEqualTo(aleksei));
        String dmitrii = Transliteration.searchForm("Дмитрий");
        assertThat(List.of("Dmitrii", "Dmitry", "Dmitriy", "DMITRI")).allSatisfy(
                spelling -> assertThat(Transliteration.searchForm(spelling)).isEqualTo(dmitrii));
        // я and ю as the passports spell them since 2010 ("ia", "iu") and as people write them ("ya", "yu")
        assertThat(Transliteration.searchForm("Наталья")).isEqualTo(Transliteration.searchForm("Natalia"))
                .isEqualTo(Transliteration.searchForm("Natalya"));
        assertThat(Transliteration.searchForm("Юрий")).isEqualTo(Transliteration.searchForm("Iurii"))
                .isEqualTo(Transliteration.searchForm("Yury"));
        // a part of a name typed at the desk is a part of the name's form
        assertThat(Transliteration.searchForm("Кузнецов Дмитрий Алексеевич"))
                .contains(Transliteration.searchForm("Dmitry")).contains(Transliteration.searchForm("Alexeevich"));
    }
}
