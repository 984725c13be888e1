package org.b2bforum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.ComponentTracker;

/** The browserless view tests' Vaadin: development mode, without the development tools' component tracking. */
@ForumSpringTest
class ForumBrowserlessTestTest extends ForumBrowserlessTest {

    @Test
    void components_made_and_attached_in_a_view_test_leave_no_stack_trace_behind() {
        Span span = new Span("tracked?");
        UI.getCurrent().add(span);

        assertThat(UI.getCurrent().getSession().getConfiguration().isProductionMode()).isFalse();
        assertThat(ComponentTracker.findCreate(span)).isNull();
        assertThat(ComponentTracker.findAttach(span)).isNull();
    }
}
