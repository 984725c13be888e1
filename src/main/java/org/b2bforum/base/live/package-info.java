/**
 * Live updates of open pages: the change feed in the database and the per-node poller that pushes it.
 */
@NamedInterface("live")
package org.b2bforum.base.live;

import org.springframework.modulith.NamedInterface;
