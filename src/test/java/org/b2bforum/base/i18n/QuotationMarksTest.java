package org.b2bforum.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/**
 * One rule for quotation marks in each language: Russian «ёлочки» (with „лапки“ inside them), English typographic
 * “double quotes” and the apostrophe ’. The English texts mixed straight and curly quotes, "this" beside “that” on one
 * page (ux85); a straight apostrophe is also MessageFormat's quoting character, which swallows the rest of a text
 * with arguments ({0}) after it.
 */
class QuotationMarksTest {

    @Test
    void english_texts_use_typographic_quotes_and_apostrophes() throws IOException {
        Map<String, String> english = load("vaadin-i18n/translations_en.properties");

        assertThat(matching(english, text -> text.matches("(?s).*[\"'«»„].*")))
                .as("English texts with straight quotes, straight apostrophes or Russian quotes").isEmpty();
        assertThat(matching(english, text -> !paired(text, '“', '”')))
                .as("English texts whose “ and ” do not pair").isEmpty();
        assertThat(matching(english, text -> text.contains("‘")))
                .as("English texts with single quotes (a quote is “double”, ’ is the apostrophe)").isEmpty();
    }

    @Test
    void russian_texts_use_guillemets() throws IOException {
        Map<String, String> russian = load("vaadin-i18n/translations_ru.properties");

        assertThat(matching(russian, text -> text.matches("(?s).*[\"'”‘’].*")))
                .as("Russian texts with straight or English quotes").isEmpty();
        assertThat(matching(russian, text -> !paired(text, '«', '»') || !paired(text, '„', '“')))
                .as("Russian texts whose « » or „ “ do not pair").isEmpty();
    }

    /** Every opening mark is closed before the next one opens, and the last one is closed. */
    static boolean paired(String text, char opening, char closing) {
        boolean open = false;
        for (char c : text.toCharArray()) {
            if (c == opening) {
                if (open) {
                    return false;
                }
                open = true;
            } else if (c == closing) {
                if (!open) {
                    return false;
                }
                open = false;
            }
        }
        return !open;
    }

    @Test
    void a_pair_opens_before_it_closes() {
        assertThat(paired("Remove “{0}”?", '“', '”')).isTrue();
        assertThat(paired("Remove ”{0}“?", '“', '”')).isFalse();
        assertThat(paired("Remove “{0}?", '“', '”')).isFalse();
        assertThat(paired("«{0}» и «{1}»", '«', '»')).isTrue();
    }

    private static Map<String, String> matching(Map<String, String> texts, Predicate<String> wrong) {
        Map<String, String> found = new TreeMap<>();
        texts.forEach((key, text) -> {
            if (wrong.test(text)) {
                found.put(key, text);
            }
        });
        return found;
    }

    private static Map<String, String> load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = QuotationMarksTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        Map<String, String> texts = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
        return texts;
    }
}
