package org.b2bforum.base.clock;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The real time, whatever the forum's clock says: for what a rehearsal ({@link RehearsalClock}) must not fool, the
 * expiry of invitation and reset links, sessions, log-in throttles and records, cluster leases and backups. Inject it
 * as {@code @WallClock Clock clock}; a plain {@code Clock} is the forum's.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface WallClock {
}
