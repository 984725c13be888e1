package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

import com.vaadin.browserless.mocks.MockInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.server.VaadinService;

/** Views and other classes that are no beans are created without a bean look-up that fails (an exception each). */
@ForumSpringTest
class RouteInstantiationTest extends ForumBrowserlessTest {

    static final class Greeting {
        final String text = "Добрый день";
    }

    static final class PlainView {
        final Greeting greeting;

        PlainView(Greeting greeting) {
            this.greeting = greeting;
        }
    }

    /** A context that notes every bean asked for by type. */
    static final class Recording extends GenericApplicationContext {
        final List<Class<?>> asked = new ArrayList<>();

        @Override
        public <T> T getBean(Class<T> requiredType) {
            asked.add(requiredType);
            return super.getBean(requiredType);
        }
    }

    @Test
    void a_class_that_is_no_bean_is_created_autowired_without_asking_for_a_bean_and_a_bean_is_the_bean() {
        try (Recording context = new Recording()) {
            context.registerBean(Greeting.class);
            context.refresh();
            Instantiator instantiator = new RouteInstantiation(context).createInstantitor(VaadinService.getCurrent());

            PlainView view = instantiator.getOrCreate(PlainView.class);

            assertThat(view.greeting).as("created, its constructor given the bean").isSameAs(context.getBean(Greeting.class));
            assertThat(context.asked).as("no bean asked for (getBean throws for a class that is none)")
                    .doesNotContain(PlainView.class);
            assertThat(instantiator.getOrCreate(PlainView.class)).as("a new one each time").isNotSameAs(view);
            assertThat(instantiator.getOrCreate(Greeting.class)).isSameAs(context.getBean(Greeting.class));
        }
    }

    @Test
    void the_application_opens_its_pages_with_it() {
        // the browserless tests' service wraps the application's instantiator in its own
        assertThat(((MockInstantiator) VaadinService.getCurrent().getInstantiator()).getDelegate())
                .isInstanceOf(RouteInstantiation.NonBeansCreatedDirectly.class);
        assertThat(navigate(LoginView.class)).isInstanceOf(LoginView.class);
    }
}
