package org.b2bforum.company.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.b2bforum.base.ui.TemplateText;
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

        String written = TemplateText.literal(hostile);

        assertThat(written).doesNotContain("<", ">", "\"", "'", "${", "`", "\\", "{requestText}");
        assertThat(written).isEqualTo("&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &#39;single&#39; &amp; "
                + "&#36;&#123;item.name&#125; &#96;back&#96; &#92; &#123;requestText&#125;");
        Map<String, String> texts = new HashMap<>(TEXTS);
        texts.put("messageText", hostile);
        assertThat(CompanyCard.template(texts)).contains(written + "</a>");
    }

    @Test
    void a_place_of_the_template_left_without_a_text_is_an_error_not_a_card_showing_its_name() {
        Map<String, String> texts = new HashMap<>(TEXTS);
        texts.remove("requestText");

        assertThatThrownBy(() -> CompanyCard.template(texts)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{requestText}");
        assertThat(CompanyCard.template(TEXTS)).as("the template literal's own ${...} are not places")
                .contains("@click=${star}", "@click=${request}");
    }
}
