package org.b2bforum.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A count written before its noun ("{1} meetings confirmed", "{0} посетителей") takes the noun's form from the count, so
 * its message has the {@link Plural} keys {@code .one}, {@code .few} and {@code .many}; or it says the count after the
 * noun ("meetings confirmed: {1}"), which needs no form. The report said "1 meetings", and "1 встреч" waited for a forum
 * with a limit of 21 (ux74).
 */
class CountedMessagesTest {

    /** A placeholder, perhaps one adjective, then a noun the product counts. */
    private static final String COUNT = "\\{\\d+(?:,number[^}]*)?\\}[\\s\\u00a0]+";
    private static final Pattern ENGLISH = Pattern.compile(COUNT
            + "(?:(?:more|fewer|new|free|active|other|confirmed|held|open)[\\s\\u00a0]+)?"
            + "(?:meetings?|compan(?:y|ies)|delegates?|breaks?|seconds?|hours?|minutes?|days?|characters?|stands?"
            + "|zones?|exhibitors?|leads?|visitors?|slots?|tables?|requests?|people|sessions?|items?|wish(?:es)?"
            + "|messages?|participants?|applications?|badges?|sectors?|cit(?:y|ies)|log-ins?|attendees?"
            + "|agreements?|pairs?|rows?)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern RUSSIAN = Pattern.compile(COUNT
            + "(?:(?:нов|свободн|подтверждённ|действующ|открыт|состоявш)[а-яё]*[\\s\\u00a0]+)?"
            + "(?:встреч|компани|участник|делегат|представител|перерыв|секунд|час(?:а|ов)?\\b|минут|дн(?:я|ей)\\b|день"
            + "|символ|знак|стенд|зон|экспонент|лид|посетител|слот|стол|запрос|человек|сесси|мероприяти|пожелани"
            + "|сообщени|заявк|бейдж|отрасл|город|договорённост|пар\\b)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern FORM = Pattern.compile("\\.(one|few|many)$");

    @Test
    void a_count_before_its_noun_has_the_plural_forms() throws IOException {
        Map<String, String> withoutForms = new TreeMap<>();
        withoutForms.putAll(countedWithoutForms("vaadin-i18n/translations_en.properties", ENGLISH));
        withoutForms.putAll(countedWithoutForms("vaadin-i18n/translations_ru.properties", RUSSIAN));
        assertThat(withoutForms).as("messages with a count before its noun and no .one/.few/.many keys").isEmpty();
    }

    @Test
    void a_counted_message_has_all_three_forms_in_both_languages() throws IOException {
        for (String file : List.of("vaadin-i18n/translations_en.properties", "vaadin-i18n/translations_ru.properties")) {
            Properties messages = load(file);
            assertThat(messages.stringPropertyNames()).filteredOn(key -> FORM.matcher(key).find())
                    .map(key -> FORM.matcher(key).replaceFirst(""))
                    .filteredOn(base -> List.of("one", "few", "many").stream()
                            .anyMatch(form -> messages.getProperty(base + "." + form) == null))
                    .as("counted messages of %s missing a form", file).isEmpty();
        }
    }

    @Test
    void the_walk_finds_what_it_looks_for() {
        // the patterns themselves: what read "1 meetings" and "1 посетителей", and what reads right with any count
        assertThat(ENGLISH.matcher("The leading pair of sectors is {0}: {1} meetings confirmed").find()).isTrue();
        assertThat(ENGLISH.matcher("your company has {1} active meetings").find()).isTrue();
        assertThat(RUSSIAN.matcher("собрано лидов: {2} от {3} посетителей").find()).isTrue();
        assertThat(RUSSIAN.matcher("предел в {0} встреч").find()).isTrue();
        assertThat(ENGLISH.matcher("Meetings requested: {0}; confirmed: {1}").find()).isFalse();
        assertThat(RUSSIAN.matcher("Стенд {0} или компанию только что закрепил").find()).isFalse();
        assertThat(RUSSIAN.matcher("не более {0} в минуту").find()).isFalse();
    }

    private static Map<String, String> countedWithoutForms(String file, Pattern counted) throws IOException {
        Properties messages = load(file);
        Map<String, String> found = new TreeMap<>();
        for (String key : messages.stringPropertyNames()) {
            String text = messages.getProperty(key);
            if (!FORM.matcher(key).find() && counted.matcher(text).find()) {
                found.put(key + " (" + file.substring(file.lastIndexOf('_') + 1, file.lastIndexOf('.')) + ")", text);
            }
        }
        return found;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CountedMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
