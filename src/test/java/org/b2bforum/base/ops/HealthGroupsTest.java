package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;

import org.b2bforum.ForumSpringTest;

/**
 * Liveness (restart the JVM if down) does not ask the database; readiness (send no traffic while down) does. With the
 * database in liveness, a database away for a minute answered 503 on /actuator/health/liveness, as the production
 * jar did on an external MariaDB that was stopped (2026-12-06).
 */
@ForumSpringTest
class HealthGroupsTest {

    @Autowired
    HealthEndpointGroups groups;

    @Test
    void livenessDoesNotDependOnTheDatabaseAndReadinessDoes() {
        assertThat(groups.get("liveness").isMember("livenessState")).isTrue();
        assertThat(groups.get("liveness").isMember("db")).as("the database in liveness").isFalse();
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
    }
}
