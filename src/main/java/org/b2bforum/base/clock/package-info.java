/**
 * The application's clocks: the forum's ({@link java.time.Clock}, the one every feature injects), which a rehearsal
 * may start at a chosen moment ({@link RehearsalClock}), and the wall clock ({@link WallClock}) that security and
 * operations keep, so that a rehearsal never fools a token's, a session's or a throttle's expiry.
 */
@NamedInterface("clock")
package org.b2bforum.base.clock;

import org.springframework.modulith.NamedInterface;
