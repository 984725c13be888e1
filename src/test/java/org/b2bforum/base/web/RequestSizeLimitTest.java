package org.b2bforum.base.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import jakarta.servlet.http.HttpServletRequest;

class RequestSizeLimitTest {

    final RequestSizeLimit limit = new RequestSizeLimit(DataSize.ofBytes(10));

    @Test
    void a_body_of_declared_length_over_the_limit_is_answered_413_and_never_handled() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/upload");
        request.setContent(new byte[11]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).as("not passed on").isNull();
    }

    @Test
    void a_body_of_unknown_length_fails_once_it_passes_the_limit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/upload") {
            @Override
            public long getContentLengthLong() {
                return -1; // sent in chunks
            }
        };
        request.setContent(new byte[11]);
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, new MockHttpServletResponse(), chain);

        HttpServletRequest passedOn = (HttpServletRequest) chain.getRequest();
        assertThat(passedOn.getInputStream().readNBytes(10)).hasSize(10);
        assertThatThrownBy(() -> passedOn.getInputStream().read()).isInstanceOf(IOException.class);
    }

    @Test
    void a_body_of_unknown_length_read_as_text_fails_once_it_passes_the_limit_too() throws Exception {
        // Vaadin reads its UIDL messages through the reader, not the stream
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setCharacterEncoding("UTF-8");
        request.setContent("{\"x\":\"0123456789\"}".getBytes(StandardCharsets.UTF_8));
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, new MockHttpServletResponse(), chain);

        HttpServletRequest passedOn = (HttpServletRequest) chain.getRequest();
        assertThatThrownBy(() -> passedOn.getReader().transferTo(Writer.nullWriter())).isInstanceOf(IOException.class);
    }

    @Test
    void a_body_within_the_limit_passes() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/upload");
        request.setContent(new byte[10]);
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }
}
