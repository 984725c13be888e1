package org.b2bforum.base.database;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;

/**
 * When the application fails to start after its embedded MariaDB has started, stops that server, so that the JVM
 * ends (with the failure in the log) instead of waiting for the server forever (EmbeddedMariaDb.stopStartedFor).
 * Registered in META-INF/spring.factories: a failed start publishes its event before any bean could listen.
 */
public final class StopDatabaseOfAFailedStart implements ApplicationListener<ApplicationFailedEvent> {

    @Override
    public void onApplicationEvent(ApplicationFailedEvent event) {
        if (event.getApplicationContext() != null) {
            EmbeddedMariaDb.stopStartedFor(event.getApplicationContext());
        }
    }
}
