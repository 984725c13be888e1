package org.b2bforum.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.DispatcherServlet;

/** What every HTTP request costs besides its own work (each click in Vaadin is one). */
@ForumSpringTest
class RequestOverheadTest {

    @Autowired
    DispatcherServlet dispatcher;

    @Autowired
    SecurityObservationSettings securityObservations;

    @Test
    void spring_securitys_filters_and_checks_are_not_wrapped_for_observations() {
        // with an observation registry (the production jar's, not this test's no-op one), each of the chain's filters
        // and each @PreAuthorize went through a wrapper building a context for an observation that was off anyway
        // (management.observations.enable.spring.security=false), at every Vaadin request (issue 17)
        assertThat(securityObservations.shouldObserveRequests()).isFalse();
        assertThat(securityObservations.shouldObserveAuthentications()).isFalse();
        assertThat(securityObservations.shouldObserveAuthorizations()).isFalse();
    }

    @Test
    void no_event_is_published_after_each_request() {
        // a ServletRequestHandledEvent nobody listens to, through Spring Modulith's multicaster (issue 17)
        assertThat(ReflectionTestUtils.getField(dispatcher, "publishEvents")).isEqualTo(false);
    }
}
