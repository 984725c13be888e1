package org.b2bforum.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void empty_too_long_and_control_characters_are_refused_with_their_reason() {
        assertThatThrownBy(() -> MessageText.normalized("  \n ")).hasMessage("messages.error.empty");
        assertThatThrownBy(() -> MessageText.normalized(null)).hasMessage("messages.error.empty");
        assertThatThrownBy(() -> MessageText.normalized("я".repeat(2001))).hasMessage("messages.error.too-long");
        assertThatThrownBy(() -> MessageText.normalized("bell\u0007")).hasMessage("messages.error.control-characters");
        assertThatThrownBy(() -> MessageText.normalized("right\u202Eto left"))
                .hasMessage("messages.error.control-characters");
    }

    @Test
    void line_breaks_tabs_and_emoji_are_kept_and_the_text_trimmed() {
        assertThat(MessageText.normalized(" Добрый день!\r\n\tСм. план 👍 ")).isEqualTo("Добрый день!\n\tСм. план 👍");
        assertThat(MessageText.normalized("я".repeat(2000))).hasSize(2000);
    }

    @Test
    void http_and_https_addresses_become_links_without_the_punctuation_after_them() {
        List<MessageText.Segment> segments = MessageText.segments("Презентация: https://disk.example.ru/a?b=1. И http://x.by)");
        assertThat(segments).extracting(MessageText.Segment::text)
                .containsExactly("Презентация: ", "https://disk.example.ru/a?b=1", ". И ", "http://x.by", ")");
        assertThat(segments.get(1).link().toString()).isEqualTo("https://disk.example.ru/a?b=1");
    }

    @Test
    void script_and_markup_stay_plain_text() {
        List<MessageText.Segment> segments = MessageText.segments(
                "javascript:alert(1) <a href=\"https://evil.example\">x</a> data:text/html,<b>");
        assertThat(segments).filteredOn(MessageText.Segment::isLink).extracting(s -> s.link().toString())
                .containsExactly("https://evil.example");
        assertThat(String.join("", segments.stream().map(MessageText.Segment::text).toList()))
                .isEqualTo("javascript:alert(1) <a href=\"https://evil.example\">x</a> data:text/html,<b>");
        assertThat(MessageText.segments("https://user:pw@bank.example/")).noneMatch(MessageText.Segment::isLink);
    }
}
