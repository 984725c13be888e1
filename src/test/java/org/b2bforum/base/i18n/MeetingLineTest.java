package org.b2bforum.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A stored meeting line's place, put in the reader's words where it is shown. */
class MeetingLineTest {

    private static final Map<String, String> RU = Map.of("meetings.hall-table", "{0}, стол № {1}",
            "meetings.at-stand.short", "Стенд {0}, {1}");
    private static final Map<String, String> EN = Map.of("meetings.hall-table", "{0}, table {1}",
            "meetings.at-stand.short", "Stand {0}, {1}");

    private static String inWords(String line, Locale locale, Map<String, String> words) {
        return MeetingLine.inWords(line, locale, (key, params) -> new MessageFormat(words.get(key), locale).format(params));
    }

    @Test
    void a_table_and_a_stand_read_in_the_readers_language_also_in_a_list_of_lines() {
        String table = "18.09 10:00 · Дорстроймаш — Мосдорсервис · " + MeetingLine.place("Зал переговоров А", null, 26);
        String stand = "18.09 10:20 · А — Б · " + MeetingLine.stand("B-14", "Павильон B", "Pavilion B");
        assertThat(table).endsWith("Зал переговоров А №26");

        assertThat(inWords(table, Languages.ENGLISH, EN)).isEqualTo(
                "18.09 10:00 · Дорстроймаш — Мосдорсервис · Зал переговоров А, table 26");
        assertThat(inWords(table + "; " + stand, Languages.RUSSIAN, RU)).isEqualTo(
                "18.09 10:00 · Дорстроймаш — Мосдорсервис · Зал переговоров А, стол № 26; 18.09 10:20 · А — Б · "
                        + "Стенд B-14, Павильон B");
        assertThat(inWords(stand, Languages.ENGLISH, EN)).isEqualTo("18.09 10:20 · А — Б · Stand B-14, Pavilion B");
        assertThat(inWords("18.09 10:20 · А — Б · " + MeetingLine.stand("A-1", "Холл", "Холл"), Languages.ENGLISH, EN))
                .isEqualTo("18.09 10:20 · А — Б · Stand A-1, Холл");
    }

    @Test
    void a_hall_with_an_english_name_is_stored_in_both_languages_and_read_in_the_readers() {
        String table = "18.09 10:00 · Дорстроймаш — Мосдорсервис · "
                + MeetingLine.place("Зал переговоров А", "Negotiation Hall A", 26);
        String request = "18.09 10:20 · А — Б · " + MeetingLine.place("Зал переговоров А", "Negotiation Hall A", null);
        assertThat(table).endsWith("Зал переговоров А/Negotiation Hall A №26");
        assertThat(request).endsWith("Зал переговоров А/Negotiation Hall A");

        assertThat(inWords(table, Languages.ENGLISH, EN)).endsWith(" · Negotiation Hall A, table 26");
        assertThat(inWords(table, Languages.RUSSIAN, RU)).endsWith(" · Зал переговоров А, стол № 26");
        assertThat(inWords(request + "; " + table, Languages.ENGLISH, EN)).isEqualTo(
                "18.09 10:20 · А — Б · Negotiation Hall A; 18.09 10:00 · Дорстроймаш — Мосдорсервис · "
                        + "Negotiation Hall A, table 26");
        assertThat(inWords(request, Languages.RUSSIAN, RU)).isEqualTo("18.09 10:20 · А — Б · Зал переговоров А");
        // the same name twice is stored once, as a hall without an English name always was
        assertThat(MeetingLine.place("Hall 1", "Hall 1", 3)).isEqualTo("Hall 1 №3");
    }

    @Test
    void a_slash_or_a_number_sign_in_a_name_is_read_as_part_of_it() {
        String line = "18.09 10:00 · А — Б · ";
        // without an English name: "Зал 1/2" was read as "Зал 1" in Russian and "2" in English
        assertThat(inWords(line + MeetingLine.place("Зал 1/2", null, 3), Languages.ENGLISH, EN))
                .isEqualTo(line + "Зал 1/2, table 3");
        assertThat(inWords(line + MeetingLine.place("Зал 1/2", null, 3), Languages.RUSSIAN, RU))
                .isEqualTo(line + "Зал 1/2, стол № 3");
        assertThat(inWords(line + MeetingLine.place("Зал 1/2", null, null), Languages.ENGLISH, EN))
                .isEqualTo(line + "Зал 1/2");
        assertThat(inWords(line + MeetingLine.place("Зал 1/2", "Hall 1/2", 3), Languages.ENGLISH, EN))
                .isEqualTo(line + "Hall 1/2, table 3");
        assertThat(inWords(line + MeetingLine.place("Зал 1/2", "Hall 1/2", null), Languages.RUSSIAN, RU))
                .isEqualTo(line + "Зал 1/2");
        // a request in a hall with "№" in its name: "Зал №2" was read as "Зал, table 2", and with its English name
        // it was shown as stored, both names, to either reader
        assertThat(inWords(line + MeetingLine.place("Зал №2", null, null), Languages.ENGLISH, EN))
                .isEqualTo(line + "Зал №2");
        assertThat(inWords(line + MeetingLine.place("Зал №2", "Hall №2", null), Languages.ENGLISH, EN))
                .isEqualTo(line + "Hall №2");
        assertThat(inWords(line + MeetingLine.place("Зал №2", "Hall №2", 5), Languages.RUSSIAN, RU))
                .isEqualTo(line + "Зал №2, стол № 5");
        assertThat(inWords(line + MeetingLine.place("Зал №2", "Hall No. 2", null), Languages.ENGLISH, EN))
                .isEqualTo(line + "Hall No. 2");
        assertThat(inWords(line + MeetingLine.place("Зал №2", "Hall No. 2", null), Languages.RUSSIAN, RU))
                .isEqualTo(line + "Зал №2");
        // a stand's number and a zone without an English name
        assertThat(inWords(line + MeetingLine.stand("B-14/2", "Павильон A/B", null), Languages.ENGLISH, EN))
                .isEqualTo(line + "Stand B-14/2, Павильон A/B");
        assertThat(inWords(line + MeetingLine.stand("B-14/2", "Павильон A/B", "Pavilion A/B"), Languages.ENGLISH, EN))
                .isEqualTo(line + "Stand B-14/2, Pavilion A/B");
    }

    @Test
    void a_hall_without_a_table_and_other_text_stay_as_they_are() {
        String noTable = "18.09 10:00 · А — Б · " + MeetingLine.place("Зал A", null, null);
        assertThat(inWords(noTable, Languages.ENGLISH, EN)).isEqualTo(noTable);
        assertThat(inWords("Поставка №5 · договор", Languages.ENGLISH, EN)).isEqualTo("Поставка №5 · договор");
        assertThat(inWords(null, Languages.ENGLISH, EN)).isNull();
    }
}
