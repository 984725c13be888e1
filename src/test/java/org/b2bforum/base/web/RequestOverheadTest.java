package org.b2bforum.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.DispatcherServlet;

/** What every HTTP request costs besides its own work (each click in Vaadin is one). */
@SpringBootTest
class RequestOverheadTest {

    @Autowired
    DispatcherServlet dispatcher;

    @Test
    void no_event_is_published_after_each_request() {
        // a ServletRequestHandledEvent nobody listens to, through Spring Modulith's multicaster (issue 17)
        assertThat(ReflectionTestUtils.getField(dispatcher, "publishEvents")).isEqualTo(false);
    }
}
