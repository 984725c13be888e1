package org.b2bforum.company.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CompanyCardTest {

    private static final Map<String, String> TEXTS = Map.of("offersLabel", "Предлагает: ", "seeksLabel", "Ищет: ",
            "requestPrefix", "request-meeting-", "requestIcon", "vaadin:handshake", "requestText", "Назначить встречу",
            "messageText", "Написать");

    @Test
    void the_texts_of_the_page_are_written_into_the_template_once() {
        String template = CompanyCard.template(TEXTS);

        assertThat(template).contains("<span class=\"line-label\">Предлагает: </span>", "Ищет: ",
                "id=\"request-meeting-${item.cid}\"", "icon=\"vaadin:handshake\"", ">Назначить встречу</vaadin-button>",
                "Написать</a>", "href=\"companies/${item.cid}\"", "id=\"star-${item.cid}\"",
                "id=\"message-link-${item.cid}\"", "href=\"messages/${item.cid}\"");
        assertThat(template).doesNotContain("{offersLabel}", "{seeksLabel}", "{requestPrefix}", "{requestIcon}",
                "{requestText}", "{messageText}", "item.offersLabel", "item.requestText");
    }

    @Test
    void a_text_in_the_template_is_neither_markup_nor_code_of_the_template_literal() {
        String hostile = "<img src=x onerror=alert(1)> \"quoted\" 'single' & ${item.name} `back` \\ {requestText}";

        String written = CompanyCard.literal(hostile);

        assertThat(written).doesNotContain("<", ">", "\"", "'", "${", "`", "\\", "{requestText}");
        assertThat(written).isEqualTo("&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &#39;single&#39; &amp; "
                + "&#36;&#123;item.name&#125; &#96;back&#96; &#92; &#123;requestText&#125;");
        assertThat(CompanyCard.template(Map.of("messageText", hostile))).contains(written + "</a>");
    }
}
