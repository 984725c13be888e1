package org.b2bforum.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/** {@code ?lang=en} on any page chooses English as the RU|EN switch does, for this page and the next ones. */
class LanguageParameterFilterTest {

    @Test
    void a_page_opened_with_lang_en_is_english_and_the_browser_remembers_it() throws Exception {
        MockHttpServletRequest request = get("/meetings", "lang=en");
        request.setCookies(new Cookie("JSESSIONID", "abc"), new Cookie(Languages.COOKIE, "ru"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new LanguageParameterFilter().doFilter(request, response, chain);

        Cookie remembered = response.getCookie(Languages.COOKIE);
        assertThat(remembered.getValue()).isEqualTo("en");
        assertThat(remembered.getPath()).isEqualTo("/");
        assertThat(remembered.getMaxAge()).isEqualTo(60 * 60 * 24 * 365);
        assertThat(remembered.isHttpOnly()).isTrue();
        Cookie[] seen = ((HttpServletRequest) chain.getRequest()).getCookies();
        assertThat(Languages.chosenIn(seen)).as("this very page").isEqualTo(Languages.ENGLISH);
        assertThat(seen).extracting(Cookie::getName).containsExactlyInAnyOrder("JSESSIONID", Languages.COOKIE);
    }

    @Test
    void lang_ru_among_other_parameters_chooses_russian() throws Exception {
        MockHttpServletRequest request = get("/directory", "q=%D0%9C%D0%B8%D0%BD%D1%81%D0%BA&lang=ru");
        request.setCookies(new Cookie(Languages.COOKIE, "en"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new LanguageParameterFilter().doFilter(request, response, chain);

        assertThat(response.getCookie(Languages.COOKIE).getValue()).isEqualTo("ru");
        assertThat(Languages.chosenIn(((HttpServletRequest) chain.getRequest()).getCookies()))
                .isEqualTo(Languages.RUSSIAN);
    }

    @Test
    void anything_else_leaves_the_language_as_it_was() throws Exception {
        for (String query : new String[] {null, "", "lang=de", "lang=", "language=en", "xlang=en", "q=lang=en"}) {
            MockHttpServletRequest request = get("/login", query);
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            new LanguageParameterFilter().doFilter(request, response, chain);

            assertThat(response.getCookies()).as(query).isEmpty();
            assertThat(chain.getRequest()).as(query).isSameAs(request);
        }
        MockHttpServletRequest post = get("/login", "lang=en");
        post.setMethod("POST");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new LanguageParameterFilter().doFilter(post, response, new MockFilterChain());
        assertThat(response.getCookies()).as("a form's post").isEmpty();
    }

    private static MockHttpServletRequest get(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        return request;
    }
}
