/**
 * This node's identity and the database leases that keep one node on a job: used by schedule runs.
 */
@NamedInterface("cluster")
package org.b2bforum.base.cluster;

import org.springframework.modulith.NamedInterface;
