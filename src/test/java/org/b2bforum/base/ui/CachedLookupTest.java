package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;

import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;

/** Vaadin's service look-ups are made once per type, not at every navigation and call from the browser. */
@ForumSpringTest
@WithAnonymousUser
class CachedLookupTest extends ForumBrowserlessTest {

    /** Counts how often it is asked, as Vaadin's lookup that reads every jar's META-INF/services each time. */
    static final class CountingLookup implements Lookup {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public <T> T lookup(Class<T> serviceClass) {
            asked.incrementAndGet();
            return serviceClass == CharSequence.class ? serviceClass.cast("found") : null;
        }

        @Override
        public <T> Collection<T> lookupAll(Class<T> serviceClass) {
            asked.incrementAndGet();
            return List.of();
        }
    }

    @Test
    void a_service_is_looked_up_once_however_often_it_is_asked_for_and_so_is_a_missing_one() {
        CountingLookup vaadins = new CountingLookup();
        Lookup lookup = new CachedLookup.Remembering(vaadins);

        for (int i = 0; i < 5; i++) {
            assertThat(lookup.lookup(CharSequence.class)).isEqualTo("found");
            assertThat(lookup.lookup(Runnable.class)).isNull();
        }

        assertThat(vaadins.asked).as("once for each type").hasValue(2);
        lookup.lookupAll(Runnable.class);
        assertThat(vaadins.asked).as("lookupAll is passed on").hasValue(3);
    }

    @Test
    void the_running_application_looks_services_up_through_the_remembering_lookup() {
        Lookup lookup = VaadinService.getCurrent().getContext().getAttribute(Lookup.class);

        assertThat(lookup).isInstanceOf(CachedLookup.Remembering.class);
        assertThat(lookup.lookup(VaadinRolePrefixHolder.class))
                .as("the same answer each time").isSameAs(lookup.lookup(VaadinRolePrefixHolder.class));
    }
}
