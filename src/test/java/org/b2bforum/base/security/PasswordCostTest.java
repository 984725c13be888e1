package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** BCrypt's cost: full in production, low only under the tests' profile; hashes of either cost match. */
class PasswordCostTest {

    @Test
    void production_hashes_at_full_cost_and_only_the_test_profile_lowers_it() throws IOException {
        PasswordEncoder production = new SecurityConfiguration().passwordEncoder(10);
        assertThat(production.encode("Forum-Company-2026")).startsWith("{bcrypt-sha256}$2a$10$");
        assertThat(Files.readString(Path.of("src/main/resources/application.properties")))
                .doesNotContain("bcrypt-strength");
        assertThat(Files.readString(Path.of("src/test/resources/config/application-test.properties")))
                .contains("b2bforum.security.bcrypt-strength=4");
    }

    @Test
    void a_hash_made_at_full_cost_still_matches_under_the_low_cost_encoder() {
        String fullCost = new SecurityConfiguration().passwordEncoder(10).encode("Forum-Company-2026");
        PasswordEncoder tests = new SecurityConfiguration().passwordEncoder(4);
        assertThat(tests.encode("Forum-Company-2026")).startsWith("{bcrypt-sha256}$2a$04$");
        assertThat(tests.matches("Forum-Company-2026", fullCost)).isTrue();
        assertThat(tests.matches("another password", fullCost)).isFalse();
    }
}
