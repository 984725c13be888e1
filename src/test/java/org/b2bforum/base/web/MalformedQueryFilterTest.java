package org.b2bforum.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class MalformedQueryFilterTest {

    final MalformedQueryFilter filter = new MalformedQueryFilter();

    @Test
    void a_query_tomcat_cannot_decode_gets_the_forums_page_with_400_and_goes_no_further() throws Exception {
        for (String query : new String[] {"lang=%ZZ", "lang=%", "q=%D0", "q=%D0%9C%D0", "q=%C0%AF", "q=%F0%9F%98",
                "q=%٣٣"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/calendar/abc.ics");
            request.setQueryString(query);
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(request, response, chain);

            assertThat(response.getStatus()).as(query).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("text/html");
            assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("Страница не открылась", "The page could not be opened");
            assertThat(chain.getRequest()).as(query + " not passed on").isNull();
        }
    }

    @Test
    void well_formed_queries_pass_russian_words_emoji_plus_signs_and_none_at_all() throws Exception {
        for (String query : new String[] {null, "", "lang=en", "q=%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0",
                "q=%F0%9F%98%80+%25+a", "v-r=uidl&v-uiId=0", "day=2026-09-18&delegate=12", "q=a%20b%2Bc"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/directory");
            request.setQueryString(query);
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(request, new MockHttpServletResponse(), chain);

            assertThat(chain.getRequest()).as(query).isNotNull();
        }
    }
}
