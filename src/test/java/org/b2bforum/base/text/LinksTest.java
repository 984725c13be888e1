package org.b2bforum.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void http_and_https_addresses_become_links_without_the_punctuation_after_them() {
        List<Links.Segment> segments = Links.segments("Презентация: https://disk.example.ru/a?b=1. И http://x.by)");
        assertThat(segments).extracting(Links.Segment::text)
                .containsExactly("Презентация: ", "https://disk.example.ru/a?b=1", ". И ", "http://x.by", ")");
        assertThat(segments.get(1).link().toString()).isEqualTo("https://disk.example.ru/a?b=1");
    }

    @Test
    void script_and_markup_stay_plain_text() {
        List<Links.Segment> segments = Links.segments(
                "javascript:alert(1) <a href=\"https://evil.example\">x</a> data:text/html,<b>");
        assertThat(segments).filteredOn(Links.Segment::isLink).extracting(s -> s.link().toString())
                .containsExactly("https://evil.example");
        assertThat(String.join("", segments.stream().map(Links.Segment::text).toList()))
                .isEqualTo("javascript:alert(1) <a href=\"https://evil.example\">x</a> data:text/html,<b>");
        assertThat(Links.segments("https://user:pw@bank.example/")).noneMatch(Links.Segment::isLink);
    }
}
